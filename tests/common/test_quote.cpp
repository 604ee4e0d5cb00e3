#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "akhbar/common/quote.hpp"

using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(quote)

struct QuoteRow {
    const char* name;
    std::string input;
    std::string escaped;  // escape_controls()
    std::string quoted;   // quote_for_message()
};
std::ostream& operator<<(std::ostream& os, const QuoteRow& r) { return os << r.name; }

const QuoteRow QUOTE_ROWS[] = {
    {"plain Arabic stays", "عنوان 5G", "عنوان 5G", "\"عنوان 5G\""},
    {"ESC (CSI sequence)", "\x1B[2Jعنوان", "\\x1B[2Jعنوان", "\"\\x1B[2Jعنوان\""},
    {"OSC title with BEL", "\x1B]0;pwned\x07", "\\x1B]0;pwned\\x07", "\"\\x1B]0;pwned\\x07\""},
    {"backspace", "ab\x08\x08xy", "ab\\x08\\x08xy", "\"ab\\x08\\x08xy\""},
    {"newline, tab, CR", "a\nb\tc\rd", "a\\nb\\tc\\x0Dd", "\"a\\nb\\tc\\x0Dd\""},
    {"NUL", "a\0b"s, "a\\x00b", "\"a\\x00b\""},
    {"DEL", "a\x7F", "a\\x7F", "\"a\\x7F\""},
    {"C1 CSI U+009B",
     "a\xC2\x9B"
     "31m",
     "a\\u009B31m", "\"a\\u009B31m\""},
    {"C1 NEL U+0085", "a\xC2\x85", "a\\u0085", "\"a\\u0085\""},
    {"U+00A0 is not C1",
     "a\xC2\xA0"
     "b",
     "a\xC2\xA0"
     "b",
     "\"a\xC2\xA0"
     "b\""},
    {"RLO U+202E",
     "abc\xE2\x80\xAE"
     "def",
     "abc\\u202Edef", "\"abc\\u202Edef\""},
    {"LRE U+202A", "\xE2\x80\xAA", "\\u202A", "\"\\u202A\""},
    {"PDF U+202C", "\xE2\x80\xAC", "\\u202C", "\"\\u202C\""},
    {"LRI U+2066", "\xE2\x81\xA6", "\\u2066", "\"\\u2066\""},
    {"PDI U+2069", "\xE2\x81\xA9", "\\u2069", "\"\\u2069\""},
    {"RLM U+200F stays", "\xE2\x80\x8F", "\xE2\x80\x8F", "\"\xE2\x80\x8F\""},
    {"invalid bytes", "a\xFF\xC3", "a\\xFF\\xC3", "\"a\\xFF\\xC3\""},
    {"quotes and backslashes", "say \"x\\y\"", "say \"x\\y\"", "\"say \\\"x\\\\y\\\"\""},
    {"empty", "", "", "\"\""},
};

BOOST_DATA_TEST_CASE(controls_are_escaped, boost::unit_test::data::make(QUOTE_ROWS), row)
{
    BOOST_TEST(akhbar::escape_controls(row.input) == row.escaped);
    BOOST_TEST(akhbar::quote_for_message(row.input) == row.quoted);
}

BOOST_AUTO_TEST_CASE(escaping_twice_changes_nothing)
{
    for (const auto& row : QUOTE_ROWS) {
        BOOST_TEST(akhbar::escape_controls(row.escaped) == row.escaped, row.name);
    }
}

BOOST_AUTO_TEST_CASE(long_values_are_cut_after_60_code_points)
{
    std::string value;
    for (int i = 0; i < 100; ++i) {
        value += "\xD8\xAA";  // ت
    }
    std::string expected = "\"";
    for (std::size_t i = 0; i < akhbar::QUOTE_MAX_CHARS; ++i) {
        expected += "\xD8\xAA";
    }
    expected += "\xE2\x80\xA6\"";
    BOOST_TEST(akhbar::quote_for_message(value) == expected);
    BOOST_TEST(akhbar::escape_controls(value) == value);  // display text is never cut
}

BOOST_AUTO_TEST_SUITE_END()
