#include "page_layout.hpp"

#include <utility>

#include "html.hpp"
#include "page_links.hpp"

namespace akhbar::server {

namespace {

// One stylesheet for both pages. Fonts: the Arabic faces Debian ships
// (fonts-noto, fonts-dejavu), then the system's. The chart is laid out in
// its own coordinates, its text left to right (numbers), whatever the page.
constexpr std::string_view STYLE = R"css(
:root{--ink:#1c2230;--muted:#5d6677;--line:#e2e5eb;--accent:#0b6e4f;--mark:#ffe27a;--bg:#f6f6f2}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);line-height:1.75;
font-family:"Noto Naskh Arabic","Noto Sans Arabic","Noto Kufi Arabic","DejaVu Sans",Tahoma,sans-serif}
a{color:#0a5a8c;text-decoration:none}a:hover{text-decoration:underline}
header{background:#fff;border-bottom:1px solid var(--line)}
.top{max-width:74rem;margin:auto;padding:.7rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
.brand{font-size:1.7rem;font-weight:700;color:var(--accent)}
form.search{display:flex;gap:.5rem;flex:1;min-width:16rem}
form.search input[type=search]{flex:1;min-width:8rem;font:inherit;font-size:1.1rem;padding:.35rem .8rem;
border:1px solid #c6ccd6;border-radius:.5rem;background:#fff}
form.search select,form.search button{font:inherit;padding:.3rem .8rem;border:1px solid #c6ccd6;border-radius:.5rem;background:#fff}
form.search button{background:var(--accent);border-color:var(--accent);color:#fff;cursor:pointer}
main{max-width:74rem;margin:auto;padding:1rem;display:grid;grid-template-columns:minmax(0,1fr) 17rem;gap:1.5rem;align-items:start}
main.single{grid-template-columns:minmax(0,1fr);max-width:60rem}
@media (max-width:52rem){main{grid-template-columns:minmax(0,1fr)}}
.status{margin:.2rem 0 .8rem;color:var(--muted)}
.status strong{color:var(--ink)}
.error{background:#fdecea;border:1px solid #f3b8b0;color:#8a1c10;border-radius:.5rem;padding:.6rem 1rem}
.suggestion{font-size:1.05rem}
.filters{display:flex;flex-wrap:wrap;gap:.4rem;margin:0 0 .8rem;padding:0;list-style:none}
.filters li{background:#e8f2ee;border:1px solid #b9d9cb;border-radius:1rem;padding:0 .7rem;font-size:.9rem}
.filters a{color:#8a1c10;margin-inline-start:.4rem}
ol.hits{list-style:none;margin:0;padding:0}
.hit,article.full,aside section,section.dates,section.related{background:#fff;border:1px solid var(--line);border-radius:.6rem;padding:.8rem 1.1rem;margin-bottom:.9rem}
.hit h2{font-size:1.2rem;margin:0 0 .15rem;line-height:1.5}
.meta{color:var(--muted);font-size:.88rem;margin:0 0 .3rem}
.meta .sep{margin:0 .35rem;color:#b3b9c4}
.snippet{margin:0}
mark{background:var(--mark);color:inherit;padding:0 .08em;border-radius:.2em}
nav.paging{display:flex;justify-content:space-between;align-items:center;margin:1rem 0}
nav.paging a,nav.paging span.off{border:1px solid var(--line);background:#fff;border-radius:.5rem;padding:.2rem .9rem}
nav.paging span.off{color:#aab}
h2.facet,section.dates h2,aside h2,section.related h2{font-size:1rem;margin:0 0 .4rem;color:var(--muted)}
svg.chart{direction:ltr;display:block;width:100%;height:auto;max-width:46rem}
svg.chart text{font:9px "DejaVu Sans",sans-serif;fill:var(--muted);text-anchor:middle}
svg.chart text.tick{text-anchor:start}
svg.chart .axis{stroke:#9aa1ad}svg.chart .grid{stroke:var(--line);stroke-dasharray:2 2}
svg.chart .bar .target{fill:transparent}
svg.chart .bar .fill{fill:#4c9a7b}svg.chart .bar:hover .fill{fill:var(--accent)}
svg.chart .bar.selected .fill{fill:#c2571a}
.undated{margin:.3rem 0 0;color:var(--muted);font-size:.88rem}
aside ul{list-style:none;margin:0;padding:0}
aside li a{display:flex;justify-content:space-between;gap:.5rem;padding:.15rem .3rem;border-radius:.3rem}
aside li a:hover{background:#f0f3f7;text-decoration:none}
aside li a.selected{background:#e8f2ee;font-weight:700}
aside .n{color:var(--muted)}
article.full h1{font-size:1.7rem;line-height:1.45;margin:.2rem 0 .4rem}
article.full .text p{margin:0 0 .9rem;white-space:pre-line}
.back{margin:0 0 .8rem}
)css";

}  // namespace

std::string html_document(std::string_view title, std::string_view body)
{
    std::string out = "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                      "<title>";
    out += escape_html(title);
    out += "</title><style>";
    out += STYLE;
    out += "</style></head><body>";
    out += body;
    out += "</body></html>\n";
    return out;
}

std::string page_header(const SearchRequest& request)
{
    std::string out = "<header><div class=\"top\"><a class=\"brand\" href=\"/\">أخبار</a>"
                      "<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">"
                      "<input type=\"search\" name=\"q\" aria-label=\"ابحث في الأخبار\" "
                      "placeholder=\"ابحث في الأخبار\" value=\"";
    out += escape_html(request.query);
    out += "\">";
    // The filters ride along with a new query; the order is the select's,
    // and a new query starts on its first page.
    for (const Parameter& p : parameters_of(request)) {
        if (p.name != "q" && p.name != "sort" && p.name != "offset") {
            out += "<input type=\"hidden\" name=\"" + std::string(p.name) + "\" value=\"" +
                   escape_html(p.value) + "\">";
        }
    }
    out += "<select name=\"sort\" aria-label=\"الترتيب\">";
    for (const auto& [order, label] : {std::pair{SortOrder::relevance, "الأكثر صلة"},
                                       std::pair{SortOrder::date, "الأحدث"},
                                       std::pair{SortOrder::oldest, "الأقدم"}}) {
        out += "<option value=\"" + std::string(to_string(order)) + "\"" +
               (request.sort == order ? " selected" : "") + ">" + label + "</option>";
    }
    out += "</select><button type=\"submit\">ابحث</button></form></div></header>";
    return out;
}

}  // namespace akhbar::server
