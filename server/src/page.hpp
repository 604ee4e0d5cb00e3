#pragma once
/// @file
/// The web page of akhbar-serve, rendered on the server: the search page
/// (`GET /`) and the article view (`GET /read/{id}`), whole HTML documents
/// in Arabic, right to left, that work without JavaScript. Pure functions of
/// what the searcher returned: they search nothing and print nothing.
///
/// Everything from an article or a request (titles, text, sources, ids,
/// urls, queries, messages) is escaped before it reaches the page, in text
/// and in attribute values; highlight ranges that fall outside the text,
/// overlap or split a character are cut to fit (html.hpp). docs/web-page.md
/// describes the pages.

#include <string>
#include <string_view>
#include <vector>

#include "akhbar/common/article.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar::server {

/// The search page for `request` (the parameters of `GET /`): the search
/// form, and with `result` the hit count ("about N" when the total is
/// estimated), the hits (title and snippet marked, date, source, links to
/// the article view and to its related articles), "did you mean", the
/// paging links, the date facet as an SVG bar chart whose bars filter to
/// their day, month or year, and the source facet as filter links. Every
/// link keeps the request's other parameters (page_links.hpp).
/// `error_message` (a QueryError's or InvalidArgument's message), when not
/// empty, is shown above the results; `result` may then be null. With
/// neither, the page is the form alone.
[[nodiscard]] std::string search_page(const SearchRequest& request, const SearchResult* result,
                                      std::string_view error_message);

/// Where the query matches in an article: byte ranges into its title and
/// into its text (Searcher::highlight of each), as the article view marks
/// them.
struct ArticleMarks {
    std::vector<Highlight> title;
    std::vector<Highlight> text;
};

/// The article view: title, date, source, id, the original url as a link
/// (only an http or https one; another is shown as text), and the text as
/// written, a paragraph per line, with `<mark>` at `marks`; a link back to
/// the search for `query` (the words marked, may be empty). With `related`
/// (Searcher::related of the article), its hits are listed in a section
/// with id "related", each linking to its own view: the search page's
/// "related articles" links point there (`/read/{id}?q=…#related`).
[[nodiscard]] std::string article_page(const Article& article, const ArticleMarks& marks,
                                       std::string_view query,
                                       const SearchResult* related = nullptr);

}  // namespace akhbar::server
