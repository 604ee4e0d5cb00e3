// Name and loanword variants (variants.hpp): the key's rules one row each, the
// pairs mined from ANT that must meet (tests/data/name_variants.tsv) and the
// distinct words sharing a key that must not (name_variant_negatives.tsv).

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "akhbar/common/error.hpp"
#include "akhbar/common/variants.hpp"
#include "support/named_row.hpp"
#include "support/tsv.hpp"

namespace bdata = boost::unit_test::data;
using akhbar::test::NamedRow;
using akhbar::test::read_tsv;
using akhbar::variants::meet;
using akhbar::variants::variant_key;

namespace {

// clang-format off
const NamedRow KEY_ROWS[] = {
    {"inner-alef-dropped",       "ترامب",    "ترمب"},
    {"inner-yeh-dropped",        "بوتين",    "بتن"},
    {"inner-waw-dropped",        "فيسبوك",   "فسبغ"},
    {"inner-hamza-dropped",      "رافاءيل",  "رفل"},
    {"first-alef-kept",          "ابراهيم",  "ابرهم"},
    {"last-alef-kept",           "اوباما",   "ابما"},
    {"g-letters-one-jeem",       "جوجل",     "غغل"},
    {"g-letters-one-qaf",        "قوقل",     "غغل"},
    {"g-letters-one-kaf",        "كونجرس",   "غنغرس"},
    {"too-short-is-empty",       "بوش",      ""},
    {"latin-has-no-key",         "google",   ""},
    {"digits-have-no-key",       "ترامب2",   ""},
    {"empty-is-empty",           "",         ""},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_SUITE(variants)

BOOST_DATA_TEST_CASE(key_rule, bdata::make(KEY_ROWS), row)
{
    BOOST_TEST(variant_key(row.input) == row.expected);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_an_error)
{
    BOOST_CHECK_THROW((void)variant_key("\xFF\xFE"), akhbar::Utf8Error);
}

BOOST_DATA_TEST_CASE(mined_pair_meets, bdata::make(read_tsv("name_variants.tsv")), row)
{
    BOOST_TEST(variant_key(row.at(0)) == variant_key(row.at(1)), row);
    BOOST_TEST(meet(row.at(0), row.at(1)), row);
    BOOST_TEST(meet(row.at(1), row.at(0)), row);
}

BOOST_DATA_TEST_CASE(distinct_words_never_meet,
                     bdata::make(read_tsv("name_variant_negatives.tsv")), row)
{
    // The same key: what keeps them apart is the restriction, not the key.
    BOOST_TEST(variant_key(row.at(0)) == variant_key(row.at(1)), row);
    BOOST_TEST(!meet(row.at(0), row.at(1)), row);
    BOOST_TEST(!meet(row.at(1), row.at(0)), row);
}

BOOST_AUTO_TEST_CASE(tables_are_large_enough)
{
    BOOST_TEST(read_tsv("name_variants.tsv").size() >= 40U);
    BOOST_TEST(read_tsv("name_variant_negatives.tsv").size() >= 40U);
}

BOOST_AUTO_TEST_CASE(a_word_never_meets_itself)
{
    BOOST_TEST(!meet("ترامب", "ترامب"));
}

BOOST_AUTO_TEST_CASE(dictionary_and_its_reductions_know_native_words)
{
    BOOST_TEST(akhbar::variants::in_dictionary("كتاب"));
    BOOST_TEST(!akhbar::variants::in_dictionary("ترامب"));
    BOOST_TEST(akhbar::variants::native("طلبت"));       // a verb form light10 leaves whole
    BOOST_TEST(akhbar::variants::native("باستقلال"));   // after its ب
    BOOST_TEST(!akhbar::variants::native("ترمب"));
}

BOOST_AUTO_TEST_SUITE_END()
