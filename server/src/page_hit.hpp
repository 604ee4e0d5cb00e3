#pragma once
// One hit as the pages list it (the search page's results, the article
// view's related articles). Internal to the web page (server/src/page.hpp).

#include <string>
#include <string_view>

#include "akhbar/searcher/searcher.hpp"

namespace akhbar::server {

/// `<time datetime="2025-11-06">6 نوفمبر 2025</time>`, or "بلا تاريخ".
[[nodiscard]] std::string date_html(const std::optional<std::chrono::year_month_day>& date);

/// `<li class="hit">`: the title (marked) linking to the article's view with
/// `query`, date, source, a link to the view's related articles, and the
/// snippet (marked) when there is one.
[[nodiscard]] std::string hit_html(const Hit& hit, std::string_view query);

}  // namespace akhbar::server
