#pragma once
// Facets: how many matches of a search fall on each date and come from each
// source, counted over every match. Internal header.

#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include <xapian.h>

#include "akhbar/common/value_slots.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar::detail {

/// The dates of the matches (schema::SLOT_DATE values counted by `spy`) of
/// `total` matches: day by day for `month` (every day, zeros included) or,
/// without one, at the granularity their span calls for (days up to 62 days,
/// months up to 36 months, then years; one month's matches day by day).
[[nodiscard]] DateFacet date_facet(const Xapian::ValueCountMatchSpy& spy, std::size_t total,
                                   std::optional<std::chrono::year_month> month);

/// The sources counted by `spy`, most matches first, then by name.
[[nodiscard]] std::vector<FacetCount> source_facet(const Xapian::ValueCountMatchSpy& spy);

/// Counts the facets of one search, in its match or in a pass of its own.
/// Outlives the Enquire it is attached to (the Enquire keeps pointers to its
/// match spies).
class FacetCounter {
public:
    /// Counts the matches of `query` over `db` (made of `databases`
    /// databases) in the match of `enquire`, or in a pass of their own.
    /// Returns how many matches the match of `enquire` must then check, at
    /// least `check_at_least`.
    Xapian::doccount attach(Xapian::Enquire& enquire, const Xapian::Query& query,
                            const Xapian::Database& db, std::size_t databases,
                            Xapian::doccount check_at_least);

    /// The MSet whose totals count every match: the pass of its own, if
    /// any, or `ranked` (the search's).
    [[nodiscard]] const Xapian::MSet& totals(const Xapian::MSet& ranked) const
    {
        return m_counted ? *m_counted : ranked;
    }

    /// Sets `result`'s facets; its total set before.
    void fill(SearchResult& result, std::optional<std::chrono::year_month> month) const;

private:
    Xapian::ValueCountMatchSpy m_date_spy{schema::SLOT_DATE};
    Xapian::ValueCountMatchSpy m_source_spy{schema::SLOT_SOURCE};
    std::optional<Xapian::MSet> m_counted;
};

}  // namespace akhbar::detail
