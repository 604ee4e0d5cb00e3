#include "facet_chart.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

#include "text_wrap.hpp"

namespace akhbar::detail {

namespace {

constexpr std::string_view INDENT = "  ";
// Rows of the day chart: three rows of eighth blocks tell 24 heights apart,
// enough for a month's counts, and keep the first hits on the screen.
constexpr std::size_t ROWS = 3;
constexpr std::size_t EIGHTHS_PER_ROW = 8;
// Columns per day when they fit: the bar and a gap, so days stay apart.
constexpr std::size_t DAY_COLUMNS = 2;
// U+2581 LOWER ONE EIGHTH BLOCK ... U+2588 FULL BLOCK.
constexpr std::array<std::string_view, 8> LOWER_EIGHTHS = {
    "\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83", "\xE2\x96\x84",
    "\xE2\x96\x85", "\xE2\x96\x86", "\xE2\x96\x87", "\xE2\x96\x88"};
// U+258F LEFT ONE EIGHTH BLOCK ... U+2589 LEFT SEVEN EIGHTHS BLOCK, then FULL BLOCK.
constexpr std::array<std::string_view, 8> LEFT_EIGHTHS = {
    "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D", "\xE2\x96\x8C",
    "\xE2\x96\x8B", "\xE2\x96\x8A", "\xE2\x96\x89", "\xE2\x96\x88"};

// "By day", "By day (stories)".
std::string by(const DateFacet& facet, FacetUnit unit)
{
    return "By " + std::string(to_string(facet.granularity)) +
           (unit == FacetUnit::stories ? " (stories)" : "");
}

std::string heading(const DateFacet& facet, FacetUnit unit)
{
    std::string out = by(facet, unit);
    if (!facet.counts.empty()) {
        out += ", " + facet.counts.front().value + " to " + facet.counts.back().value;
    }
    return out + ":";
}

// `text` as indented lines no wider than `width`.
void add_lines(std::string& out, std::string_view text, std::size_t width)
{
    for (const std::string& line : wrap_text(text, width - INDENT.size())) {
        out += INDENT;
        out += line;
        out += '\n';
    }
}

void add_outside_and_undated(std::string& out, const DateFacet& facet)
{
    if (facet.outside > 0) {
        out += "  outside that month: " + std::to_string(facet.outside) + "\n";
    }
    out += "  undated: " + std::to_string(facet.undated) + "\n";
}

// "7" for "2025-11-07".
std::string day_number(const std::string& iso_date)
{
    const std::string day = iso_date.size() >= 10 ? iso_date.substr(8, 2) : iso_date;
    return day.starts_with('0') ? day.substr(1) : day;
}

bool labelled_day(const std::string& day)
{
    int d = 0;
    std::from_chars(day.data(), day.data() + day.size(), d);
    return d == 1 || d % 5 == 0;
}

void add_day_columns(std::string& out, const DateFacet& facet, std::size_t width)
{
    const std::size_t room = width - INDENT.size();
    const std::size_t days = facet.counts.size();
    const std::size_t per_column = (days + room - 1) / room;  // days a column
    const std::size_t columns = (days + per_column - 1) / per_column;
    const std::size_t column_width = std::clamp<std::size_t>(room / columns, 1, DAY_COLUMNS);
    std::vector<std::size_t> sums(columns, 0);
    for (std::size_t i = 0; i < days; ++i) {
        sums[i / per_column] += facet.counts[i].count;
    }
    const std::size_t max = std::max<std::size_t>(1, *std::max_element(sums.begin(), sums.end()));
    for (std::size_t row = 0; row < ROWS; ++row) {
        const std::size_t below = (ROWS - 1 - row) * EIGHTHS_PER_ROW;  // eighths under this row
        std::string line(INDENT);
        for (const std::size_t sum : sums) {
            // Any count shows: at least one eighth.
            const std::size_t height =
                sum == 0 ? 0 : std::max<std::size_t>(1, (sum * ROWS * EIGHTHS_PER_ROW + max - 1) / max);
            const std::size_t here = height > below ? std::min(height - below, EIGHTHS_PER_ROW) : 0;
            line += here == 0 ? std::string_view(" ") : LOWER_EIGHTHS[here - 1];
            line.append(column_width - 1, ' ');
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out += line + "\n";
    }
    // Day numbers under their columns: the 1st and every 5th when a column
    // is a day, else every column that leaves a gap after its neighbour's.
    std::string labels(room, ' ');
    std::size_t free = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        const std::string day = day_number(facet.counts[c * per_column].value);
        const std::size_t at = c * column_width;
        if (at < free || at + day.size() > room || (per_column == 1 && !labelled_day(day))) {
            continue;
        }
        labels.replace(at, day.size(), day);
        free = at + day.size() + (per_column == 1 ? 1 : 2);
    }
    labels.erase(labels.find_last_not_of(' ') + 1);
    out += std::string(INDENT) + labels + "\n";
    if (per_column > 1) {
        add_lines(out, std::to_string(per_column) + " days a column", width);
    }
}

std::string bar(std::size_t count, std::size_t max, std::size_t columns)
{
    const std::size_t eighths = (count * columns * 8 + max - 1) / max;
    std::string out;
    for (std::size_t i = 0; i < eighths / 8; ++i) {
        out += LEFT_EIGHTHS.back();
    }
    if (eighths % 8 != 0) {
        out += LEFT_EIGHTHS[eighths % 8 - 1];
    }
    out.append(columns - (eighths + 7) / 8, ' ');
    return out;
}

void add_period_bars(std::string& out, const DateFacet& facet, std::size_t width, std::size_t max)
{
    const std::size_t label = facet.counts.front().value.size();
    const std::size_t digits = std::to_string(max).size();
    const std::size_t fixed = INDENT.size() + label + 1 + 1 + digits;  // "  VALUE BAR COUNT"
    const std::size_t columns = width > fixed ? width - fixed : 0;
    for (const FacetCount& c : facet.counts) {
        std::string count = std::to_string(c.count);
        count.insert(0, digits - count.size(), ' ');
        out += std::string(INDENT) + c.value + " ";
        if (columns > 0) {
            out += bar(c.count, max, columns) + " ";
        }
        out += count + "\n";
    }
}

}  // namespace

std::string date_chart(const DateFacet& facet, std::size_t width, FacetUnit unit)
{
    width = std::max(width, MIN_CHART_WIDTH);
    std::string out;
    for (const std::string& line : wrap_text(heading(facet, unit), width)) {
        out += line + "\n";
    }
    if (!facet.counts.empty()) {
        std::size_t total = 0;
        const FacetCount* most = &facet.counts.front();
        for (const FacetCount& c : facet.counts) {
            total += c.count;
            most = c.count > most->count ? &c : most;
        }
        if (facet.granularity == Granularity::day) {
            add_day_columns(out, facet, width);
        } else {
            add_period_bars(out, facet, width, std::max<std::size_t>(1, most->count));
        }
        add_lines(out,
                  "total " + std::to_string(total) + " · most " + std::to_string(most->count) +
                      " (" + most->value + ")",
                  width);
    }
    add_outside_and_undated(out, facet);
    return out;
}

std::string date_table(const DateFacet& facet, FacetUnit unit)
{
    std::string out = by(facet, unit) + ":\n";
    for (const FacetCount& c : facet.counts) {
        out += std::string(INDENT) + c.value + " " + std::to_string(c.count) + "\n";
    }
    add_outside_and_undated(out, facet);
    return out;
}

}  // namespace akhbar::detail
