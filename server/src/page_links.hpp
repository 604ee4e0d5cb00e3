#pragma once
// The web page's links: every link of the page is a search request written
// as a URL (the page's own parameters, the ones /search takes), or an
// article's view. Internal to the web page (server/src/page.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "akhbar/searcher/searcher.hpp"

namespace akhbar::server {

/// `text` percent-encoded for a URL query component or path segment (RFC
/// 3986): every byte but the unreserved A-Z a-z 0-9 - . _ ~ as %XX, so
/// Arabic, spaces, &, #, + and quotes arrive as written.
[[nodiscard]] std::string url_encode(std::string_view text);

/// One URL parameter, not yet encoded.
struct Parameter {
    std::string_view name;
    std::string value;
};

/// The request as the page's URL parameters (the names /search takes): q,
/// then those that differ from a default SearchRequest's: from, to, source
/// (once per source), sort, strict, facet_month, limit, offset, in that
/// order. The page's links and its form's hidden fields are made of them.
[[nodiscard]] std::vector<Parameter> parameters_of(const SearchRequest& request);

/// `/?q=…&…`: parameters_of(request), encoded. Not HTML-escaped.
[[nodiscard]] std::string search_link(const SearchRequest& request);

/// `/read/ID`, and `?q=QUERY` when there is a query (the words to mark).
/// Not HTML-escaped.
[[nodiscard]] std::string read_link(std::string_view id, std::string_view query);

}  // namespace akhbar::server
