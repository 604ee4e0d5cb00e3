// One named row per normalization rule (the rule's own name), plus the fold
// stage and negatives. A rule added to a table without a row here fails
// every_rule_has_a_row.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <set>

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

BOOST_AUTO_TEST_CASE(invalid_utf8_throws_with_offset)
{
    const Normalizer n(NormalizationScheme::akhbar);
    BOOST_CHECK_EXCEPTION(n(std::string("كت\xFF", 5)), akhbar::Utf8Error,
                          [](const akhbar::Utf8Error& e) { return e.offset() == 4; });
}

BOOST_AUTO_TEST_SUITE_END()
