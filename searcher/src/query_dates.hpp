#pragma once
// The one date grammar of Akhbar's queries and requests: `date:` in the
// query language (YYYY, YYYY-MM, YYYY-MM-DD, or a range A..B) and the
// request fields from, to and facet_month (one date each, no range), so that
// `--from 2017-02` means what `date:2017-02..` does and both refuse
// `01/02/2017` with the same words. Internal header.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace akhbar::detail {

/// The first and last day a `date:` value covers; either open, not both.
struct DateSpan {
    std::optional<std::chrono::year_month_day> from;
    std::optional<std::chrono::year_month_day> to;

    bool operator==(const DateSpan&) const = default;
};

/// A date as written in a query or a request: the period it names (a year,
/// a month or a day) as its first and last day.
struct DatePeriod {
    std::chrono::year_month_day first;
    std::chrono::year_month_day last;
    enum class Length { year, month, day } length;
};

/// The period `text` names: YYYY, YYYY-MM or YYYY-MM-DD, in ASCII or
/// Arabic-Indic digits (as the analyzer reads digits), a day that exists;
/// nothing else (no dd/mm/yyyy: is 01/02 January or February?).
[[nodiscard]] std::optional<DatePeriod> parse_date_period(std::string_view text);

/// The span `value` names (a period, or a range A..B of periods, either end
/// open), or nullopt when it is not one.
[[nodiscard]] std::optional<DateSpan> parse_date_span(std::string_view value);

/// What a date may be, for error messages: `WHAT takes YYYY, YYYY-MM or
/// YYYY-MM-DD: "TEXT"`, and `, or a range A..B` before the colon when
/// `range`.
[[nodiscard]] std::string date_error(std::string_view what, std::string_view text, bool range);

}  // namespace akhbar::detail
