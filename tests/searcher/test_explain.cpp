// --explain (SearchRequest::explain): each hit's score split into the parts
// of the query that made it and the rescoring's boosts, which must add up to
// the score, for every kind of query and every ranking; and each query word
// with what it was searched as.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <string>

#include "akhbar/akhbar.h"
#include "akhbar/common/ranking.hpp"
#include "akhbar/searcher/json.hpp"
#include "akhbar/searcher/format_explain.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "support/index.hpp"
#include "support/temp_dir.hpp"

using akhbar::SearchRequest;
using akhbar::SearchResult;
using akhbar::Searcher;

namespace {

// The ANT sample (tests/data/ant_samples.README.md) and the seed corpus.
struct Collection {
    akhbar::test::TempDir dir;
    std::string db;
    Collection()
    {
        akhbar::IndexerOptions options;
        options.db = dir / "db";
        db = akhbar::test::index_paths(options, {std::string(AKHBAR_TEST_DATA_DIR) +
                                                     "/ant_sample.jsonl",
                                                 std::string(AKHBAR_SOURCE_DIR) + "/corpus"})
                 .string();
    }
};

Collection& collection()
{
    static Collection c;
    return c;
}

struct Row {
    std::string name;
    std::string query;
    std::string ranking;  // request field "ranking"; "" for the profile's
    std::string sort;
    bool all = false;
};

std::ostream& operator<<(std::ostream& os, const Row& row) { return os << row.name; }

const Row ROWS[] = {
    {"one word", "تونس", "", ""},
    {"two words", "الفنان المهرجان", "", ""},
    {"two words, all required", "الفنان المهرجان", "", "", true},
    {"a name with variants", "أبراهام", "", ""},
    {"a phrase", "\"الدورة الثانية\"", "", ""},
    {"a required phrase", "+\"أيام قرطاج\" المسرحية", "", ""},
    {"near", "مهرجان NEAR قرطاج", "", ""},
    {"a prefix", "مهرج*", "", ""},
    {"a title word", "title:الفيلم جائزة", "", ""},
    {"an exclusion and a filter", "الفيلم -جائزة date:2017", "", ""},
    {"OR of an AND", "(الفنان AND المسرح) OR جحا", "", ""},
    {"bm25 ranking", "الفنان المهرجان", "bm25", ""},
    {"lucene ranking", "الفنان المهرجان", "lucene-bm25", ""},
    {"date order", "الفنان المهرجان", "", "date"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(explain)

BOOST_DATA_TEST_CASE(the_parts_add_up_to_the_score, ROWS, row)
{
    SearchRequest request;
    request.query = row.query;
    request.match_all = row.all;
    request.explain = true;
    request.limit = 40;  // past the rescoring window too
    if (!row.ranking.empty()) {
        request.ranking = akhbar::parse_ranking(row.ranking);
    }
    if (!row.sort.empty()) {
        request.sort = akhbar::parse_sort_order(row.sort);
    }
    const SearchResult r = Searcher({collection().db}).search(request);
    BOOST_TEST_REQUIRE(!r.hits.empty());
    BOOST_TEST(r.explained);
    // Lucene's scores are floats: the parts, doubles, add up to a float.
    const double tolerance = row.ranking == "lucene-bm25" ? 1e-6 : 1e-9;
    for (const akhbar::Hit& hit : r.hits) {
        BOOST_TEST_CONTEXT("hit " << hit.rank << " " << hit.id)
        {
            BOOST_TEST_REQUIRE(hit.explanation.has_value());
            double sum = 0;
            double match = 0;
            for (const akhbar::ScorePart& p : hit.explanation->parts) {
                BOOST_TEST(p.score >= 0);
                sum += p.score;
                if (p.kind != "proximity" && p.kind != "lead") {
                    match += p.score;
                }
            }
            BOOST_TEST(std::abs(sum - hit.score) <= tolerance * hit.score,
                       "parts " << sum << " != score " << hit.score);
            BOOST_TEST(std::abs(match - hit.explanation->match) <=
                           tolerance * hit.explanation->match,
                       "match parts " << match << " != match " << hit.explanation->match);
        }
    }
}

BOOST_AUTO_TEST_CASE(parts_name_their_words_and_kinds)
{
    SearchRequest request;
    request.query = "الفنان المهرجان";
    request.explain = true;
    const SearchResult r = Searcher({collection().db}).search(request);
    BOOST_TEST_REQUIRE(!r.hits.empty());
    std::set<std::string> kinds;
    for (const akhbar::ScorePart& p : r.hits[0].explanation->parts) {
        kinds.insert(p.kind);
        if (p.kind == "proximity" || p.kind == "lead") {
            BOOST_TEST(p.word.empty());
        } else {
            BOOST_TEST((p.word == "الفنان" || p.word == "المهرجان"), p.word);
            BOOST_TEST(!p.terms.empty());
        }
    }
    // The first hit has both words, in its lead, and is rescored.
    BOOST_TEST(kinds.count("lead") == 1U);
    // Each word's stem class lists its own stem.
    BOOST_TEST_REQUIRE(r.words.size() == 2U);
    for (const akhbar::QueryWord& w : r.words) {
        BOOST_TEST((std::find(w.stem_class.begin(), w.stem_class.end(), w.stem) !=
                    w.stem_class.end()));
    }
    const std::string text = akhbar::format_hit_explanation(*r.hits[0].explanation,
                                                            r.hits[0].score, "   ");
    BOOST_TEST(text.starts_with("   score "));
    BOOST_TEST(text.find(" = match ") != std::string::npos);
    const std::string words = akhbar::format_query_explanation(r);
    BOOST_TEST(words.starts_with("Query words:\n  الفنان: normalized الفنان, stem "));
}

BOOST_AUTO_TEST_CASE(no_explanation_unless_asked)
{
    SearchRequest request;
    request.query = "تونس";
    const SearchResult r = Searcher({collection().db}).search(request);
    BOOST_TEST_REQUIRE(!r.hits.empty());
    BOOST_TEST(!r.explained);
    for (const akhbar::Hit& hit : r.hits) {
        BOOST_TEST(!hit.explanation.has_value());
    }
}

BOOST_AUTO_TEST_CASE(the_c_api_takes_explain)
{
    const char* paths[] = {collection().db.c_str()};
    akhbar_searcher* handle = nullptr;
    char* error = nullptr;
    BOOST_TEST_REQUIRE(akhbar_searcher_open(paths, 1, &handle, &error) == AKHBAR_OK);
    char* result = nullptr;
    BOOST_TEST_REQUIRE(akhbar_searcher_search(handle, R"({"query": "تونس", "explain": true})",
                                              &result, &error) == AKHBAR_OK);
    SearchRequest request;
    request.query = "تونس";
    request.explain = true;
    BOOST_TEST(nlohmann::json::parse(result) ==
               nlohmann::json::parse(akhbar::to_json(Searcher({collection().db}).search(request))));
    BOOST_TEST(nlohmann::json::parse(result)["hits"][0].contains("explanation"));
    akhbar_free(result);
    akhbar_searcher_close(handle);
}

BOOST_AUTO_TEST_SUITE_END()
