// The names of the request's and the result's enums, as the C API, the JSON
// output and akhbar-search spell them: one table per enum, read both ways.

#include "akhbar/common/enum_names.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar {

namespace {

// "newest" is read as "date" (the name it has always had, which
// to_string keeps), as a reader of `--sort oldest` will try it.
constexpr EnumNames<SortOrder, 4> SORT_ORDERS{{
    {SortOrder::relevance, "relevance"},
    {SortOrder::date, "date"},
    {SortOrder::date, "newest"},
    {SortOrder::oldest, "oldest"},
}};

constexpr EnumNames<Strictness, 3> STRICTNESS_LEVELS{{
    {Strictness::exact, "exact"},
    {Strictness::normalized, "normalized"},
    {Strictness::stemmed, "stemmed"},
}};

constexpr EnumNames<Granularity, 3> GRANULARITIES{{
    {Granularity::day, "day"},
    {Granularity::month, "month"},
    {Granularity::year, "year"},
}};

constexpr EnumNames<FacetUnit, 2> FACET_UNITS{{
    {FacetUnit::articles, "articles"},
    {FacetUnit::stories, "stories"},
}};

}  // namespace

std::string_view to_string(FacetUnit unit) noexcept { return name_of(FACET_UNITS, unit); }

FacetUnit parse_facet_unit(std::string_view name)
{
    return value_of(FACET_UNITS, "facet count", name);
}

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
