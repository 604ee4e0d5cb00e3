#pragma once
// The search page's facets: the date facet as a bar chart whose bars filter
// to their day, month or year, and the source facet as a list of filter
// links. Internal to the web page (server/src/page.hpp).

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "akhbar/searcher/searcher.hpp"
#include "svg_chart.hpp"

namespace akhbar::server {

/// The days a date facet value covers: "2025-11-06" one day, "2025-11" its
/// month, "2025" its year; nothing for another text.
struct DateSpan {
    std::chrono::year_month_day from;
    std::chrono::year_month_day to;
};
[[nodiscard]] std::optional<DateSpan> span_of(const FacetCount& count, Granularity granularity);

/// One bar per count of `facet`, in its order (zeros included), each
/// linking to `request` narrowed to the bar's span (from/to), on its first
/// page, every other parameter kept.
[[nodiscard]] std::vector<ChartBar> date_bars(const DateFacet& facet, const SearchRequest& request);

/// The date facet's section: heading, chart, and the matches the chart
/// does not show (undated, outside the month) as text.
[[nodiscard]] std::string date_facet_html(const DateFacet& facet, const SearchRequest& request);

/// The source facet's section: one filter link per source (source=NAME,
/// first page, the rest of `request` kept) with its count, then the matches
/// without a source as text (`unsourced`, as the date facet's undated).
[[nodiscard]] std::string source_facet_html(const std::vector<FacetCount>& sources,
                                            std::size_t unsourced, const SearchRequest& request);

}  // namespace akhbar::server
