// Date shapes news text states, one named row each, and what is not a date.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "akhbar/common/date_format.hpp"
#include "akhbar/common/dates.hpp"
#include "support/named_row.hpp"

namespace bdata = boost::unit_test::data;
using Row = akhbar::test::NamedRow;

namespace {

std::string parsed(const char* text)
{
    const auto date = akhbar::dates::parse(text);
    return date ? akhbar::schema::format_iso(*date) : "none";
}

// clang-format off
const Row PARSE_ROWS[] = {
    {"ISO date",                      "2025-11-11",                     "2025-11-11"},
    {"ISO date-time with zone",       "2017-01-20T21:43:00+01:00",      "2017-01-20"},
    {"ISO date and time",             "2025-11-07 10:30:00",            "2025-11-07"},
    {"dd/mm/yyyy",                    "07/11/2025",                     "2025-11-07"},
    {"d-m-yyyy",                      "7-11-2025",                      "2025-11-07"},
    {"yyyy/mm/dd",                    "2025/11/07",                     "2025-11-07"},
    {"English ordinal, comma",        "7th, November 2025 GMT",         "2025-11-07"},
    {"English month first",           "November 7, 2025",               "2025-11-07"},
    {"English abbreviation",          "7 Nov 2025",                     "2025-11-07"},
    {"Egyptian/Gulf month",           "6 نوفمبر 2025",                  "2025-11-06"},
    {"month with من",                 "6 من نوفمبر 2025",               "2025-11-06"},
    {"hamza variant أبريل/ابريل",     "10 ابريل 1992",                  "1992-04-10"},
    {"Levantine two-word month",      "6 تشرين الثاني 2025",            "2025-11-06"},
    {"Levantine آذار",                "1 آذار 2024",                    "2024-03-01"},
    {"Moroccan نونبر",                "6 نونبر 2025",                   "2025-11-06"},
    {"Tunisian جانفي",                "18 جانفي 2017",                  "2017-01-18"},
    {"Algerian جويلية",               "5 جويلية 1962",                  "1962-07-05"},
    {"Arabic-Indic digits",           "٦ نوفمبر ٢٠٢٥",                  "2025-11-06"},
    {"Persian digits",                "۶ نوفمبر ۲۰۲۵",                  "2025-11-06"},
    {"year with م",                   "6 نوفمبر 2025م",                 "2025-11-06"},
    // Not dates.
    {"February 30",                   "30/02/2025",                     "none"},
    {"month 13",                      "2025-13-01",                     "none"},
    {"month and year only",           "نوفمبر 2024",                    "none"},
    {"ordinal word day",              "الخامس من نوفمبر 2024",          "none"},
    {"trailing words",                "6 نوفمبر 2025 في دبي",           "none"},
    {"misspelled month",              "7th Novembr 2025",               "none"},
    {"empty",                         "",                               "none"},
    {"words only",                    "الخميس الماضي",                  "none"},
};

struct FindRow {
    const char* name;
    const char* line;
    const char* date;     // ISO or "none"
    const char* matched;  // the bytes the date occupies
};
std::ostream& operator<<(std::ostream& os, const FindRow& r) { return os << r.name; }

const FindRow FIND_ROWS[] = {
    {"caption with agency", "قادة دول آسيا الوسطى. 6 نوفمبر 2025 - رويترز", "2025-11-06", "6 نوفمبر 2025"},
    {"label with colon",    "تاريخ النشر: 7th, November 2025 GMT",          "2025-11-07", "7th, November 2025"},
    {"glued to a sentence", " date 2025-11-11 قال الكاتب",                  "2025-11-11", "2025-11-11"},
    {"date in prose",       "ففي 10 أبريل 1992، أقامت الدولتان",            "1992-04-10", "10 أبريل 1992"},
    {"no date",             "باريس الخامس من نوفمبر 2024 (أ ف ب)",          "none",       ""},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_SUITE(dates)

BOOST_DATA_TEST_CASE(parse, bdata::make(PARSE_ROWS), row)
{
    BOOST_TEST(parsed(row.input) == row.expected);
}

BOOST_DATA_TEST_CASE(find, bdata::make(FIND_ROWS), row)
{
    const std::string line = row.line;
    const auto found = akhbar::dates::find(line);
    if (std::string(row.date) == "none") {
        BOOST_TEST(!found.has_value());
        return;
    }
    BOOST_TEST_REQUIRE(found.has_value());
    BOOST_TEST(akhbar::schema::format_iso(found->date) == row.date);
    BOOST_TEST(line.substr(found->start, found->end - found->start) == row.matched);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_not_a_date)
{
    BOOST_TEST(!akhbar::dates::parse(std::string("2025-11-11\xFF")).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
