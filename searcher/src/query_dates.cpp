#include "query_dates.hpp"

#include <string>

#include "akhbar/common/dates.hpp"

namespace akhbar::detail {

namespace {

using std::chrono::year_month_day;

// year, year-month or year-month-day, as the first or last day it covers.
std::optional<year_month_day> date_bound(std::string_view s, bool last)
{
    using namespace std::chrono;
    if (s.size() == 4 || s.size() == 7) {
        const auto full = std::string(s) + (s.size() == 4 ? "-01-01" : "-01");
        const auto first = dates::parse(full);
        if (!first) {
            return std::nullopt;
        }
        if (!last) {
            return first;
        }
        const year_month ym =
            s.size() == 4 ? first->year() / December : first->year() / first->month();
        return year_month_day{ym / std::chrono::last};
    }
    return dates::parse(s);
}

}  // namespace

std::optional<DateSpan> parse_date_span(std::string_view v)
{
    DateSpan span;
    const auto dots = v.find("..");
    bool ok = true;
    if (dots == std::string_view::npos) {
        span.from = date_bound(v, false);
        span.to = date_bound(v, true);
        ok = span.from && span.to;
    } else {
        const std::string_view a = v.substr(0, dots);
        const std::string_view b = v.substr(dots + 2);
        if (!a.empty()) {
            span.from = date_bound(a, false);
            ok = ok && span.from;
        }
        if (!b.empty()) {
            span.to = date_bound(b, true);
            ok = ok && span.to;
        }
        ok = ok && (span.from || span.to);
    }
    return ok ? std::optional<DateSpan>(span) : std::nullopt;
}

}  // namespace akhbar::detail
