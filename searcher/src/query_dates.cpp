#include "query_dates.hpp"

#include "akhbar/common/quote.hpp"
#include "akhbar/common/utf8.hpp"

namespace akhbar::detail {

namespace {

using std::chrono::year_month_day;

// The digit `cp` stands for (0-9), in ASCII, Arabic-Indic (U+0660..U+0669)
// or Extended Arabic-Indic (U+06F0..U+06F9, Persian and Urdu) form; -1 for
// anything else.
int digit_value(char32_t cp)
{
    for (const char32_t zero : {U'0', U'\u0660', U'\u06F0'}) {
        if (cp >= zero && cp <= zero + 9) {
            return static_cast<int>(cp - zero);
        }
    }
    return -1;
}

}  // namespace

std::optional<DatePeriod> parse_date_period(std::string_view text)
{
    // Groups of 4, 2 and 2 digits joined by '-': the ISO 8601 calendar date
    // and its reduced precisions, nothing else.
    int parts[3] = {0, 0, 0};
    std::size_t groups = 0;
    std::size_t digits = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8::next(text, pos);
        if (cp == U'-') {
            if (digits != (groups == 0 ? 4U : 2U) || groups == 2) {
                return std::nullopt;
            }
            ++groups;
            digits = 0;
            continue;
        }
        const int d = digit_value(cp);
        if (d < 0 || digits == (groups == 0 ? 4U : 2U)) {
            return std::nullopt;
        }
        parts[groups] = parts[groups] * 10 + d;
        ++digits;
    }
    if (digits != (groups == 0 ? 4U : 2U)) {
        return std::nullopt;  // empty, or a group cut short ("2025-1", "2025-")
    }
    using namespace std::chrono;
    const year y{parts[0]};
    DatePeriod p{};
    if (groups == 0) {
        p = {y / January / 1, y / December / 31, DatePeriod::Length::year};
    } else if (groups == 1) {
        const year_month ym = y / month{static_cast<unsigned>(parts[1])};
        p = {ym / 1, year_month_day{ym / last}, DatePeriod::Length::month};
    } else {
        const year_month_day d = y / month{static_cast<unsigned>(parts[1])} /
                                 day{static_cast<unsigned>(parts[2])};
        p = {d, d, DatePeriod::Length::day};
    }
    return p.first.ok() && p.last.ok() ? std::optional(p) : std::nullopt;
}

std::optional<DateSpan> parse_date_span(std::string_view v)
{
    DateSpan span;
    const auto dots = v.find("..");
    if (dots == std::string_view::npos) {
        const auto period = parse_date_period(v);
        if (!period) {
            return std::nullopt;
        }
        return DateSpan{period->first, period->last};
    }
    const std::string_view a = v.substr(0, dots);
    const std::string_view b = v.substr(dots + 2);
    if (!a.empty()) {
        const auto period = parse_date_period(a);
        if (!period) {
            return std::nullopt;
        }
        span.from = period->first;
    }
    if (!b.empty()) {
        const auto period = parse_date_period(b);
        if (!period) {
            return std::nullopt;
        }
        span.to = period->last;
    }
    return span.from || span.to ? std::optional(span) : std::nullopt;
}

std::string date_error(std::string_view what, std::string_view text, bool range)
{
    return std::string(what) + " takes YYYY, YYYY-MM or YYYY-MM-DD" +
           (range ? ", or a range A..B" : "") + ": " + quote_for_message(text);
}

}  // namespace akhbar::detail
