#pragma once
// Facets: how many matches of a search fall on each date, come from each
// source and are of each category, counted over every match. Internal header.

#include <chrono>
#include <cstddef>
#include <optional>
#include <set>
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

/// As above, counting stories: `dates` and `total` are then the matches of
/// no story, and each story counts once in each bucket (day, month, year,
/// undated, outside) where `story_dates` has one of its dates.
[[nodiscard]] DateFacet date_facet(const std::vector<ValueCount>& dates, std::size_t total,
                                   std::optional<std::chrono::year_month> month,
                                   const std::vector<StoryValue>& story_dates);

/// The sources counted (schema::SLOT_SOURCE values), most matches first,
/// then by name.
[[nodiscard]] std::vector<FacetCount> source_facet(const std::vector<ValueCount>& sources);

/// The categories counted (schema::SLOT_CATEGORY values), in the same order.
[[nodiscard]] std::vector<FacetCount> category_facet(const std::vector<ValueCount>& categories);

/// The values of `spy`'s slot it counted, in byte order.
[[nodiscard]] std::vector<ValueCount> counted(const Xapian::ValueCountMatchSpy& spy);

/// A pass over every match of `query` over `db` that does not weigh, sort
/// nor collapse: for counting them.
[[nodiscard]] Xapian::Enquire counting_pass(const Xapian::Database& db, const Xapian::Query& query);

/// Counts the facets of one search over every match, in a pass of its own.
class FacetCounter {
public:
    /// Counts the matches of `query` over `db`, the targets `handles` (one
    /// database each) searched as one: each by its table of `tables` (one
    /// per handle), or by reading their values when there are none (remote
    /// targets). Counting FacetUnit::stories needs the tables: throws
    /// InvalidArgument without them.
    void count(const Xapian::Query& query, const Xapian::Database& db,
               const std::vector<Xapian::Database>& handles,
               const std::vector<FacetTable>* tables, FacetUnit unit = FacetUnit::articles);

    /// Sets `result`'s totals (exact: every match was counted: articles and
    /// stories) and facets.
    void fill(SearchResult& result, std::optional<std::chrono::year_month> month) const;

private:
    FacetUnit m_unit = FacetUnit::articles;
    std::size_t m_total = 0;
    bool m_exact = true;
    // Counting stories, these count the matches of no story only.
    std::vector<ValueCount> m_dates;
    std::vector<ValueCount> m_sources;
    std::vector<ValueCount> m_categories;
    std::vector<ValueCount> m_stories;  // matches per story key
    std::set<StoryValue> m_story_dates;
    std::set<StoryValue> m_story_sources;
    std::set<StoryValue> m_story_categories;
};

}  // namespace akhbar::detail
