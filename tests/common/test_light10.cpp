// light10 as Lucene implements it: one named row per affix rule, then the
// guards (too short, non-Arabic, empty) and the order rules.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <set>
#include <sstream>

#include "akhbar/common/error.hpp"
#include "akhbar/common/light10.hpp"
#include "akhbar/common/lines.hpp"
#include "akhbar/common/normalizer.hpp"
#include "akhbar/common/stopwords.hpp"
#include "akhbar/common/utf8.hpp"
#include "akhbar/common/stemmer.hpp"
#include "support/named_row.hpp"

namespace bdata = boost::unit_test::data;
namespace light10 = akhbar::light10;

namespace {

using Row = akhbar::test::NamedRow;

// clang-format off
const Row RULE_ROWS[] = {
    {"prefix-al",  "الحسن",   "حسن"},
    {"prefix-wal", "والحسن",  "حسن"},
    {"prefix-bal", "بالحسن",  "حسن"},
    {"prefix-kal", "كالحسن",  "حسن"},
    {"prefix-fal", "فالحسن",  "حسن"},
    {"prefix-ll",  "للاخر",   "اخر"},
    {"prefix-wa",  "وحسن",    "حسن"},
    {"suffix-ha",  "زوجها",   "زوج"},
    {"suffix-an",  "ساهدان",  "ساهد"},
    {"suffix-at",  "ساهدات",  "ساهد"},
    {"suffix-wn",  "ساهدون",  "ساهد"},
    {"suffix-yn",  "ساهدين",  "ساهد"},
    {"suffix-yh",  "ساهديه",  "ساهد"},
    {"suffix-yp",  "ساهدية",  "ساهد"},
    {"suffix-h",   "ساهده",   "ساهد"},
    {"suffix-p",   "ساهدة",   "ساهد"},
    {"suffix-y",   "ساهدي",   "ساهد"},
};

// Guards: what must NOT be stemmed, and the order rules.
const Row GUARD_ROWS[] = {
    {"al needs 4 letters",            "الو",     "الو"},
    {"wa needs 4 letters",            "وحد",     "وحد"},
    {"ll needs 4 letters",            "للا",     "للا"},
    {"wal needs 5 letters, wa applies", "والد",  "الد"},
    {"one prefix only",               "والالحسن", "الحسن"},
    {"suffixes in list order",        "ساهدهات", "ساهد"},
    {"suffix needs 2 letters left",   "بان",     "بان"},
    {"h needs 3 letters",             "به",      "به"},
    {"non-Arabic unchanged",          "English", "English"},
    {"digits unchanged",              "2025",    "2025"},
    {"empty",                         "",        ""},
    {"single letter",                 "و",       "و"},
};
// clang-format on

// light10-pronouns: one row per pronoun suffix, then what it must not do.
// clang-format off
const Row PRONOUN_ROWS[] = {
    {"suffix-huma",  "بينهما",   "بين"},
    {"suffix-kuma",  "بيتكما",   "بيت"},
    {"suffix-hum",   "قلوبهم",   "قلوب"},
    {"suffix-hunna", "بيوتهن",   "بيوت"},
    {"suffix-kum",   "اعمالكم",  "اعمال"},
    {"suffix-kunna", "بيوتكن",   "بيوت"},
    {"suffix-na",    "قلوبنا",   "قلوب"},
};
const Row PRONOUN_GUARD_ROWS[] = {
    {"three letters must remain (ربكم)",  "ربكم",     "ربكم"},
    {"only one pronoun",                  "كتابهمنا", "كتابهم"},
    {"then light10's suffixes",           "سياساتهم", "سياس"},
    {"and its prefixes",                  "والعلماءهم", "علماء"},
    {"a word that merely ends like one",  "مسلم",     "مسلم"},
    {"non-Arabic",                        "Hum",      "Hum"},
    {"empty",                             "",         ""},
};
// light10-pronouns: a one-letter suffix (ه ة ي) goes only when three letters
// remain; two-letter suffixes and longer words are light10's.
const Row ONE_LETTER_SUFFIX_ROWS[] = {
    {"suffix-h leaves three",             "كتابه",    "كتاب"},
    {"suffix-p leaves three",             "مدينة",    "مدين"},
    {"suffix-y leaves three",             "عربي",     "عرب"},
    {"after a prefix",                    "السياسي",  "سياس"},
    {"year is not age (سنة, not سن)",     "سنة",      "سنة"},
    {"a name keeps its letter (علي)",     "علي",      "علي"},
    {"his hand (يده) keeps its letter",   "يده",      "يده"},
    {"two-letter suffixes unchanged",     "بنات",     "بن"},
};
// light10-pronouns: a noun whose first letter و is a radical keeps it
// (common/data/waw_nouns.txt; inputs as the akhbar profile normalizes them,
// ة as ه), the conjunction still goes.
const Row WAW_ROWS[] = {
    {"minister (وزير, not زير)",            "وزير",     "وزير"},
    {"ministry: as الوزارة stems",          "وزاره",    "وزار"},
    {"state: as الولاية stems",             "ولايه",    "ولا"},
    {"commandments (وصايا, not صايا)",      "وصايا",    "وصايا"},
    {"time (وقت, not قت)",                  "وقت",      "وقت"},
    {"father (والد, not الد)",              "والد",     "والد"},
    {"and said: the conjunction goes",      "وقال",     "قال"},
    {"and a minister: one و goes",          "ووزير",    "وزير"},
    {"and the minister",                    "والوزير",  "وزير"},
    {"and a book",                          "وكتاب",    "كتاب"},
    {"and good: حسن is no و-noun",          "وحسن",     "حسن"},
    {"her minister: looked up as written",  "وزيرها",   "زير"},
};
// clang-format on

}  // namespace

namespace akhbar::data {
extern const std::string_view waw_nouns;
}

BOOST_AUTO_TEST_SUITE(light10_stemmer)

BOOST_DATA_TEST_CASE(radical_waw_is_kept, bdata::make(WAW_ROWS), row)
{
    BOOST_TEST(light10::stem_with_pronouns(std::string_view(row.input)) == row.expected);
}

BOOST_AUTO_TEST_CASE(waw_noun_list_is_normalized)
{
    // Every entry must be spelled as the analyzer hands words to the
    // stemmer, or it can never match; and every one begins with و.
    const akhbar::Normalizer normalizer(akhbar::NormalizationScheme::akhbar);
    const auto nouns = akhbar::StopwordSet::parse(akhbar::data::waw_nouns);
    BOOST_TEST(nouns.size() == 756U);  // common/data/make_waw_nouns.sh, hunspell-ar 3.2
    std::size_t lines = 0;
    std::size_t bad = 0;
    std::istringstream list{std::string(akhbar::data::waw_nouns)};
    std::string word;
    for (std::size_t number = 0; akhbar::next_data_line(list, word, number);) {
        ++lines;
        if (normalizer(word) != word || !light10::is_waw_noun(akhbar::to_utf16(word))) {
            ++bad;
            BOOST_TEST_MESSAGE("not a normalized و-noun: " << word);
        }
    }
    BOOST_TEST(lines == nouns.size());
    BOOST_TEST(bad == 0U);
    BOOST_TEST(!light10::is_waw_noun(u"\u0642\u0627\u0644"));  // قال
}

BOOST_DATA_TEST_CASE(pronoun_rule, bdata::make(PRONOUN_ROWS), row)
{
    BOOST_TEST(light10::stem_with_pronouns(std::string_view(row.input)) == row.expected);
}

BOOST_DATA_TEST_CASE(pronoun_guard, bdata::make(PRONOUN_GUARD_ROWS), row)
{
    BOOST_TEST(light10::stem_with_pronouns(std::string_view(row.input)) == row.expected);
}

BOOST_DATA_TEST_CASE(one_letter_suffix_leaves_three_letters, bdata::make(ONE_LETTER_SUFFIX_ROWS), row)
{
    BOOST_TEST(light10::stem_with_pronouns(std::string_view(row.input)) == row.expected);
}

BOOST_AUTO_TEST_CASE(plain_light10_keeps_lucenes_guards)
{
    // Lucene's rules, kept by the lucene profile: one-letter suffixes leave
    // two letters, and every leading و is the conjunction.
    BOOST_TEST(light10::stem(std::string_view("سنة")) == "سن");
    BOOST_TEST(light10::stem(std::string_view("علي")) == "عل");
    BOOST_TEST(light10::stem(std::string_view("وزير")) == "زير");
    BOOST_TEST(light10::stem(std::string_view("وصايا")) == "صايا");
}

BOOST_AUTO_TEST_CASE(every_pronoun_has_a_row)
{
    akhbar::test::check_every_rule_has_a_row(PRONOUN_ROWS, light10::PRONOUN_SUFFIXES);
}

BOOST_AUTO_TEST_CASE(plain_light10_keeps_pronouns)
{
    // Lucene's light10 is unchanged: the lucene profile stays exact.
    BOOST_TEST(light10::stem(std::string_view("قلوبهم")) == "قلوبهم");
    BOOST_TEST(akhbar::make_stemmer("light10-pronouns")("قلوبهم") == "قلوب");
}

BOOST_DATA_TEST_CASE(rule, bdata::make(RULE_ROWS), row)
{
    BOOST_TEST(light10::stem(std::string_view(row.input)) == row.expected);
}

BOOST_DATA_TEST_CASE(guard, bdata::make(GUARD_ROWS), row)
{
    BOOST_TEST(light10::stem(std::string_view(row.input)) == row.expected);
}

BOOST_AUTO_TEST_CASE(every_affix_has_a_row)
{
    akhbar::test::check_every_rule_has_a_row(RULE_ROWS, light10::PREFIXES);
    akhbar::test::check_every_rule_has_a_row(RULE_ROWS, light10::SUFFIXES);
}

BOOST_AUTO_TEST_CASE(guards_count_code_points_not_utf16_units)
{
    // U+1D400 takes two UTF-16 units but is one letter for the guards: ال
    // + two letters is too short for prefix-al, ال + three is not.
    BOOST_TEST(light10::stem(std::string_view("ال\U0001D400ب")) == "\U0001D400ب");
    BOOST_TEST(light10::stem(std::string_view("ال\U0001D400")) == "ال\U0001D400");
    BOOST_TEST(light10::stem_with_pronouns(std::string_view("\U0001D400\U0001D400ها")) ==
               "\U0001D400\U0001D400");
    BOOST_TEST(light10::stem_with_pronouns(std::string_view("\U0001D400ها")) == "\U0001D400ها");
}

BOOST_AUTO_TEST_CASE(strip_returns_a_part_of_the_word)
{
    const std::u16string word = u"\u0648\u0627\u0644\u062D\u0633\u0646";  // والحسن
    const std::u16string_view stem = light10::strip(word);
    BOOST_TEST((stem == u"\u062D\u0633\u0646"));
    BOOST_TEST((stem.data() == word.data() + 3));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_throws)
{
    BOOST_CHECK_THROW((void)light10::stem(std::string_view("\xD9", 1)), akhbar::Utf8Error);
}

BOOST_AUTO_TEST_CASE(plugs_into_xapian)
{
    const Xapian::Stem stem = akhbar::make_stemmer("light10");
    BOOST_TEST(stem("والحسن") == "حسن");
    BOOST_TEST(stem.get_description() == "Xapian::Stem(akhbar::Light10Stemmer())");
}

BOOST_AUTO_TEST_CASE(stemmers_by_name)
{
    BOOST_TEST(akhbar::make_stemmer("none")("الكتاب") == "الكتاب");
    BOOST_TEST(akhbar::make_stemmer("snowball")("الكتاب") == Xapian::Stem("arabic")("الكتاب"));
    BOOST_CHECK_EXCEPTION((void)akhbar::make_stemmer("porter"), akhbar::InvalidArgument,
                          [](const akhbar::InvalidArgument& e) {
                              return std::string(e.what()) ==
                                     "unknown stemmer \"porter\" (known: light10, light10-pronouns, snowball, none)";
                          });
}

BOOST_AUTO_TEST_SUITE_END()
