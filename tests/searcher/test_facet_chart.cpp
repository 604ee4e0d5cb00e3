// The date facet as text (facet_chart.hpp): a chart that fits the width it is
// given, and the full table.

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <sstream>
#include <string>

#include "akhbar/common/date_format.hpp"
#include "facet_chart.hpp"
#include "support/terminal.hpp"
#include "text_wrap.hpp"

using akhbar::DateFacet;
using akhbar::Granularity;
using akhbar::test::lines_of;
using namespace std::chrono;

namespace {

// `days` days from `first`, day i counting (i * 7) % 5.
DateFacet days_facet(year_month_day first, int days)
{
    DateFacet facet;
    facet.granularity = Granularity::day;
    for (int i = 0; i < days; ++i) {
        const year_month_day d{sys_days{first} + std::chrono::days{i}};
        facet.counts.push_back({akhbar::schema::format_iso(d), static_cast<std::size_t>(i * 7 % 5)});
    }
    facet.undated = 3;
    return facet;
}

DateFacet months_facet(int months)
{
    DateFacet facet;
    facet.granularity = Granularity::month;
    for (int i = 0; i < months; ++i) {
        const year_month ym = 2023y / January + std::chrono::months{i};
        facet.counts.push_back({akhbar::schema::format_iso(ym), static_cast<std::size_t>(i * 37 % 100)});
    }
    return facet;
}

void check_fits(const std::string& chart, std::size_t width)
{
    for (const std::string& line : lines_of(chart)) {
        BOOST_TEST(akhbar::detail::display_width(line) <= width, width << ": " << line);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(facet_chart)

BOOST_AUTO_TEST_CASE(a_few_days_drawn_exactly)
{
    DateFacet facet;
    facet.granularity = Granularity::day;
    facet.counts = {{"2025-11-01", 0}, {"2025-11-02", 1}, {"2025-11-03", 2}, {"2025-11-04", 4},
                    {"2025-11-05", 0}};
    facet.undated = 2;
    BOOST_TEST(akhbar::detail::date_chart(facet, 40) ==
               "By day, 2025-11-01 to 2025-11-05:\n"
               "        \xE2\x96\x88\n"                                  // █
               "      \xE2\x96\x84 \xE2\x96\x88\n"                       // ▄ █
               "    \xE2\x96\x86 \xE2\x96\x88 \xE2\x96\x88\n"            // ▆ █ █
               "  1       5\n"
               "  total 7 · most 4 (2025-11-04)\n"
               "  undated: 2\n");
}

BOOST_AUTO_TEST_CASE(a_month_takes_a_few_lines_and_fits_every_width)
{
    const DateFacet month = days_facet(2025y / November / 1, 30);
    for (const std::size_t width : {24U, 40U, 80U, 100U, 200U}) {
        const std::string chart = akhbar::detail::date_chart(month, width);
        check_fits(chart, width);
        // Heading, 3 rows, day numbers, total, undated; at 24 columns two days
        // a column (and a line that says so), heading and total on two lines.
        BOOST_TEST(lines_of(chart).size() == (width < 40 ? 10U : 7U), chart);
        BOOST_TEST(chart.find("\n  1 ") != std::string::npos, chart);
    }
}

BOOST_AUTO_TEST_CASE(days_that_do_not_fit_share_columns)
{
    const DateFacet days = days_facet(2025y / October / 15, 62);
    const std::string chart = akhbar::detail::date_chart(days, 40);
    check_fits(chart, 40);
    BOOST_TEST(chart.find("  2 days a column\n") != std::string::npos, chart);
    BOOST_TEST(chart.find("By day, 2025-10-15 to 2025-12-15:") == 0U, chart);
}

BOOST_AUTO_TEST_CASE(months_one_line_each_with_bars_scaled_to_the_width)
{
    const DateFacet months = months_facet(30);
    for (const std::size_t width : {24U, 40U, 100U}) {
        const std::string chart = akhbar::detail::date_chart(months, width);
        check_fits(chart, width);
        // One line a month: `  YYYY-MM BAR COUNT`; the busiest month's bar takes
        // the whole room.
        std::size_t month_lines = 0;
        std::string busiest;
        for (const auto& line : lines_of(chart)) {
            month_lines += line.starts_with("  20") ? 1 : 0;
            busiest = line.starts_with("  20") && line.ends_with(" 99") ? line : busiest;
        }
        BOOST_TEST(month_lines == 30U);
        BOOST_TEST(akhbar::detail::display_width(busiest) == width, busiest);
    }
}

BOOST_AUTO_TEST_CASE(the_table_has_a_line_per_period)
{
    DateFacet facet;
    facet.granularity = Granularity::year;
    facet.counts = {{"2016", 3}, {"2017", 0}, {"2018", 12}};
    facet.undated = 1;
    BOOST_TEST(akhbar::detail::date_table(facet) ==
               "By year:\n  2016 3\n  2017 0\n  2018 12\n  undated: 1\n");
    facet.granularity = Granularity::day;
    facet.counts = {{"2025-11-06", 2}};
    facet.outside = 4;
    BOOST_TEST(akhbar::detail::date_table(facet) ==
               "By day:\n  2025-11-06 2\n  outside that month: 4\n  undated: 1\n");
}

BOOST_AUTO_TEST_CASE(only_undated)
{
    DateFacet facet;
    facet.undated = 5;
    BOOST_TEST(akhbar::detail::date_chart(facet, 80) == "By day:\n  undated: 5\n");
}

BOOST_AUTO_TEST_SUITE_END()
