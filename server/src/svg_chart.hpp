#pragma once
// A bar chart as inline SVG: no script, no external asset, every bar a link.
// Internal to the web page (server/src/page.hpp), which turns the date facet
// into bars.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::server {

/// One bar. Strings are plain text (the chart escapes them).
struct ChartBar {
    std::string key;      ///< what the bar counts ("2025-11-06"), in data-key
    std::size_t count = 0;
    std::string href;     ///< where the bar links to (a URL, not yet escaped)
    std::string tooltip;  ///< the bar's <title>: value and count
    std::string label;    ///< written under the bar; empty: none
    bool selected = false;  ///< drawn as the current filter
};

/// The bars side by side, first on the right (the page reads right to left,
/// so time runs the way its text does), heights proportional to the counts
/// with the largest count written at the top of the axis and 0 at its foot.
/// Each bar is an <a class="bar" data-key data-count> holding a rect as
/// tall as the chart (a bar of 0 is still a target) and the drawn one.
/// `label` names the chart for screen readers (aria-label).
[[nodiscard]] std::string bar_chart_svg(const std::vector<ChartBar>& bars, std::string_view label);

}  // namespace akhbar::server
