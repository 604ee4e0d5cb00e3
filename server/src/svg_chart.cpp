#include "svg_chart.hpp"

#include <algorithm>

#include "html.hpp"

namespace akhbar::server {

namespace {

// Geometry, in SVG user units (the chart scales to the page width).
constexpr int SLOT = 18;         // one bar and its gap
constexpr int GAP = 4;
constexpr int AXIS = 28;         // room for the count labels, on the right
constexpr int TOP = 14;          // above the tallest bar
constexpr int PLOT = 110;        // height of the tallest bar
constexpr int BELOW = 18;        // room for the labels under the bars
constexpr int MIN_VISIBLE = 2;   // a count above 0 is never drawn flat

// Appended piece by piece: " " + std::string(name) trips GCC 12's
// -Wrestrict false positive (PR 105329).
std::string attr(std::string_view name, std::string_view value)
{
    std::string out = " ";
    out += name;
    out += "=\"";
    out += escape_html(value);
    out += '"';
    return out;
}

std::string num(int v) { return std::to_string(v); }

}  // namespace

std::string bar_chart_svg(const std::vector<ChartBar>& bars, std::string_view label)
{
    std::size_t max = 0;
    for (const ChartBar& b : bars) {
        max = std::max(max, b.count);
    }
    const int n = static_cast<int>(bars.size());
    const int width = AXIS + std::max(n, 1) * SLOT;
    const int height = TOP + PLOT + BELOW;
    const int base = TOP + PLOT;  // y of the baseline
    std::string out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"" +
                      attr("aria-label", label) + " viewBox=\"0 0 " + num(width) + " " + num(height) +
                      "\" width=\"" + num(width) + "\" height=\"" + num(height) + "\">";
    // The count axis on the right, where the first bar is: the largest
    // count at the top, 0 at the baseline.
    const int axis_x = width - AXIS + 4;
    out += "<line class=\"axis\" x1=\"0\" y1=\"" + num(base) + "\" x2=\"" + num(width - AXIS) +
           "\" y2=\"" + num(base) + "\"/>";
    out += "<line class=\"grid\" x1=\"0\" y1=\"" + num(TOP) + "\" x2=\"" + num(width - AXIS) +
           "\" y2=\"" + num(TOP) + "\"/>";
    out += "<text class=\"tick\" x=\"" + num(axis_x) + "\" y=\"" + num(TOP + 4) + "\">" +
           std::to_string(max) + "</text>";
    out += "<text class=\"tick\" x=\"" + num(axis_x) + "\" y=\"" + num(base + 4) + "\">0</text>";
    for (int i = 0; i < n; ++i) {
        const ChartBar& b = bars[static_cast<std::size_t>(i)];
        const int slot_x = width - AXIS - (i + 1) * SLOT;
        int h = max == 0 ? 0 : static_cast<int>((b.count * PLOT + max / 2) / max);
        if (b.count > 0) {
            h = std::max(h, MIN_VISIBLE);
        }
        out += "<a class=\"bar" + std::string(b.selected ? " selected" : "") + "\"" +
               attr("href", b.href) + attr("data-key", b.key) +
               attr("data-count", std::to_string(b.count)) + ">";
        out += "<title>" + escape_html(b.tooltip) + "</title>";
        out += "<rect class=\"target\" x=\"" + num(slot_x) + "\" y=\"" + num(TOP) + "\" width=\"" +
               num(SLOT) + "\" height=\"" + num(PLOT + BELOW) + "\"/>";
        out += "<rect class=\"fill\" x=\"" + num(slot_x + GAP / 2) + "\" y=\"" + num(base - h) +
               "\" width=\"" + num(SLOT - GAP) + "\" height=\"" + num(h) + "\"/>";
        if (!b.label.empty()) {
            out += "<text class=\"label\" x=\"" + num(slot_x + SLOT / 2) + "\" y=\"" +
                   num(base + 13) + "\">" + escape_html(b.label) + "</text>";
        }
        out += "</a>";
    }
    out += "</svg>";
    return out;
}

}  // namespace akhbar::server
