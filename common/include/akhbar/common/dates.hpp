#pragma once
/// @file
/// Publication dates as news text states them: ISO (2025-11-11, with or
/// without a time), dd/mm/yyyy, "6 نوفمبر 2025", "7th, November 2025",
/// "November 7, 2025", month names in their Egyptian/Gulf (نوفمبر),
/// Levantine (تشرين الثاني) and Maghreb (نونبر, جانفي) forms, Arabic-Indic
/// digits. A date that does not exist (31/02/2025) is not a date.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>

namespace akhbar::dates {

/// A month name and its number (1-12).
struct MonthName {
    std::string_view name;
    unsigned month;
};

/// A date found in a line and the byte range [start, end) it occupies.
struct FoundDate {
    std::chrono::year_month_day date;
    std::size_t start;
    std::size_t end;
};

/// Parses a string that is a date and nothing else (surrounding white space
/// allowed): any shape above. For JSONL `date` fields and manifests.
[[nodiscard]] std::optional<std::chrono::year_month_day> parse(std::string_view text);

/// The first date anywhere in `line` (valid UTF-8).
[[nodiscard]] std::optional<FoundDate> find(std::string_view line);

}  // namespace akhbar::dates
