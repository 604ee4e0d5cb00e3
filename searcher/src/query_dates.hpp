#pragma once
// The value of `date:` (YYYY, YYYY-MM, YYYY-MM-DD or a range A..B) as the
// days it covers: part of the grammar, checked where the value is read.
// Internal header.

#include <chrono>
#include <optional>
#include <string_view>

namespace akhbar::detail {

/// The first and last day a `date:` value covers; either open, not both.
struct DateSpan {
    std::optional<std::chrono::year_month_day> from;
    std::optional<std::chrono::year_month_day> to;

    bool operator==(const DateSpan&) const = default;
};

/// The span `value` names, or nullopt when it is not a date or a range of
/// them.
std::optional<DateSpan> parse_date_span(std::string_view value);

}  // namespace akhbar::detail
