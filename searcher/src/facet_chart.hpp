#pragma once
// The date facet as text: a compact chart for people at a terminal, or a
// table (one line per period) for scripts and for reading in full.

#include <string>

#include "akhbar/searcher/searcher.hpp"

namespace akhbar::detail {

/// Counting stories (`unit`), the headings say so: "By day (stories), …".

/// Narrowest width date_chart() draws for: below it, lines may be longer
/// than the width asked for.
constexpr std::size_t MIN_CHART_WIDTH = 24;

/// "By day ..." with a few-row column chart of the days (several days a
/// column when they do not fit), the day numbers under it, the total and the
/// busiest day; months and years one line each with a bar scaled to the
/// width; then the matches outside the month and the undated ones. No line
/// is wider than `width` columns (at least MIN_CHART_WIDTH). Ends with a
/// line end.
[[nodiscard]] std::string date_chart(const DateFacet& facet, std::size_t width,
                                     FacetUnit unit = FacetUnit::articles);

/// "By day:" then `  VALUE COUNT` for every period, then the matches outside
/// the month and the undated ones. Ends with a line end.
[[nodiscard]] std::string date_table(const DateFacet& facet,
                                     FacetUnit unit = FacetUnit::articles);

}  // namespace akhbar::detail
