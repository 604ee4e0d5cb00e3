// The names of the request's and the result's enums, as the C API, the JSON
// output and akhbar-search spell them: one table per enum, read both ways.

#include <array>
#include <string>
#include <utility>

#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar {

namespace {

template <class Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Names<SortOrder, 2> SORT_ORDERS{{
    {SortOrder::relevance, "relevance"},
    {SortOrder::date, "date"},
}};

constexpr Names<Strictness, 3> STRICTNESS_LEVELS{{
    {Strictness::exact, "exact"},
    {Strictness::normalized, "normalized"},
    {Strictness::stemmed, "stemmed"},
}};

constexpr Names<Granularity, 3> GRANULARITIES{{
    {Granularity::day, "day"},
    {Granularity::month, "month"},
    {Granularity::year, "year"},
}};

template <class Enum, std::size_t N>
std::string_view name_of(const Names<Enum, N>& names, Enum value) noexcept
{
    for (const auto& [v, name] : names) {
        if (v == value) {
            return name;
        }
    }
    return names.front().second;  // not reached: every value has its row
}

// Throws InvalidArgument `unknown WHAT "NAME" (known: a, b, c)`, as
// parse_ranking and find_profile do.
template <class Enum, std::size_t N>
Enum value_of(const Names<Enum, N>& names, std::string_view what, std::string_view name)
{
    std::string known;
    for (const auto& [value, n] : names) {
        if (n == name) {
            return value;
        }
        known += (known.empty() ? "" : ", ") + std::string(n);
    }
    throw InvalidArgument("unknown " + std::string(what) + " " + quote_for_message(name) +
                          " (known: " + known + ")");
}

}  // namespace

std::string_view to_string(SortOrder order) noexcept { return name_of(SORT_ORDERS, order); }

SortOrder parse_sort_order(std::string_view name)
{
    return value_of(SORT_ORDERS, "sort order", name);
}

std::string_view to_string(Strictness level) noexcept { return name_of(STRICTNESS_LEVELS, level); }

Strictness parse_strictness(std::string_view name)
{
    return value_of(STRICTNESS_LEVELS, "strictness", name);
}

std::string_view to_string(Granularity granularity) noexcept
{
    return name_of(GRANULARITIES, granularity);
}

Granularity parse_granularity(std::string_view name)
{
    return value_of(GRANULARITIES, "granularity", name);
}

}  // namespace akhbar
