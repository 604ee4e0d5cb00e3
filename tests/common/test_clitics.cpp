// Segmentation: proclitics glued to Latin letters or digits are split off,
// punctuation and quote marks never belong to a token.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/clitics.hpp"
#include "akhbar/common/utf8.hpp"
#include "support/named_row.hpp"

namespace bdata = boost::unit_test::data;

namespace {

using Row = akhbar::test::NamedRow;

std::string normalized_tokens(const akhbar::Analyzer& analyzer, std::string_view text)
{
    std::string joined;
    for (const auto& token : analyzer.analyze(text)) {
        joined += joined.empty() ? "" : " ";
        joined += token.normalized;
    }
    return joined;
}

// clang-format off
const Row SPLIT_ROWS[] = {
    {"beh-tatweel before Latin+digit", "بـ5G",            "5g"},
    {"waw before digits",             "و2024",           "2024"},
    {"article-tatweel before digits", "الـ18",           "18"},
    {"article before Arabic-Indic",   "الـ١٨",           "18"},
    {"lam-tatweel before quote",      "لـ\"أكسيوس\"",    "اكسيوس"},
    {"beh-tatweels before quote",     "بــ\"الروسوفوبيا\"", "الروسوفوبيا"},
    {"waw before Latin",              "وCOVID",          "covid"},
    {"wal before Latin",              "والـCNN",         "cnn"},
    {"word glued to digits",          "عام2020",         "عام 2020"},
    {"guillemets",                    "«اتفاقيات إبراهيم»", "اتفاقيات ابراهيم"},
    {"Arabic comma, semicolon, ?",    "السلام، الحرب؛ لماذا؟", "السلام الحرب لماذا"},
    {"typographic quotes",            "’اتفاقات أبراهام‘", "اتفاقات ابراهام"},
    {"dash dateline",                 "دبي -الشرق",      "دبي الشرق"},
};

// What the splitter must leave alone.
const Row KEEP_ROWS[] = {
    {"word starting like a clitic",   "والد",            "والد"},
    {"clitic glued to Arabic word",   "بالحسن",          "بالحسن"},
    {"standalone waw without tatweel", "و",              "و"},
    {"Latin and digits stay one",     "5G",              "5g"},
    {"non-clitic before digits",      "كم5",             "كم 5"},
    {"decimal number",                "3.5",             "3.5"},
    {"empty",                         "",                ""},
};
// clang-format on

struct ProcliticRow {
    const char* letters;
    bool expected;
};
std::ostream& operator<<(std::ostream& os, const ProcliticRow& r)
{
    return os << r.letters << " -> " << r.expected;
}
// clang-format off
const ProcliticRow SEQUENCE_ROWS[] = {
    {"و", true}, {"ف", true}, {"ب", true}, {"ل", true}, {"ك", true}, {"ال", true},
    {"وال", true}, {"بال", true}, {"كال", true}, {"فال", true}, {"لل", true}, {"ولل", true},
    {"وب", true}, {"فل", true}, {"وبال", true},
    {"", false}, {"لال", false}, {"بو", false}, {"الو", false}, {"م", false}, {"كم", false},
    {"اال", false},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_SUITE(segmentation)

BOOST_DATA_TEST_CASE(splits, bdata::make(SPLIT_ROWS), row)
{
    BOOST_TEST(normalized_tokens(akhbar::Analyzer("akhbar"), row.input) == row.expected);
}

BOOST_DATA_TEST_CASE(keeps, bdata::make(KEEP_ROWS), row)
{
    BOOST_TEST(normalized_tokens(akhbar::Analyzer("akhbar"), row.input) == row.expected);
}

BOOST_DATA_TEST_CASE(proclitic_sequences, bdata::make(SEQUENCE_ROWS), row)
{
    const std::u32string letters = akhbar::utf8::decode(row.letters);
    BOOST_TEST(akhbar::clitics::is_proclitic_sequence(letters) == row.expected);
}

BOOST_AUTO_TEST_CASE(split_token_byte_range_is_the_remainder)
{
    const std::string text = "بـ5G";
    const auto tokens = akhbar::Analyzer("akhbar").analyze(text);
    BOOST_TEST_REQUIRE(tokens.size() == 1U);
    BOOST_TEST(tokens[0].original == "5G");
    BOOST_TEST(tokens[0].start == 4U);  // after ب (2 bytes) and ـ (2 bytes)
    BOOST_TEST(tokens[0].end == text.size());
}

BOOST_AUTO_TEST_CASE(lucene_profile_does_not_split)
{
    // Lucene's StandardTokenizer keeps the clitic: the baseline stays faithful.
    BOOST_TEST(normalized_tokens(akhbar::Analyzer("lucene"), "بـ5G") == "ب5g");
}

BOOST_AUTO_TEST_SUITE_END()
