#pragma once
// Facets: how many matches of a search fall on each date, come from each
// source and are of each category, counted over every match. Internal header.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "akhbar/searcher/searcher.hpp"
#include "facet_table.hpp"

namespace akhbar::detail {

/// A schema::SLOT_DATE value ("YYYYMMDD") as a date; none when it is not one.
[[nodiscard]] std::optional<std::chrono::year_month_day> parse_compact(std::string_view v);

/// The dates of the matches (schema::SLOT_DATE values and their counts) of
/// `total` matches: day by day for `month` (every day, zeros included) or,
/// without one, at the granularity their span calls for (days up to 62 days,
/// months up to 36 months, then years; one month's matches day by day).
[[nodiscard]] DateFacet date_facet(const std::vector<ValueCount>& dates, std::size_t total,
                                   std::optional<std::chrono::year_month> month);

/// The sources counted (schema::SLOT_SOURCE values), most matches first,
/// then by name.
[[nodiscard]] std::vector<FacetCount> source_facet(const std::vector<ValueCount>& sources);

/// The categories counted (schema::SLOT_CATEGORY values), in the same order.
[[nodiscard]] std::vector<FacetCount> category_facet(const std::vector<ValueCount>& categories);

/// The values of `spy`'s slot it counted, in byte order.
[[nodiscard]] std::vector<ValueCount> counted(const Xapian::ValueCountMatchSpy& spy);

/// Counts the facets of one search over every match, in a pass of its own.
class FacetCounter {
public:
    /// Counts the matches of `query` over `db`, the targets `handles` (one
    /// database each) searched as one: each by its table of `tables` (one
    /// per handle), or by reading their values when there are none (remote
    /// targets).
    void count(const Xapian::Query& query, const Xapian::Database& db,
               const std::vector<Xapian::Database>& handles,
               const std::vector<FacetTable>* tables);

    /// Sets `result`'s total (exact: every match was counted) and facets.
    void fill(SearchResult& result, std::optional<std::chrono::year_month> month) const;

private:
    std::size_t m_total = 0;
    bool m_exact = true;
    std::vector<ValueCount> m_dates;
    std::vector<ValueCount> m_sources;
    std::vector<ValueCount> m_categories;
};

}  // namespace akhbar::detail
