#include <boost/test/unit_test.hpp>

#include "akhbar/common/error.hpp"
#include "akhbar/common/utf8.hpp"

using namespace std::string_literals;
namespace utf8 = akhbar::utf8;

BOOST_AUTO_TEST_SUITE(utf8_decoding)

BOOST_AUTO_TEST_CASE(valid_text_has_no_invalid_offset)
{
    BOOST_TEST(!utf8::find_invalid("").has_value());
    BOOST_TEST(!utf8::find_invalid("plain ASCII").has_value());
    BOOST_TEST(!utf8::find_invalid("كازاخستان 😀 €").has_value());
}

struct InvalidRow {
    const char* name;
    std::string bytes;
    std::size_t offset;
};
std::ostream& operator<<(std::ostream& os, const InvalidRow& r) { return os << r.name; }

const InvalidRow INVALID_ROWS[] = {
    {"lone continuation byte", "ab\x80"s, 2},
    {"overlong two-byte NUL", "\xC0\x80"s, 0},
    {"overlong three-byte", "x\xE0\x80\xAF"s, 1},
    {"UTF-16 surrogate", "\xED\xA0\x80"s, 0},
    {"beyond U+10FFFF", "\xF4\x90\x80\x80"s, 0},
    {"truncated at end", "\xD9\x83\xD8"s, 2},
    {"truncated before ASCII", "\xE2\x82" "a"s, 0},
    {"0xFF byte", "\xD9\x83\xFF"s, 2},
};

BOOST_AUTO_TEST_CASE(invalid_sequences_report_their_offset)
{
    for (const auto& row : INVALID_ROWS) {
        BOOST_TEST_CONTEXT(row.name)
        {
            const auto bad = utf8::find_invalid(row.bytes);
            BOOST_TEST_REQUIRE(bad.has_value());
            BOOST_TEST(*bad == row.offset);
            BOOST_CHECK_EXCEPTION(utf8::validate(row.bytes), akhbar::Utf8Error,
                                  [&](const akhbar::Utf8Error& e) {
                                      return e.offset() == row.offset;
                                  });
        }
    }
}

BOOST_AUTO_TEST_CASE(decode_encode_round_trip)
{
    const std::string text = "aé€😀كـ";
    const std::u32string cps = utf8::decode(text);
    BOOST_TEST(cps.size() == 6U);
    BOOST_TEST((cps[3] == U'\U0001F600'));
    BOOST_TEST(utf8::encode(cps) == text);
}

BOOST_AUTO_TEST_CASE(error_message_names_offset_and_byte)
{
    try {
        utf8::validate("ab\xFF"s);
        BOOST_FAIL("no exception");
    } catch (const akhbar::Utf8Error& e) {
        BOOST_TEST(std::string(e.what()) == "invalid UTF-8 at byte 2 (byte 0xFF)");
    }
}

BOOST_AUTO_TEST_SUITE_END()
