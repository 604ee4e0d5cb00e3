// The names of the request's and the result's enums, read both ways: what
// the C API, the JSON output and akhbar-search spell (request_names.cpp,
// parse_ranking, parse_strictness, to_string(DateSource)), and the indexer's
// --shard-by (checked_shard_by).

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "akhbar/common/error.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace {

// Each value's name, and the name read back.
template <class Enum, class Parse>
std::vector<std::string> names_both_ways(std::initializer_list<Enum> values, Parse parse)
{
    std::vector<std::string> names;
    for (const Enum value : values) {
        const std::string name(akhbar::to_string(value));
        BOOST_TEST((parse(name) == value), name);
        names.push_back(name);
    }
    return names;
}

struct UnknownName {
    const char* name;
    std::function<void()> parse;
    const char* message;
};

std::ostream& operator<<(std::ostream& os, const UnknownName& row) { return os << row.name; }

const UnknownName UNKNOWN_NAMES[] = {
    {"sort_order", [] { (void)akhbar::parse_sort_order("old"); },
     "unknown sort order \"old\" (known: relevance, date, newest, oldest)"},
    {"sort_order_case", [] { (void)akhbar::parse_sort_order("Date"); },
     "unknown sort order \"Date\" (known: relevance, date, newest, oldest)"},
    {"granularity", [] { (void)akhbar::parse_granularity("week"); },
     "unknown granularity \"week\" (known: day, month, year)"},
    {"ranking", [] { (void)akhbar::parse_ranking("tfidf"); },
     "unknown ranking \"tfidf\" (known: akhbar, bm25, lucene-bm25)"},
    {"ranking_empty", [] { (void)akhbar::parse_ranking(""); },
     "unknown ranking \"\" (known: akhbar, bm25, lucene-bm25)"},
    {"strictness", [] { (void)akhbar::parse_strictness("loose"); },
     "unknown strictness \"loose\" (known: exact, normalized, stemmed)"},
    {"shard_period", [] { (void)akhbar::checked_shard_by("week"); },
     "unknown shard period \"week\" (known: none, month, year)"},
    {"escaped", [] { (void)akhbar::parse_sort_order("\x1b[2J"); },
     "unknown sort order \"\\x1B[2J\" (known: relevance, date, newest, oldest)"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(request_names)

BOOST_AUTO_TEST_CASE(every_value_has_one_name_both_ways)
{
    using namespace akhbar;
    BOOST_TEST(names_both_ways({SortOrder::relevance, SortOrder::date}, parse_sort_order) ==
               (std::vector<std::string>{"relevance", "date"}));
    BOOST_TEST(names_both_ways({Strictness::exact, Strictness::normalized, Strictness::stemmed},
                               parse_strictness) ==
               (std::vector<std::string>{"exact", "normalized", "stemmed"}));
    BOOST_TEST(names_both_ways({Granularity::day, Granularity::month, Granularity::year},
                               parse_granularity) ==
               (std::vector<std::string>{"day", "month", "year"}));
    BOOST_TEST(names_both_ways(
                   {RankingScheme::akhbar, RankingScheme::bm25, RankingScheme::lucene_bm25},
                   parse_ranking) == (std::vector<std::string>{"akhbar", "bm25", "lucene-bm25"}));
    BOOST_TEST(names_both_ways({ShardBy::none, ShardBy::month, ShardBy::year}, checked_shard_by) ==
               (std::vector<std::string>{"none", "month", "year"}));
    // Written by the indexer, never read from a request: a name only.
    BOOST_TEST(to_string(DateSource::metadata) == "metadata");
    BOOST_TEST(to_string(DateSource::text) == "text");
    BOOST_TEST(to_string(DateSource::none) == "none");
}

BOOST_DATA_TEST_CASE(an_unknown_name_is_refused_naming_the_known_ones,
                     boost::unit_test::data::make(UNKNOWN_NAMES), row)
{
    BOOST_CHECK_EXCEPTION(row.parse(), akhbar::InvalidArgument,
                          [&](const akhbar::InvalidArgument& e) {
                              BOOST_TEST(std::string(e.what()) == row.message);
                              return true;
                          });
}

BOOST_AUTO_TEST_SUITE_END()
