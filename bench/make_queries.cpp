// Writes the fixed benchmark query set: from the ANT articles, with a fixed
// seed, N real headlines and N runs of 1-3 consecutive headline words, as
// `qid<TAB>query` lines. Characters that are query syntax (quotes,
// parentheses, colons, asterisks, a leading minus) are replaced by spaces:
// headlines are measured as free text, as other engines would take them.
//
//   akhbar-bench-queries N FILE.jsonl.gz... > queries.tsv

#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "akhbar/indexer/sources.hpp"

namespace {

constexpr unsigned SEED = 20251106;

std::string free_text(const std::string& title)
{
    std::string out;
    for (const char c : title) {
        out += (c == '"' || c == '(' || c == ')' || c == ':' || c == '*' || c == '\t' || c == '\n') ? ' ' : c;
    }
    std::istringstream words(out);
    std::string word;
    std::string joined;
    while (words >> word) {
        while (!word.empty() && word[0] == '-') {
            word.erase(0, 1);
        }
        if (word.empty() || word == "AND" || word == "OR" || word == "NOT" || word == "NEAR") {
            continue;
        }
        joined += (joined.empty() ? "" : " ") + word;
    }
    return joined;
}

}  // namespace

int main(int argc, char* argv[])
{
    if (argc < 3) {
        std::cerr << "usage: akhbar-bench-queries N FILE.jsonl.gz...\n";
        return 2;
    }
    const auto n = static_cast<std::size_t>(std::stoul(argv[1]));
    std::vector<std::string> titles;
    for (int i = 2; i < argc; ++i) {
        const akhbar::SourceFile source{argv[i], argv[i], akhbar::SourceKind::jsonl, 0, argv[i]};
        akhbar::read_articles(
            source, nullptr,
            [&](akhbar::Article&& a) {
                if (const std::string t = free_text(a.title); std::count(t.begin(), t.end(), ' ') >= 2) {
                    titles.push_back(t);
                }
            },
            [](const akhbar::Problem& p) { std::cerr << p.message << "\n"; });
    }
    if (titles.empty()) {
        std::cerr << "akhbar-bench-queries: no headlines\n";
        return 1;
    }
    std::mt19937 rng(SEED);
    std::uniform_int_distribution<std::size_t> pick(0, titles.size() - 1);
    for (std::size_t q = 0; q < n; ++q) {
        std::cout << "h" << q << "\t" << titles[pick(rng)] << "\n";
    }
    for (std::size_t q = 0; q < n; ++q) {
        std::istringstream in(titles[pick(rng)]);
        std::vector<std::string> words;
        std::string w;
        while (in >> w) {
            words.push_back(w);
        }
        const std::size_t len = 1 + rng() % 3;
        const std::size_t start = rng() % (words.size() - std::min(len, words.size()) + 1);
        std::string query;
        for (std::size_t i = start; i < start + len && i < words.size(); ++i) {
            query += (query.empty() ? "" : " ") + words[i];
        }
        std::cout << "w" << q << "\t" << query << "\n";
    }
    return 0;
}
