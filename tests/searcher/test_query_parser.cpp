// The query parser on its own (searcher/src/query_parser.cpp): every error
// message it can give, one named row each with the exact text (Xapian's
// queryparsertest style), its limits at and past their values, and NEAR
// with phrases over a small collection.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <sstream>
#include <string>
#include <vector>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/indexer/collection.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "query_parser.hpp"
#include "support/named_row.hpp"
#include "support/index.hpp"
#include "support/temp_dir.hpp"

namespace bdata = boost::unit_test::data;
namespace detail = akhbar::detail;
using akhbar::test::NamedRow;

namespace {

std::string repeat(const std::string& s, std::size_t n, const std::string& separator = "")
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += (i == 0 ? "" : separator) + s;
    }
    return out;
}

// Over an empty database (no stem classes): the parser alone.
std::string message_of(const std::string& query)
{
    static const akhbar::Analyzer analyzer("akhbar");
    const Xapian::Database empty;
    try {
        (void)detail::parse_query(query, false, analyzer, empty);
    } catch (const akhbar::QueryError& e) {
        BOOST_TEST(e.query() == query);
        return e.what();
    }
    return "no error";
}

const std::string DEEP = repeat("(", detail::MAX_QUERY_DEPTH + 1) + "اتفاق";
const std::string MANY_WORDS = repeat("اتفاق", detail::MAX_QUERY_WORDS + 1, " ");
const std::string LONG = repeat("x", detail::MAX_QUERY_BYTES + 1);
// Ten wildcards at 100 terms each and a word (2 terms: body and title).
const std::string MANY_TERMS = repeat("اتفاق*", 10, " ") + " سلام";

// clang-format off
const NamedRow ERROR_ROWS[] = {
    {"unclosed-parenthesis",  "(اتفاق",                    "query error at character 1: this parenthesis is not closed"},
    {"unopened-parenthesis",  "اتفاق)",                    "query error at character 6: this parenthesis was not opened"},
    {"or-before",             "OR اتفاق",                  "query error at character 1: OR needs something before it"},
    {"or-after",              "اتفاق OR",                  "query error at character 7: OR needs something after it"},
    {"or-exclusion",          "اتفاق OR -سلام",            "query error at character 7: OR cannot join an exclusion"},
    {"and-before",            "AND اتفاق",                 "query error at character 1: AND needs something before it"},
    {"and-after",             "اتفاق AND",                 "query error at character 7: AND needs something after it"},
    {"near-before",           "NEAR اتفاق",                "query error at character 1: NEAR needs something before it"},
    {"not-after",             "اتفاق NOT",                 "query error at character 7: NOT needs something after it"},
    {"minus-after",           "اتفاق -OR سلام",            "query error at character 7: - needs something after it"},
    {"plus-after",            "اتفاق +OR سلام",            "query error at character 7: + needs something after it"},
    {"unexpected-operator",   "اتفاق NOT AND سلام",        "query error at character 11: unexpected \"AND\""},
    {"near-field",            "اتفاق NEAR date:2025",      "query error at character 7: NEAR joins words or phrases"},
    {"near-filter-before",    "date:2025 NEAR اتفاق",      "query error at character 11: NEAR joins words or phrases"},
    {"near-stopword",         "في NEAR اتفاق",             "query error at character 4: NEAR joins words or phrases"},
    {"near-group",            "(اتفاق AND سلام) NEAR مصر", "query error at character 18: NEAR joins words or phrases"},
    {"near-title-phrase",     "title:\"اتفاق السلام\" NEAR مصر", "query error at character 22: NEAR joins words or phrases"},
    {"near-wildcard",         "اتفاق* NEAR سلام",          "query error at character 8: NEAR cannot join a word* wildcard"},
    // Several problems: a mistake of syntax is reported before what the operators cannot join.
    {"syntax-first-paren",    "-a OR b OR c)",             "query error at character 13: this parenthesis was not opened"},
    {"syntax-first-or",       "ترامب OR -القاهرة OR )",    "query error at character 19: OR needs something after it"},
    {"syntax-first-date",     "ترامب* NEAR القاهرة date:20x4", "query error at character 26: date: takes YYYY, YYYY-MM or YYYY-MM-DD, or a range A..B: \"20x4\""},
    {"join-first-or",         "-a OR b OR c",              "query error at character 4: OR cannot join an exclusion"},
    {"field-without-value",   "title:() اتفاق",            "query error at character 1: title: needs a value"},
    {"field-group-near",      "title:(اتفاق NEAR سلام)",   "query error at character 14: title:(…) cannot hold NEAR"},
    {"field-group-field",     "title:(source:الوفد)",      "query error at character 8: title:(…) cannot hold another field"},
    {"date-not-a-date",       "date:أمس",                  "query error at character 6: date: takes YYYY, YYYY-MM or YYYY-MM-DD, or a range A..B: \"أمس\""},
    {"date-range-backwards",  "date:2025-12..2025-01",     "query error at character 6: date range ends before it starts: \"2025-12..2025-01\""},
    {"prefix-one-letter",     "اتفاق م*",                  "query error at character 7: a word* prefix needs at least 2 letters, not \"م\""},
    {"prefix-one-letter-title", "title:س*",                "query error at character 7: a word* prefix needs at least 2 letters, not \"س\""},
    {"only-exclusions",       "-اتفاق",                    "query error at character 1: a query cannot only exclude; add words to search for"},
    {"only-stopwords",        "في من",                     "the query has only stopwords, which are not indexed: في، من"},
    {"no-words",              "",                          "the query has no words to search for"},
    {"invalid-utf8",          "اتفاق \xFF",                "query error: invalid UTF-8 at byte 11"},
    {"limit-bytes",           LONG.c_str(),                "query error: the query is 4097 bytes long, more than the limit of 4096"},
    {"limit-depth",           DEEP.c_str(),                "query error at character 33: parentheses nested deeper than the limit of 32"},
    {"limit-words",           MANY_WORDS.c_str(),          "query error at character 385: more words than the limit of 64 (stopwords not counted)"},
    {"limit-terms",           MANY_TERMS.c_str(),          "query error: the query expands to 1002 terms, more than the limit of 1000 (stem and root classes included, each word* as 100)"},
};
// clang-format on

// At the limits, not past them.
const std::string AT_DEPTH = repeat("(", detail::MAX_QUERY_DEPTH) + "اتفاق" + repeat(")", detail::MAX_QUERY_DEPTH);
const std::string AT_WORDS = repeat("اتفاق", detail::MAX_QUERY_WORDS, " ") + " في من";
const std::string AT_BYTES = "اتفاق" + repeat(" ", detail::MAX_QUERY_BYTES - std::string("اتفاق").size());
// In parentheses of 10: a group of more than LONG_QUERY_WORDS plain words is
// matched (and counted) on that many.
const std::string AT_TERMS = repeat("اتفاق*", 9, " ") + repeat(" (" + repeat("سلام", 10, " ") + ")", 5);

// clang-format off
const NamedRow LIMIT_ROWS[] = {
    {"depth",  AT_DEPTH.c_str(), "32"},
    {"words",  AT_WORDS.c_str(), "64"},
    {"bytes",  AT_BYTES.c_str(), "4096"},
    {"terms",  AT_TERMS.c_str(), "1000"},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_SUITE(query_parser)

BOOST_DATA_TEST_CASE(error_message, bdata::make(ERROR_ROWS), row)
{
    BOOST_TEST(message_of(row.input) == row.expected);
}

BOOST_DATA_TEST_CASE(at_the_limit, bdata::make(LIMIT_ROWS), row)
{
    const akhbar::Analyzer analyzer("akhbar");
    const detail::ParsedQuery parsed = detail::parse_query(row.input, false, analyzer, Xapian::Database());
    const std::string name = row.name;
    const std::size_t value = name == "depth"   ? parsed.cost.depth
                              : name == "words" ? parsed.cost.words
                              : name == "bytes" ? parsed.cost.bytes
                                                : parsed.cost.terms;
    BOOST_TEST(std::to_string(value) == row.expected);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// كازاخستان beside the phrase, far from it, and beside its words that do
// not form it.
const char* const NEAR_ARTICLES =
    R"({"id": "beside", "title": "خبر", "text": "انضمت كازاخستان رسميا إلى اتفاقات أبراهام أمس."}
{"id": "far", "title": "خبر", "text": "اتفاقات أبراهام وقعتها دول عدة منذ سنوات طويلة وتوسعت لاحقا لتشمل بلدانا أخرى في مناطق بعيدة جدا عن المنطقة ثم انضمت كازاخستان."}
{"id": "apart", "title": "خبر", "text": "قال أبراهام إن كازاخستان تدرس اتفاقات جديدة."}
)";

struct NearCollection {
    akhbar::test::TempDir dir;
    std::filesystem::path db = akhbar::test::index_jsonl(dir, NEAR_ARTICLES);
};

std::set<std::string> ids_of(const std::string& query)
{
    static const NearCollection collection;
    akhbar::SearchRequest request;
    request.query = query;
    std::set<std::string> out;
    for (const auto& hit : akhbar::Searcher({collection.db.string()}).search(request).hits) {
        out.insert(hit.id);
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(query_parser)

// Issue #15: a phrase as a NEAR operand failed inside Xapian (OP_NEAR takes
// no OP_PHRASE): UnimplementedError, exit 1.
BOOST_AUTO_TEST_CASE(phrase_near_word)
{
    const std::set<std::string> beside{"beside"};
    BOOST_TEST(ids_of("\"اتفاقات أبراهام\" NEAR كازاخستان") == beside);
    BOOST_TEST(ids_of("كازاخستان NEAR \"اتفاقات أبراهام\"") == beside);
    BOOST_TEST(ids_of("كازاخستان NEAR \"اتفاقات أبراهام\" NEAR انضمت") == beside);
    // The words alone, near each other, in either article that has them.
    BOOST_TEST(ids_of("كازاخستان NEAR أبراهام") == (std::set<std::string>{"beside", "apart"}));
}

// Issue #15: "did you mean" ran one spelling search per word missing from
// the index (about 19 ms each on ANT; 1,302 unknown words took 13 s). Now
// the first MAX_SPELLING_LOOKUPS only: the 20th word below, which alone
// gets a suggestion, gets none in a query after 16 others.
BOOST_AUTO_TEST_CASE(spelling_lookups_stop_at_the_limit)
{
    static_assert(detail::MAX_SPELLING_LOOKUPS == 16);
    const std::vector<std::string> words{
        "تلفزيون", "كمبيوتر",  "برلمان",   "ديمقراطية", "بروتوكول", "استراتيجية", "تكنولوجيا",
        "جغرافيا", "بيروقراطية", "دبلوماسية", "ميكانيكا", "إلكترونيات", "أوركسترا", "سيناريو",
        "فيدرالية", "بورصة", "كاريكاتير", "أرشيف", "موسيقى", "فلسفة"};
    // Each with its third letter left out.
    const std::vector<std::string> typed{
        "تلزيون", "كميوتر", "برمان", "ديقراطية", "برتوكول", "اسراتيجية", "تكولوجيا",
        "جغافيا", "بيوقراطية", "دبوماسية", "ميانيكا", "إلترونيات", "أوكسترا", "سياريو",
        "فيرالية", "بوصة", "كايكاتير", "أريف", "مويقى", "فلفة"};
    akhbar::test::TempDir dir;
    std::string articles;
    for (std::size_t i = 0; i < words.size(); ++i) {
        // Twice: the spelling table keeps words seen at least twice.
        articles += R"({"id": "w)" + std::to_string(i) + R"(", "title": "خبر", "text": ")" + words[i] +
                    " " + words[i] + "\"}\n";
    }
    const akhbar::Searcher searcher({akhbar::test::index_jsonl(dir, articles).string()});
    // Alone, every typed word gets a suggestion.
    for (const std::string& t : typed) {
        BOOST_TEST(searcher.suggest(t).has_value(), t);
    }
    std::string query;
    for (const std::string& t : typed) {
        query += (query.empty() ? "" : " ") + t;
    }
    const auto suggestion = searcher.suggest(query);
    BOOST_TEST_REQUIRE(suggestion.has_value());
    std::istringstream fixed(*suggestion);
    std::size_t changed = 0;
    std::size_t last_changed = 0;
    std::string word;
    for (std::size_t i = 0; fixed >> word; ++i) {
        if (word != typed.at(i)) {
            ++changed;
            last_changed = i + 1;
        }
    }
    BOOST_TEST(changed == detail::MAX_SPELLING_LOOKUPS);
    BOOST_TEST(last_changed == detail::MAX_SPELLING_LOOKUPS);
}

BOOST_AUTO_TEST_SUITE_END()
