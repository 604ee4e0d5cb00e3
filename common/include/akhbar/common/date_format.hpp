#pragma once
/// @file
/// Dates as the index and the results write them.

#include <chrono>
#include <string>

namespace akhbar::schema {

/// "YYYY-MM-DD".
[[nodiscard]] std::string format_iso(std::chrono::year_month_day date);

/// "YYYY-MM": a month, as the date facet and `--facet-month` write it.
[[nodiscard]] std::string format_iso(std::chrono::year_month month);

/// "YYYYMMDD", the SLOT_DATE value and D term suffix.
[[nodiscard]] std::string format_compact(std::chrono::year_month_day date);

}  // namespace akhbar::schema
