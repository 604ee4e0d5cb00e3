// The builder (searcher/src/query_builder.cpp, query_parts.cpp) and the
// filters (query_filters.cpp) on their own: a syntax tree -> the Xapian
// query, and the highlight and proximity spec from the same tree. Over an
// empty database and no stem classes, so each word is its own term and its
// title term.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/terms.hpp"
#include "query_builder.hpp"
#include "query_limits.hpp"
#include "query_parser.hpp"
#include "support/named_row.hpp"

namespace bdata = boost::unit_test::data;
namespace detail = akhbar::detail;
namespace schema = akhbar::schema;
using akhbar::test::NamedRow;

namespace {

std::string term_text(const std::string& term)
{
    if (term.starts_with(schema::PREFIX_TITLE) && term.size() > 1 &&
        static_cast<unsigned char>(term[1]) >= 0x80U) {
        return "title:" + schema::decode_term(term.substr(1));
    }
    if (!term.empty() && static_cast<unsigned char>(term[0]) >= 0x80U) {
        return schema::decode_term(term);
    }
    std::string out;
    for (const char c : term) {
        out += c == '\0' ? std::string("\\0") : std::string(1, c);
    }
    return out;
}

// A Xapian query printed with its terms decoded: (OP sub...) or a term.
std::string printed(const Xapian::Query& q)
{
    switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM:
        return term_text(*q.get_terms_begin());
    case Xapian::Query::LEAF_MATCH_ALL:
        return "ALL";
    case Xapian::Query::OP_WILDCARD:
        return "WILDCARD";
    case Xapian::Query::OP_VALUE_RANGE:
    case Xapian::Query::OP_VALUE_GE: {
        const std::string d = q.get_description();  // Query(VALUE_RANGE 0 A B)
        return d.substr(6, d.size() - 7);
    }
    default:
        break;
    }
    static const std::pair<Xapian::Query::op, const char*> NAMES[] = {
        {Xapian::Query::OP_AND, "AND"},       {Xapian::Query::OP_OR, "OR"},
        {Xapian::Query::OP_AND_NOT, "AND_NOT"}, {Xapian::Query::OP_AND_MAYBE, "AND_MAYBE"},
        {Xapian::Query::OP_FILTER, "FILTER"}, {Xapian::Query::OP_NEAR, "NEAR"},
        {Xapian::Query::OP_PHRASE, "PHRASE"}, {Xapian::Query::OP_SYNONYM, "SYNONYM"},
        {Xapian::Query::OP_SCALE_WEIGHT, "SCALE"},
    };
    std::string out = "(?";
    for (const auto& [op, name] : NAMES) {
        if (op == q.get_type()) {
            out = std::string("(") + name;
        }
    }
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        out += " " + printed(q.get_subquery(i));
    }
    return out + ")";
}

detail::BuiltQuery built(const std::string& query, bool match_all = false)
{
    static const akhbar::Analyzer analyzer("akhbar");
    static const Xapian::Database empty;
    const detail::Node tree = detail::parse_syntax(query, analyzer, false);
    detail::Expander expander(analyzer, empty, nullptr, akhbar::Strictness::stemmed, tree);
    return detail::build_query(query, tree, match_all, analyzer, empty, expander);
}

// clang-format off
const NamedRow ROWS[] = {
    {"word",            "مصر",                  "(OR مصر title:مصر)"},
    {"stopword-dropped", "في مصر",              "(OR مصر title:مصر)"},
    {"words",           "مصر لبنان",            "(OR (OR مصر title:مصر) (OR لبن title:لبن))"},
    {"required",        "+مصر لبنان",           "(AND_MAYBE (OR مصر title:مصر) (OR لبن title:لبن))"},
    {"excluded",        "-مصر لبنان",           "(AND_NOT (OR لبن title:لبن) (OR مصر title:مصر))"},
    {"and",             "مصر AND لبنان",        "(AND (OR مصر title:مصر) (OR لبن title:لبن))"},
    {"loose-phrase",    "\"مصر لبنان\"",        "(OR (OR مصر title:مصر) (OR لبن title:لبن))"},
    {"required-phrase", "+\"مصر لبنان\"",       "(PHRASE مصر لبن)"},
    {"near",            "مصر NEAR لبنان",       "(NEAR (OR مصر title:مصر) (OR لبن title:لبن))"},
    {"near-phrase",     "\"مصر لبنان\" NEAR سوريا", "(FILTER (NEAR مصر لبن (OR سوريا title:سوريا)) (PHRASE مصر لبن))"},
    {"title",           "title:مصر",            "title:مصر"},
    {"title-phrase",    "title:\"مصر لبنان\"",  "(AND (AND title:مصر title:لبن) (PHRASE مصر لبن))"},
    {"prefix",          "مص*",                  "WILDCARD"},
    {"date-filter",     "date:2020 مصر",        "(FILTER (OR مصر title:مصر) VALUE_RANGE 0 20200101 20201231)"},
    {"date-only",       "date:2020-02",         "(FILTER ALL VALUE_RANGE 0 20200201 20200229)"},
    {"date-from",       "date:2020.. مصر",      "(FILTER (OR مصر title:مصر) VALUE_GE 0 20200101)"},
    {"date-to",         "date:..2020 مصر",      "(FILTER (OR مصر title:مصر) VALUE_RANGE 0 00000000 20201231)"},
    {"source-unknown",  "source:الوفد مصر",     "(FILTER (OR مصر title:مصر) XS\\0)"},
    {"category",        "category:رياضة",       "(FILTER ALL XCرياضه)"},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_SUITE(query_builder)

BOOST_DATA_TEST_CASE(query, bdata::make(ROWS), row)
{
    BOOST_TEST(printed(built(row.input).query) == row.expected);
}

BOOST_AUTO_TEST_CASE(match_all_joins_with_and)
{
    BOOST_TEST(printed(built("مصر لبنان", true).query) ==
               "(AND (OR مصر title:مصر) (OR لبن title:لبن))");
    BOOST_TEST(printed(built("+مصر لبنان", true).query) ==
               "(AND (OR مصر title:مصر) (OR لبن title:لبن))");
}

// What a snippet marks: the words searched for, a phrase whole, a prefix;
// not an excluded word (but the words in an excluded group, as always).
BOOST_AUTO_TEST_CASE(match_spec_from_the_tree)
{
    const detail::BuiltQuery q = built("\"مصر لبنان\" -سوريا -(الأردن) مص*");
    BOOST_TEST(q.match.stems == (std::set<std::string>{"مصر", "لبن", "اردن"}));
    BOOST_TEST(q.match.phrases == (std::vector<std::vector<std::string>>{{"مصر", "لبن"}}));
    BOOST_TEST(q.match.prefixes == (std::vector<std::string>{"مص"}));
}

// What the rescoring counts: each plain positive word, its own term first;
// not a title: word, an excluded word or a stopword.
BOOST_AUTO_TEST_CASE(proximity_terms_from_the_tree)
{
    const detail::BuiltQuery q = built("مصر في title:لبن -سوريا الأردن");
    const std::vector<std::vector<std::string>> expected{{schema::encode_term("مصر")},
                                                         {schema::encode_term("اردن")}};
    BOOST_TEST(q.proximity_terms == expected);
    BOOST_TEST(q.words.size() == 5U);
    BOOST_TEST(q.words[1].stopword);
}

// A query of more than LONG_QUERY_WORDS words is matched on that many, the
// rarest, wherever they stand; the others still count in the rescoring and
// snippets. At LONG_QUERY_WORDS words, every word is matched.
BOOST_AUTO_TEST_CASE(long_query_matched_on_its_rarest_words)
{
    static const akhbar::Analyzer analyzer("akhbar");
    const std::vector<std::string> nato{"alpha", "bravo",  "charlie", "delta", "echo",   "foxtrot",
                                        "golf",  "hotel",  "india",   "juliett", "kilo", "lima",
                                        "mike",  "november", "oscar", "papa",  "quebec", "romeo"};
    BOOST_TEST_REQUIRE(nato.size() > detail::LONG_QUERY_WORDS + 1);
    const std::vector<std::string> words(nato.begin(),
                                         nato.begin() + detail::LONG_QUERY_WORDS + 1);
    // Word i is in i + 1 articles: the last word is the commonest.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::vector<akhbar::Token> tokens = analyzer.analyze(words[i]);
        BOOST_TEST_REQUIRE(tokens.size() == 1U);
        terms.push_back(schema::encode_term(tokens[0].stem));
        for (std::size_t d = 0; d <= i; ++d) {
            Xapian::Document doc;
            doc.add_term(terms.back());
            db.add_document(doc);
        }
    }
    const auto build = [&](const std::vector<std::string>& typed) {
        std::string query;
        for (const std::string& w : typed) {
            query += (query.empty() ? "" : " ") + w;
        }
        const detail::Node tree = detail::parse_syntax(query, analyzer, false);
        detail::Expander expander(analyzer, db, nullptr, akhbar::Strictness::stemmed, tree);
        return detail::build_query(query, tree, false, analyzer, db, expander);
    };
    const auto matched = [](const detail::BuiltQuery& q) {
        return std::set<std::string>(q.query.get_terms_begin(), q.query.get_terms_end());
    };

    const std::vector<std::string> short_query(words.begin(), words.end() - 1);
    const std::set<std::string> all_short = matched(build(short_query));
    BOOST_TEST(all_short.size() == 2 * short_query.size());  // each word and its title term

    std::vector<std::string> commonest_first(words.rbegin(), words.rend());
    const detail::BuiltQuery long_query = build(commonest_first);
    BOOST_TEST(matched(long_query) == all_short);
    BOOST_TEST(long_query.proximity_terms.size() == words.size());
    BOOST_TEST(long_query.match.stems.size() == words.size());
}

// A word no article holds does not take one of the LONG_QUERY_WORDS slots
// from a word that matches, however rare its frequency of 0 makes it look.
BOOST_AUTO_TEST_CASE(long_query_leaves_out_a_word_no_article_holds)
{
    static const akhbar::Analyzer analyzer("akhbar");
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::vector<std::string> typed;
    std::set<std::string> expected;
    for (std::size_t i = 0; i < detail::LONG_QUERY_WORDS; ++i) {
        const std::string word = "w" + std::to_string(1000 + i);
        const std::vector<akhbar::Token> tokens = analyzer.analyze(word);
        BOOST_TEST_REQUIRE(tokens.size() == 1U);
        const std::string term = schema::encode_term(tokens[0].stem);
        Xapian::Document doc;
        doc.add_term(term);
        db.add_document(doc);
        typed.push_back(word);
        expected.insert(term);
        expected.insert(std::string(schema::PREFIX_TITLE) + term);
    }
    typed.emplace_back("missingword");
    std::string query;
    for (const std::string& w : typed) {
        query += (query.empty() ? "" : " ") + w;
    }
    const detail::Node tree = detail::parse_syntax(query, analyzer, false);
    detail::Expander expander(analyzer, db, nullptr, akhbar::Strictness::stemmed, tree);
    const detail::BuiltQuery q = detail::build_query(query, tree, false, analyzer, db, expander);
    BOOST_TEST(std::set<std::string>(q.query.get_terms_begin(), q.query.get_terms_end()) == expected,
               boost::test_tools::per_element());
    BOOST_TEST(q.proximity_terms.size() == typed.size());
}

BOOST_AUTO_TEST_SUITE_END()
