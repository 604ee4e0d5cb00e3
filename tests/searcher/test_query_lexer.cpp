// The lexer (searcher/src/query_lexer.cpp) on its own: a query's lexemes
// with the byte where each starts, one named row per rule.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

#include "akhbar/common/error.hpp"
#include "query_lexer.hpp"
#include "support/named_row.hpp"

namespace bdata = boost::unit_test::data;
namespace detail = akhbar::detail;
using akhbar::test::NamedRow;

namespace {

// Each lexeme as KIND[:text]@byte, `=` before an exact one, `*` after a
// prefix, space-separated; the end lexeme left out.
std::string lexemes_of(const std::string& query)
{
    static constexpr const char* KINDS[] = {"word", "phrase", "field", "(", ")", "OR",
                                            "AND",  "NOT",    "NEAR",  "-", "+",  "end"};
    std::string out;
    for (const detail::Lexeme& l : detail::lex(query)) {
        if (l.kind == detail::Kind::end) {
            BOOST_TEST(l.at == query.size());
            continue;
        }
        const bool text = l.kind == detail::Kind::word || l.kind == detail::Kind::phrase ||
                          l.kind == detail::Kind::field;
        out.append(out.empty() ? "" : " ").append(l.exact ? "=" : "");
        out.append(KINDS[static_cast<int>(l.kind)]);
        out.append(text ? ":" : "").append(text ? l.text : "").append(l.prefix ? "*" : "");
        out.append("@").append(std::to_string(l.at));
    }
    return out;
}

// Byte offsets: an Arabic letter is 2 bytes, « and » 2, “ and ” 3.
// clang-format off
const NamedRow ROWS[] = {
    {"words",             "ab cd",            "word:ab@0 word:cd@3"},
    {"arabic-offsets",    "مصر سوريا",        "word:مصر@0 word:سوريا@7"},
    {"operators",         "a OR b AND c NOT d NEAR e", "word:a@0 OR@2 word:b@5 AND@7 word:c@11 NOT@13 word:d@17 NEAR@19 word:e@24"},
    {"lowercase-or",      "a or b",           "word:a@0 word:or@2 word:b@5"},
    {"parentheses",       "(a)",              "(@0 word:a@1 )@2"},
    {"phrase",            "\"a b\" c",        "phrase:a b@0 word:c@6"},
    {"guillemets",        "«a b»",            "phrase:a b@0"},
    {"curly-quotes",      "“a”",              "phrase:a@0"},
    {"unpaired-quote",    "\"a b",            "word:a@1 word:b@3"},
    {"quote-ends-word",   "a\"b\"",           "word:a@0 phrase:b@1"},
    {"minus",             "-a +b",            "-@0 word:a@1 +@3 word:b@4"},
    {"minus-phrase",      "-\"a b\"",         "-@0 phrase:a b@1"},
    {"minus-group",       "-(a)",             "-@0 (@1 word:a@2 )@3"},
    {"dash-between",      "a - b",            "word:a@0 word:-@2 word:b@4"},
    {"dash-number",       "-5 +18",           "word:-5@0 word:+18@3"},
    {"dash-inside",       "a-b",              "word:a-b@0"},
    {"exact",             "=a =\"b c\"",      "=word:a@0 =phrase:b c@3"},
    {"exact-operator",    "=OR",              "=word:OR@0"},
    {"exact-then-space",  "= a",              "word:=@0 word:a@2"},
    {"exact-unpaired",    "=\"a",             "=word:a@2"},
    {"prefix",            "ab* *",            "word:ab*@0 word:*@4"},
    {"field",             "title:a",          "field:title@0 word:a@6"},
    {"field-arabic",      "مصدر:a",           "field:source@0 word:a@9"},
    {"field-phrase",      "date:\"2020\"",    "field:date@0 phrase:2020@5"},
    {"field-then-space",  "title: a",         "word:title:@0 word:a@7"},
    {"unknown-field",     "author:a",         "word:author:a@0"},
    {"white-space",       "a\u00A0b\u200Fc\td", "word:a@0 word:b@3 word:c@7 word:d@9"},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_SUITE(query_lexer)

BOOST_DATA_TEST_CASE(lexemes, bdata::make(ROWS), row)
{
    BOOST_TEST(lexemes_of(row.input) == row.expected);
}

BOOST_AUTO_TEST_CASE(literal_words_split_at_white_space_only)
{
    std::string out;
    for (const detail::Lexeme& l : detail::literal_words(" a(\"b OR  c ")) {
        out += (l.kind == detail::Kind::end ? "end" : l.text) + "@" + std::to_string(l.at) + " ";
    }
    BOOST_TEST(out == "a(\"b@1 OR@6 c@10 end@12 ");
}

// Errors name the character (code point, from 1), not the byte.
BOOST_AUTO_TEST_CASE(errors_count_characters)
{
    try {
        detail::fail_at("مصر x", 7, "here");
        BOOST_FAIL("no error");
    } catch (const akhbar::QueryError& e) {
        BOOST_TEST(std::string(e.what()) == "query error at character 5: here");
        BOOST_TEST(e.query() == "مصر x");
    }
}

BOOST_AUTO_TEST_SUITE_END()
