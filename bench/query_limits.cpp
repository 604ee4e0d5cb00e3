// The query limits (searcher/src/query_limits.hpp) against query sets: parses
// every query of each `qid<TAB>query` file as akhbar-search does against DB
// (its analyzer profile, stem and root classes), and prints the largest value
// of each limited quantity beside its limit, with the number of queries that
// break one. bench/query_limits.sh runs it on the relevance and latency sets.
//
//   akhbar-bench-query-limits [--literal] [--profile NAME] DB FILE...

#include <algorithm>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/lines.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/terms.hpp"
#include "query_parser.hpp"

namespace detail = akhbar::detail;

namespace {

struct Row {
    const char* name;
    std::size_t detail::QueryCost::*field;
    std::size_t limit;
};

}  // namespace

int main(int argc, char* argv[])
{
    bool literal = false;
    std::string profile;
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--literal") {
            literal = true;
        } else if (arg == "--profile" && i + 1 < argc) {
            profile = argv[++i];
        } else {
            args.push_back(arg);
        }
    }
    if (args.size() < 2) {
        std::cerr << "usage: akhbar-bench-query-limits [--literal] [--profile NAME] DB FILE...\n";
        return 2;
    }
    try {
        const Xapian::Database db(args[0]);
        if (profile.empty()) {
            profile = db.get_metadata(std::string(akhbar::schema::META_PROFILE));
        }
        const akhbar::Analyzer analyzer(profile);
        detail::StemClasses classes(analyzer.profile().expansion_stemmer);
        detail::QueryCost most;
        std::size_t most_lookups = 0;
        std::size_t queries = 0;
        std::size_t rejected = 0;
        for (std::size_t f = 1; f < args.size(); ++f) {
            std::ifstream in(args[f]);
            if (!in) {
                std::cerr << "akhbar-bench-query-limits: cannot read " << args[f] << "\n";
                return 1;
            }
            std::string line;
            std::size_t number = 0;
            while (akhbar::next_data_line(in, line, number)) {
                const auto tab = line.find('\t');
                if (tab == std::string::npos) {
                    continue;
                }
                ++queries;
                try {
                    const detail::ParsedQuery parsed = detail::parse_query(
                        line.substr(tab + 1), false, analyzer, db, literal, &classes);
                    const detail::QueryCost& c = parsed.cost;
                    most = {std::max(most.bytes, c.bytes), std::max(most.depth, c.depth),
                            std::max(most.words, c.words), std::max(most.terms, c.terms)};
                    // As Searcher's suggestion(): the words not in the index.
                    std::size_t lookups = 0;
                    for (const akhbar::QueryWord& w : parsed.words) {
                        if (!w.stopword && !w.stem.empty() &&
                            db.get_termfreq(akhbar::schema::encode_term(w.stem)) == 0) {
                            ++lookups;
                        }
                    }
                    most_lookups = std::max(most_lookups, lookups);
                } catch (const akhbar::QueryError& e) {
                    // Only limits count: a query the parser always refused
                    // (stopwords only) is not the limits' doing.
                    const std::string what = e.what();
                    if (what.find("limit") != std::string::npos) {
                        ++rejected;
                        std::cerr << args[f] << ":" << number << ": " << what << "\n";
                    }
                }
            }
        }
        const Row rows[] = {
            {"bytes", &detail::QueryCost::bytes, detail::MAX_QUERY_BYTES},
            {"parenthesis depth", &detail::QueryCost::depth, detail::MAX_QUERY_DEPTH},
            {"words", &detail::QueryCost::words, detail::MAX_QUERY_WORDS},
            {"terms after expansion", &detail::QueryCost::terms, detail::MAX_QUERY_TERMS},
        };
        std::cout << "| quantity | largest in the set | limit |\n|---|---|---|\n";
        for (const Row& r : rows) {
            std::cout << "| " << r.name << " | " << most.*r.field << " | " << r.limit << " |\n";
        }
        std::cout << "| words not in the index (spelling look-ups) | " << most_lookups << " | "
                  << detail::MAX_SPELLING_LOOKUPS << " (then no more look-ups) |\n";
        std::cout << queries << " queries (profile " << profile << "), " << rejected
                  << " over a limit\n";
        return rejected == 0 && most_lookups <= detail::MAX_SPELLING_LOOKUPS ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "akhbar-bench-query-limits: " << e.what() << "\n";
        return 1;
    }
}
