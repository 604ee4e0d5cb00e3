// The checks of a request and of the searcher's options (SearchRequest::check,
// SearcherOptions::check) and of the values a program reads from text for
// them (checked_number, checked_date, checked_month): the library's, so that
// akhbar-search, the C API and an embedder refuse the same values with the
// same message.

#include "request_checks.hpp"

#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/date_format.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "query_dates.hpp"

namespace akhbar {

namespace {

// The bounds of the numbers of a request and of the searcher's options
// (see SearchRequest and SearcherOptions).
struct NumberBounds {
    std::string_view field;
    long long min;
    long long max;
    std::string_view unit;
    // When the range alone is not the rule: said instead of "from MIN to MAX".
    std::string_view rule = {};
};

constexpr NumberBounds NUMBER_BOUNDS[] = {
    {"limit", 1, SearchRequest::max_limit, ""},
    {"offset", 0, SearchRequest::max_page_end - 1, "",
     "at least 0, with offset + limit at most 100000"},
    {"snippet_chars", 1, SearchRequest::max_snippet_chars, ""},
    {"timeout", 1, SearcherOptions::max_timeout.count(), " milliseconds"},
};

const NumberBounds& bounds_of(std::string_view field)
{
    for (const NumberBounds& b : NUMBER_BOUNDS) {
        if (b.field == field) {
            return b;
        }
    }
    throw InvalidArgument("no such number in a request: \"" + std::string(field) + "\"");
}

[[noreturn]] void out_of_bounds(const NumberBounds& b, const std::string& value)
{
    const std::string range = b.rule.empty() ? "from " + std::to_string(b.min) + " to " +
                                                   std::to_string(b.max) + std::string(b.unit)
                                             : std::string(b.rule);
    throw InvalidArgument(std::string(b.field) + " must be " + range + ", not " + value);
}

}  // namespace

namespace detail {

// Unsigned fields: checked as stored, so a value wrapped from a negative
// number (18446744073709551615) is refused too, under its own spelling.
void check_count(std::string_view field, std::size_t value)
{
    const NumberBounds& b = bounds_of(field);
    if (value < static_cast<std::size_t>(b.min) || value > static_cast<std::size_t>(b.max)) {
        out_of_bounds(b, std::to_string(value));
    }
}

}  // namespace detail

std::size_t checked_number(std::string_view field, long long value)
{
    const NumberBounds& b = bounds_of(field);
    if (value < b.min || value > b.max) {
        out_of_bounds(b, std::to_string(value));
    }
    return static_cast<std::size_t>(value);
}

std::chrono::year_month_day checked_date(std::string_view field, std::string_view text)
{
    // The query language's grammar (date:), one date: a month or a year
    // stands for its first day, or for its last as the end of a range.
    const auto period = detail::parse_date_period(text);
    if (!period) {
        throw InvalidArgument(detail::date_error(field, text, false));
    }
    return field == "to" ? period->last : period->first;
}

std::chrono::year_month checked_month(std::string_view field, std::string_view text)
{
    const auto period = detail::parse_date_period(text);
    if (!period || period->length != detail::DatePeriod::Length::month) {
        throw InvalidArgument(std::string(field) + " takes YYYY-MM: " + quote_for_message(text));
    }
    return period->first.year() / period->first.month();
}

void SearchRequest::check() const
{
    detail::check_count("limit", limit);
    detail::check_count("offset", offset);
    detail::check_count("snippet_chars", snippet_chars);
    if (offset + limit > max_page_end) {
        throw InvalidArgument("offset + limit must be at most " + std::to_string(max_page_end) +
                              ", not " + std::to_string(offset) + " + " + std::to_string(limit));
    }
    if (from && to && *from > *to) {
        throw InvalidArgument("the date range ends (" + schema::format_iso(*to) +
                              ") before it starts (" + schema::format_iso(*from) + ")");
    }
    // An empty name would filter everything out, which no one asks for.
    for (const auto& [field, names] : {std::pair{"source", &sources}, {"category", &categories}}) {
        for (const std::string& name : *names) {
            if (name.find_first_not_of(" \t") == std::string::npos) {
                throw InvalidArgument(std::string(field) + " is empty: give a " + field +
                                      " name");
            }
        }
    }
}

void SearcherOptions::check() const
{
    if (timeout.count() < 1 || timeout > max_timeout) {
        out_of_bounds(bounds_of("timeout"), std::to_string(timeout.count()));
    }
}

}  // namespace akhbar
