// The grammar (searcher/src/query_grammar.cpp) on its own: query -> syntax
// tree, or -> the error's exact text, one row each in
// tests/data/query_trees.tsv (Xapian's queryparsertest.cc style), and the
// limits checked before the grammar runs, at and past their values.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "query_parser.hpp"
#include "support/named_row.hpp"
#include "support/tsv.hpp"

namespace bdata = boost::unit_test::data;
namespace detail = akhbar::detail;
using akhbar::test::NamedRow;

namespace {

// The tree of `query` printed, or "error: " and the QueryError's text.
std::string tree_of(const std::string& query, bool literal = false)
{
    static const akhbar::Analyzer analyzer("akhbar");
    try {
        return detail::to_string(detail::parse_syntax(query, analyzer, literal));
    } catch (const akhbar::QueryError& e) {
        BOOST_TEST(e.query() == query);
        return std::string("error: ") + e.what();
    }
}

std::string repeat(const std::string& s, std::size_t n, const std::string& separator = "")
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += (i == 0 ? "" : separator) + s;
    }
    return out;
}

const std::string DEEP = repeat("(", detail::MAX_QUERY_DEPTH + 1) + "اتفاق";
const std::string AT_DEPTH =
    repeat("(", detail::MAX_QUERY_DEPTH) + "اتفاق" + repeat(")", detail::MAX_QUERY_DEPTH);
const std::string MANY_WORDS = repeat("اتفاق", detail::MAX_QUERY_WORDS + 1, " ");
// Filter values are not words searched: as many again pass.
const std::string MANY_SOURCES =
    repeat("اتفاق", detail::MAX_QUERY_WORDS, " ") + repeat(" source:اتفاق", 10);
const std::string LONG = repeat("x", detail::MAX_QUERY_BYTES + 1);
const std::string AT_BYTES = repeat("x", detail::MAX_QUERY_BYTES);

// clang-format off
const NamedRow LIMIT_ROWS[] = {
    {"depth-past",     DEEP.c_str(),         "error: query error at character 33: parentheses nested deeper than the limit of 32"},
    {"depth-at",       AT_DEPTH.c_str(),     "اتفاق"},
    {"words-past",     MANY_WORDS.c_str(),   "error: query error at character 385: more words than the limit of 64 (stopwords not counted)"},
    {"bytes-past",     LONG.c_str(),         "error: query error: the query is 4097 bytes long, more than the limit of 4096"},
    {"bytes-at",       AT_BYTES.c_str(),     AT_BYTES.c_str()},
    {"invalid-utf8",   "اتفاق \xFF",         "error: query error: invalid UTF-8 at byte 11"},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_SUITE(query_tree)

BOOST_AUTO_TEST_CASE(table)
{
    const auto rows = akhbar::test::read_tsv("query_trees.tsv");
    BOOST_TEST(rows.size() >= 70U);
    for (const auto& row : rows) {
        const std::string tree = tree_of(row.at(1));
        BOOST_TEST(tree == row.at(2), row << " got [" << tree << "]");
    }
}

BOOST_DATA_TEST_CASE(limits, bdata::make(LIMIT_ROWS), row)
{
    BOOST_TEST(tree_of(row.input) == row.expected);
}

BOOST_AUTO_TEST_CASE(filter_values_are_not_words)
{
    BOOST_TEST(tree_of(MANY_SOURCES).starts_with("(اتفاق"));
    // In a filter's parentheses too; a title's are words.
    const std::string words = repeat("اتفاق", detail::MAX_QUERY_WORDS, " ");
    BOOST_TEST(tree_of(words + " source:(" + repeat("اتفاق", 10, " ") + ")").starts_with("(اتفاق"));
    BOOST_TEST(tree_of(words + " title:(سلام)").starts_with("error: query error at character"));
    // An id or a URL ending in * is not a word* prefix.
    BOOST_TEST(tree_of("id:(a* b)") == "(OR id:a* id:b)");
}

// Literal mode: every white-space separated chunk a word, operators and
// parentheses included.
BOOST_AUTO_TEST_CASE(literal_mode_has_words_only)
{
    BOOST_TEST(tree_of("مصر OR -سوريا (لبنان title:x", true) == "(مصر OR -سوريا (لبنان title:x)");
    BOOST_TEST(tree_of("مصر", true) == "مصر");
}

BOOST_AUTO_TEST_SUITE_END()
