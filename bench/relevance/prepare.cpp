// Prepares the relevance test collections from ../shared/data:
//
//   akhbar-bench-prepare qrcd PASSAGES.tsv OUT.jsonl
//       the Qur'anic passages as JSON Lines ({"id", "text"}), for akhbar-index;
//   akhbar-bench-prepare known-item N OUT_DIR ANT.jsonl.gz...
//       OUT_DIR/bodies.jsonl   every article without its headline,
//       OUT_DIR/queries.tsv    N headlines of 3 words or more (fixed seed),
//       OUT_DIR/qrels          each headline's one right answer: its article.
//
// The source files are read, never modified.

#include <algorithm>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "akhbar/indexer/sources.hpp"

namespace {

constexpr unsigned KNOWN_ITEM_SEED = 20251107;

std::string one_line(std::string s)
{
    std::replace(s.begin(), s.end(), '\t', ' ');
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::replace(s.begin(), s.end(), '\r', ' ');
    return s;
}

std::size_t words(const std::string& s)
{
    std::istringstream in(s);
    std::string w;
    std::size_t n = 0;
    while (in >> w) {
        ++n;
    }
    return n;
}

int qrcd(const std::string& passages, const std::string& out_path)
{
    std::ifstream in(passages);
    std::ofstream out(out_path);
    if (!in || !out) {
        std::cerr << "akhbar-bench-prepare: cannot read " << passages << " or write " << out_path << "\n";
        return 1;
    }
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) {
            continue;
        }
        out << nlohmann::json{{"id", line.substr(0, tab)}, {"text", line.substr(tab + 1)}}.dump() << "\n";
        ++n;
    }
    std::cerr << "qrcd: " << n << " passages\n";
    return 0;
}

int known_item(std::size_t n, const std::string& dir, const std::vector<std::string>& files)
{
    std::vector<akhbar::Article> articles;
    for (const auto& f : files) {
        const akhbar::SourceFile source{f, f, akhbar::SourceKind::jsonl, 0, f};
        akhbar::read_articles(source, nullptr, [&](akhbar::Article&& a) { articles.push_back(std::move(a)); },
                              [](const akhbar::Problem& p) { std::cerr << p.message << "\n"; });
    }
    std::ofstream bodies(dir + "/bodies.jsonl");
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        const auto& a = articles[i];
        nlohmann::json j{{"id", a.id}, {"text", a.text}};
        if (!a.source.empty()) {
            j["source"] = a.source;
        }
        bodies << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        if (words(a.title) >= 3 && !a.text.empty()) {
            candidates.push_back(i);
        }
    }
    std::mt19937 rng(KNOWN_ITEM_SEED);
    std::shuffle(candidates.begin(), candidates.end(), rng);
    candidates.resize(std::min(n, candidates.size()));
    std::ofstream queries(dir + "/queries.tsv");
    std::ofstream qrels(dir + "/qrels");
    for (std::size_t q = 0; q < candidates.size(); ++q) {
        const auto& a = articles[candidates[q]];
        queries << "k" << q << "\t" << one_line(a.title) << "\n";
        qrels << "k" << q << "\t0\t" << a.id << "\t1\n";
    }
    std::cerr << "known-item: " << articles.size() << " bodies, " << candidates.size() << " headline queries\n";
    return bodies && queries && qrels ? 0 : 1;
}

}  // namespace

int main(int argc, char* argv[])
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 3 && args[0] == "qrcd") {
        return qrcd(args[1], args[2]);
    }
    if (args.size() >= 4 && args[0] == "known-item") {
        return known_item(std::stoul(args[1]), args[2], {args.begin() + 3, args.end()});
    }
    std::cerr << "usage: akhbar-bench-prepare qrcd PASSAGES.tsv OUT.jsonl\n"
                 "       akhbar-bench-prepare known-item N OUT_DIR ANT.jsonl.gz...\n";
    return 2;
}
