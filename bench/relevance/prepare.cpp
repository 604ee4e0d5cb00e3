// Prepares the relevance test collections from ../shared/data:
//
//   akhbar-bench-prepare qrcd PASSAGES.tsv OUT.jsonl
//       the Qur'anic passages as JSON Lines ({"id", "text"}), for akhbar-index;
//   akhbar-bench-prepare known-item N OUT_DIR ANT.jsonl.gz...
//       OUT_DIR/bodies.jsonl   every article without its headline,
//       OUT_DIR/queries.tsv    N headlines of 3 words or more (fixed seed),
//       OUT_DIR/qrels          each headline's one right answer: its article.
//   akhbar-bench-prepare known-item-outlets N OUT_DIR ANT.jsonl.gz...
//       the same, with N headlines from each of ANT's six outlets (ids
//       OUTLET-k0, OUTLET-k1...), and OUT_DIR/qrels.OUTLET for each outlet
//       alone, so that a change is seen per outlet, not only on average.
//       An article whose body is the same text as the headline's article
//       is a right answer too: with the headlines left out, nothing tells
//       the two apart, and which one ranks first is decided by how an engine
//       orders equal scores (273 of France24's 500 answers have such twins).
//
// The source files are read, never modified.

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
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

// ANT's outlets as its `source` field names them, and the short name used in
// query ids, file names and docs/relevance.md.
struct Outlet {
    std::string_view source;
    std::string_view name;
};
constexpr std::array OUTLETS{Outlet{"Jawhara FM", "jawhara"}, Outlet{"alarabia", "alarabiya"},
                             Outlet{"BBC", "bbc"},               Outlet{"skynews", "skynews"},
                             Outlet{"france24", "france24"},     Outlet{"CNN", "cnn"}};

std::vector<akhbar::Article> read_ant(const std::vector<std::string>& files)
{
    std::vector<akhbar::Article> articles;
    for (const auto& f : files) {
        const akhbar::SourceFile source{f, f, akhbar::SourceKind::jsonl, 0, f};
        akhbar::read_articles(source, nullptr, [&](akhbar::Article&& a) { articles.push_back(std::move(a)); },
                              [](const akhbar::Problem& p) { std::cerr << p.message << "\n"; });
    }
    return articles;
}

// Writes every article without its headline to OUT_DIR/bodies.jsonl.
bool write_bodies(const std::vector<akhbar::Article>& articles, const std::string& dir)
{
    std::ofstream bodies(dir + "/bodies.jsonl");
    for (const auto& a : articles) {
        nlohmann::json j{{"id", a.id}, {"text", a.text}};
        if (!a.source.empty()) {
            j["source"] = a.source;
        }
        bodies << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return static_cast<bool>(bodies);
}

// Whether a's headline can be a known-item query: three words or more, and a
// body to find.
bool is_candidate(const akhbar::Article& a)
{
    return words(a.title) >= 3 && !a.text.empty();
}

// Up to n of `candidates`, drawn with the fixed seed.
std::vector<std::size_t> draw(std::vector<std::size_t> candidates, std::size_t n)
{
    std::mt19937 rng(KNOWN_ITEM_SEED);
    std::shuffle(candidates.begin(), candidates.end(), rng);
    candidates.resize(std::min(n, candidates.size()));
    return candidates;
}

// For each article, the articles whose body is the same text, itself
// included, in input order.
std::vector<std::vector<std::size_t>> same_bodies(const std::vector<akhbar::Article>& articles)
{
    std::unordered_map<std::string_view, std::vector<std::size_t>> by_text;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        by_text[articles[i].text].push_back(i);
    }
    std::vector<std::vector<std::size_t>> twins(articles.size());
    for (std::size_t i = 0; i < articles.size(); ++i) {
        twins[i] = by_text.at(articles[i].text);
    }
    return twins;
}

// Appends the queries `picked` to `queries` and their answers to each qrels
// stream, ids PREFIX0, PREFIX1...: the headline's article, and with `twins`
// every article of the same body.
void write_queries(const std::vector<akhbar::Article>& articles, const std::vector<std::size_t>& picked,
                   const std::vector<std::vector<std::size_t>>* twins, const std::string& prefix,
                   std::ostream& queries, std::initializer_list<std::ostream*> qrels)
{
    for (std::size_t q = 0; q < picked.size(); ++q) {
        const std::size_t i = picked[q];
        queries << prefix << q << "\t" << one_line(articles[i].title) << "\n";
        const std::vector<std::size_t> own{i};
        for (const std::size_t answer : twins != nullptr ? (*twins)[i] : own) {
            for (auto* out : qrels) {
                *out << prefix << q << "\t0\t" << articles[answer].id << "\t1\n";
            }
        }
    }
}

int known_item(std::size_t n, const std::string& dir, const std::vector<std::string>& files)
{
    const auto articles = read_ant(files);
    std::filesystem::create_directories(dir);
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        if (is_candidate(articles[i])) {
            candidates.push_back(i);
        }
    }
    const auto picked = draw(std::move(candidates), n);
    std::ofstream queries(dir + "/queries.tsv");
    std::ofstream qrels(dir + "/qrels");
    write_queries(articles, picked, nullptr, "k", queries, {&qrels});
    std::cerr << "known-item: " << articles.size() << " bodies, " << picked.size() << " headline queries\n";
    return write_bodies(articles, dir) && queries && qrels ? 0 : 1;
}

int known_item_outlets(std::size_t n, const std::string& dir, const std::vector<std::string>& files)
{
    const auto articles = read_ant(files);
    const auto twins = same_bodies(articles);
    std::filesystem::create_directories(dir);
    std::ofstream queries(dir + "/queries.tsv");
    std::ofstream qrels(dir + "/qrels");
    bool ok = write_bodies(articles, dir);
    for (const auto& outlet : OUTLETS) {
        std::vector<std::size_t> candidates;
        for (std::size_t i = 0; i < articles.size(); ++i) {
            if (articles[i].source == outlet.source && is_candidate(articles[i])) {
                candidates.push_back(i);
            }
        }
        const auto picked = draw(std::move(candidates), n);
        if (picked.size() < n) {
            std::cerr << "known-item-outlets: " << outlet.source << " has only " << picked.size()
                      << " headlines of 3 words or more\n";
            ok = false;
        }
        std::ofstream own(dir + "/qrels." + std::string(outlet.name));
        write_queries(articles, picked, &twins, std::string(outlet.name) + "-k", queries, {&qrels, &own});
        ok = ok && static_cast<bool>(own);
        std::cerr << "known-item-outlets: " << outlet.name << ": " << picked.size() << " headline queries\n";
    }
    std::cerr << "known-item-outlets: " << articles.size() << " bodies\n";
    return ok && queries && qrels ? 0 : 1;
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
    if (args.size() >= 4 && args[0] == "known-item-outlets") {
        return known_item_outlets(std::stoul(args[1]), args[2], {args.begin() + 3, args.end()});
    }
    std::cerr << "usage: akhbar-bench-prepare qrcd PASSAGES.tsv OUT.jsonl\n"
                 "       akhbar-bench-prepare known-item N OUT_DIR ANT.jsonl.gz...\n"
                 "       akhbar-bench-prepare known-item-outlets N OUT_DIR ANT.jsonl.gz...\n";
    return 2;
}
