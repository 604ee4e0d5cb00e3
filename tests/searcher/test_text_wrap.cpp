// Terminal columns and word wrapping (text_wrap.hpp).

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "text_wrap.hpp"

using akhbar::detail::display_width;
using akhbar::detail::Span;
using akhbar::detail::SpanLine;
using akhbar::detail::wrap;
using akhbar::detail::wrap_text;

BOOST_AUTO_TEST_SUITE(text_wrap)

BOOST_AUTO_TEST_CASE(columns)
{
    BOOST_TEST(display_width("abc") == 3U);
    BOOST_TEST(display_width("كتاب") == 4U);
    BOOST_TEST(display_width("كُتُب") == 3U);  // harakat (Mn) take none
    BOOST_TEST(display_width("\xE2\x81\xA8" "id" "\xE2\x81\xA9") == 2U);  // isolates none
    BOOST_TEST(display_width("\033[1;33mنص\033[0m") == 2U);  // the printer's SGR none
    BOOST_TEST(display_width("日本") == 4U);  // wide
    BOOST_TEST(display_width("\xE2\x96\x81\xE2\x96\x88") == 2U);  // block elements
    BOOST_TEST(display_width("") == 0U);
}

BOOST_AUTO_TEST_CASE(breaks_at_spaces_within_the_width)
{
    const auto lines = wrap_text("واحد اثنان ثلاثة أربعة خمسة", 12);
    BOOST_TEST((lines == std::vector<std::string>{"واحد اثنان", "ثلاثة أربعة", "خمسة"}));
    for (const auto& line : lines) {
        BOOST_TEST(display_width(line) <= 12U, line);
    }
}

BOOST_AUTO_TEST_CASE(a_word_wider_than_the_width_is_not_cut)
{
    const auto lines = wrap_text("see http://example.com/a/long/path now", 10);
    BOOST_TEST((lines == std::vector<std::string>{"see", "http://example.com/a/long/path", "now"}));
}

BOOST_AUTO_TEST_CASE(width_zero_is_one_line)
{
    BOOST_TEST((wrap_text("a b c", 0) == std::vector<std::string>{"a b c"}));
}

BOOST_AUTO_TEST_CASE(highlights_are_kept_across_a_break)
{
    const std::vector<Span> spans = {{"قال إن ", false}, {"اتفاقات أبراهام", true}, {" تنتهي", false}};
    const auto lines = wrap(spans, 13);
    const std::vector<SpanLine> expected = {
        {{"قال إن", false}},
        {{"اتفاقات", true}},
        {{"أبراهام", true}, {" تنتهي", false}},
    };
    BOOST_TEST_REQUIRE(lines.size() == expected.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        BOOST_TEST((lines[i] == expected[i]), "line " << i);
    }
}

BOOST_AUTO_TEST_SUITE_END()
