#include "page_hit.hpp"

#include "akhbar/common/date_format.hpp"
#include "akhbar/searcher/format.hpp"
#include "html.hpp"
#include "page_links.hpp"
#include "page_text.hpp"

namespace akhbar::server {

std::string date_html(const std::optional<std::chrono::year_month_day>& date)
{
    if (!date) {
        return "<span class=\"date\">بلا تاريخ</span>";
    }
    return "<time class=\"date\" datetime=\"" + schema::format_iso(*date) + "\">" + long_date(*date) +
           "</time>";
}

std::string hit_html(const Hit& hit, std::string_view query)
{
    const std::string view = read_link(hit.id, query);
    // Titles and snippets take their direction from their own first strong
    // letter (dir="auto"): an English article reads left to right inside
    // the Arabic page, and a stray bidi control in one cannot reorder the
    // rest of the page.
    std::string out = "<li class=\"hit\"><h2 dir=\"auto\">" +
                      anchor(view, marked_html(hit.title), " class=\"title\"") + "</h2>";
    out += "<p class=\"meta\">" + date_html(hit.date);
    if (!hit.source.empty()) {
        out += "<span class=\"sep\">·</span><bdi class=\"source\">" + escape_html(hit.source) +
               "</bdi>";
    }
    out += "<span class=\"sep\">·</span>" + anchor(view + "#related", "مقالات ذات صلة",
                                                   " class=\"related\" rel=\"nofollow\"");
    out += "</p>";
    if (!hit.snippet.text.empty()) {
        out += "<p class=\"snippet\" dir=\"auto\">" + marked_html(hit.snippet) + "</p>";
    }
    // The story's other copies, as the text output lists them.
    if (!hit.story.copies.empty()) {
        out += "<p class=\"copies\" dir=\"auto\">" + escape_html(copies_line(hit.story.copies)) +
               "</p>";
    }
    return out + "</li>";
}

}  // namespace akhbar::server
