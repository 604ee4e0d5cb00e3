// One named row per normalization rule (the rule's own name), plus the fold
// stage and negatives. A rule added to a table without a row here fails
// every_rule_has_a_row.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <array>
#include <set>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "akhbar/common/error.hpp"
#include "akhbar/common/normalizer.hpp"
#include "support/named_row.hpp"

using akhbar::NormalizationScheme;
using akhbar::Normalizer;
namespace bdata = boost::unit_test::data;

namespace {

using Row = akhbar::test::NamedRow;

// clang-format off
const Row AKHBAR_ROWS[] = {
    {"remove-tatweel",               "روبرـــــت",  "روبرت"},
    {"remove-harakat",               "مَبْنًى",       "مبني"},
    {"remove-harakat",               "هتميّ",        "هتمي"},
    {"remove-superscript-alef",      "هٰذا",         "هذا"},
    {"remove-quranic-marks",         "الرَّحِيمِۖ",     "الرحيم"},
    {"alef-madda-to-alef",           "آجن",          "اجن"},
    {"alef-hamza-above-to-alef",     "أحمد",         "احمد"},
    {"alef-hamza-below-to-alef",     "إعاذ",         "اعاذ"},
    {"alef-wasla-to-alef",           "ٱلله",         "الله"},
    {"alef-maksura-to-yeh",          "بنى",          "بني"},
    {"teh-marbuta-to-heh",           "فاطمة",        "فاطمه"},
    {"farsi-yeh-to-yeh",             "اتفاقیات",     "اتفاقيات"},
    {"keheh-to-kaf",                 "کتاب",         "كتاب"},
    {"waw-hamza-to-hamza",           "مسؤول",        "مسءول"},
    {"yeh-hamza-to-hamza",           "مسئول",        "مسءول"},
    {"arabic-indic-digits",          "١٨",           "18"},
    {"extended-arabic-indic-digits", "۲۰۲۵",         "2025"},
};

const Row LUCENE_ROWS[] = {
    {"alef-madda-to-alef",       "آجن",       "اجن"},
    {"alef-hamza-above-to-alef", "أحمد",      "احمد"},
    {"alef-hamza-below-to-alef", "إعاذ",      "اعاذ"},
    {"alef-maksura-to-yeh",      "بنى",       "بني"},
    {"teh-marbuta-to-heh",       "فاطمة",     "فاطمه"},
    {"remove-tatweel",           "روبرـــــت", "روبرت"},
    {"lucene-remove-harakat",    "ولداً",      "ولدا"},
};

// The fold stage: NFKC_Casefold for akhbar.
const Row AKHBAR_FOLD_ROWS[] = {
    {"presentation forms",     "ﻛﺎزاﺧﺴﺘﺎن",    "كازاخستان"},
    {"lam-alef ligature",      "ﻻ",            "لا"},
    {"Latin case",             "COVID",        "covid"},
    {"full-width Latin",       "ＡＢＣ",         "abc"},
    {"ZWNJ dropped",           "می\u200Cخواهم", "ميخواهم"},
    {"combining hamza above",  "ا\u0654حمد",    "احمد"},
};

// Words the akhbar normalizer must leave alone.
const Row AKHBAR_UNCHANGED[] = {
    {"empty",           "",          ""},
    {"plain Arabic",    "كتاب",      "كتاب"},
    {"ASCII digits",    "2025",      "2025"},
    {"lowercase Latin", "5g",        "5g"},
    {"bare hamza",      "شيء",       "شيء"},
    {"waw without hamza", "شوون",    "شوون"},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_SUITE(normalizer)

BOOST_DATA_TEST_CASE(akhbar_rule, bdata::make(AKHBAR_ROWS), row)
{
    BOOST_TEST(Normalizer(NormalizationScheme::akhbar)(row.input) == row.expected);
}

BOOST_DATA_TEST_CASE(lucene_rule, bdata::make(LUCENE_ROWS), row)
{
    BOOST_TEST(Normalizer(NormalizationScheme::lucene)(row.input) == row.expected);
}

BOOST_DATA_TEST_CASE(akhbar_fold, bdata::make(AKHBAR_FOLD_ROWS), row)
{
    BOOST_TEST(Normalizer(NormalizationScheme::akhbar)(row.input) == row.expected);
}

BOOST_DATA_TEST_CASE(akhbar_leaves_alone, bdata::make(AKHBAR_UNCHANGED), row)
{
    BOOST_TEST(Normalizer(NormalizationScheme::akhbar)(row.input) == row.expected);
}

BOOST_AUTO_TEST_CASE(every_rule_has_a_row)
{
    akhbar::test::check_every_rule_has_a_row(AKHBAR_ROWS, akhbar::rules::AKHBAR_TABLE);
    akhbar::test::check_every_rule_has_a_row(LUCENE_ROWS, akhbar::rules::LUCENE_TABLE);
}

BOOST_AUTO_TEST_CASE(hamza_spellings_of_one_word_meet)
{
    const Normalizer n(NormalizationScheme::akhbar);
    BOOST_TEST(n("مسؤول") == n("مسئول"));
    BOOST_TEST(n("شؤون") == n("شئون"));
    BOOST_TEST(n("شيء") == n("شيئ"));
    BOOST_TEST(n("أبراهام") == n("ابراهام"));
    BOOST_TEST(n("إبراهيم") == n("ابراهيم"));
}

BOOST_AUTO_TEST_CASE(lucene_keeps_what_lucene_keeps)
{
    const Normalizer n(NormalizationScheme::lucene);
    // Lucene does not fold presentation forms, Persian letters or hamza seats.
    BOOST_TEST(n("مسؤول") == "مسؤول");
    BOOST_TEST(n("اتفاقیات") == "اتفاقیات");
    BOOST_TEST(n("ﻛﺎزاﺧﺴﺘﺎن") != "كازاخستان");
    // Its LowerCaseFilter and DecimalDigitFilter run before the table.
    BOOST_TEST(n("COVID") == "covid");
    BOOST_TEST(n("١٨") == "18");
    BOOST_TEST(n("") == "");
}

// The fold stage skips ICU for tokens of common units (ASCII, Latin, Arabic):
// the shortcut must give what ICU gives, for every pair of units below
// U+0700 (a pair is where composition and reordering act).
BOOST_AUTO_TEST_CASE(akhbar_fold_shortcut_is_icus_nfkc_casefold)
{
    const Normalizer n(NormalizationScheme::akhbar);
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* icu = unorm2_getNFKCCasefoldInstance(&status);
    BOOST_TEST_REQUIRE(U_SUCCESS(status));
    std::size_t differ = 0;
    for (char16_t a = 1; a < 0x0700; ++a) {
        for (char16_t b = 1; b < 0x0700; ++b) {
            std::u16string text{a, b};
            std::array<char16_t, 32> expected{};
            status = U_ZERO_ERROR;
            const int32_t length = unorm2_normalize(icu, text.data(), 2, expected.data(),
                                                    static_cast<int32_t>(expected.size()), &status);
            n.fold(text);
            if (U_FAILURE(status) ||
                text != std::u16string_view(expected.data(), static_cast<std::size_t>(length))) {
                ++differ;
            }
        }
    }
    BOOST_TEST(differ == 0U);
}

// Same for Lucene's fold (lowercase, decimal digits to ASCII), per unit.
BOOST_AUTO_TEST_CASE(lucene_fold_shortcut_is_per_code_point)
{
    const Normalizer n(NormalizationScheme::lucene);
    std::size_t differ = 0;
    for (char16_t u = 1; u < 0x0800; ++u) {  // beyond the shortcut's table too
        std::u16string text{u, u'A', u'\u0661'};
        n.fold(text);
        const UChar32 expected = u_charType(u) == U_DECIMAL_DIGIT_NUMBER
                                     ? static_cast<UChar32>(U'0') + u_charDigitValue(u)
                                     : u_tolower(u);
        if (text != std::u16string{static_cast<char16_t>(expected), u'a', u'1'}) {
            ++differ;
        }
    }
    BOOST_TEST(differ == 0U);
}

BOOST_AUTO_TEST_CASE(to_utf8_into_a_buffer)
{
    std::string out = "left over from a longer word than any of these";
    const std::u16string long_word(100, u'\u0643');
    const std::u16string texts[] = {u"", u"abc", u"\u0643\u062A\u0627\u0628", u"\u20AC1",
                                    u"\U0001D400\u0627", std::u16string(1, char16_t{0xD800}),
                                    long_word};
    for (const std::u16string& text : texts) {
        akhbar::to_utf8(text, out);
        BOOST_TEST(out == akhbar::to_utf8(text));
        BOOST_TEST((akhbar::to_utf16(out) == text || text.size() == 1));  // lone surrogate: U+FFFD
    }
    BOOST_TEST(akhbar::to_utf8(std::u16string(1, char16_t{0xD800})) == "\uFFFD");
    BOOST_TEST(akhbar::to_utf8(u"\U0001D400") == "\U0001D400");
    BOOST_TEST(akhbar::to_utf8(long_word).size() == 200U);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_throws_with_offset)
{
    const Normalizer n(NormalizationScheme::akhbar);
    BOOST_CHECK_EXCEPTION(n(std::string("كت\xFF", 5)), akhbar::Utf8Error,
                          [](const akhbar::Utf8Error& e) { return e.offset() == 4; });
}

BOOST_AUTO_TEST_SUITE_END()
