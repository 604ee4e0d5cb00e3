#pragma once
// What every page of the web interface shares: the HTML document (Arabic,
// right to left, UTF-8, its inline stylesheet) and the header with the
// search form. Internal to the web page (server/src/page.hpp).

#include <string>
#include <string_view>

#include "akhbar/searcher/searcher.hpp"

namespace akhbar::server {

/// A whole document: `<html lang="ar" dir="rtl">`, the stylesheet inline (no
/// external asset: the page works offline), `title` (plain text, escaped
/// here) and `body` (HTML, inserted as given).
[[nodiscard]] std::string html_document(std::string_view title, std::string_view body);

/// The header: the name linking home, and a GET form to `/` with the query
/// box (holding `request.query`), the order, and the request's filters as
/// hidden fields, so a new query keeps them; it works without JavaScript.
[[nodiscard]] std::string page_header(const SearchRequest& request);

}  // namespace akhbar::server
