#include <cctype>

#include "html.hpp"
#include "page.hpp"
#include "page_hit.hpp"
#include "page_layout.hpp"
#include "page_links.hpp"

// The article view: the stored article as written, the query's matches
// marked, and the articles related to it.

namespace akhbar::server {

namespace {

// Only a web address becomes a link: an article's url is untrusted, and a
// `javascript:` or `data:` one must not run when clicked.
bool is_web_url(std::string_view url)
{
    const auto starts = [&](std::string_view scheme) {
        if (url.size() < scheme.size()) {
            return false;
        }
        for (std::size_t i = 0; i < scheme.size(); ++i) {
            if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) {
                return false;
            }
        }
        return true;
    };
    return starts("http://") || starts("https://");
}

// Each line of the text is a paragraph (blank ones are left out); a mark is
// cut at a paragraph's ends, so the tags stay nested.
std::string paragraphs_html(std::string_view text, const std::vector<Highlight>& marks)
{
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::size_t content_end = end;
        if (content_end > start && text[content_end - 1] == '\r') {
            --content_end;
        }
        if (text.substr(start, content_end - start).find_first_not_of(" \t") != std::string_view::npos) {
            out += "<p dir=\"auto\">" + marked_html(text, marks, start, content_end) + "</p>";
        }
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string article_page(const Article& article, const ArticleMarks& marks, std::string_view query,
                         const SearchResult* related)
{
    SearchRequest request;
    request.query = std::string(query);
    std::string body = page_header(request);
    body += "<main class=\"single\"><div>";
    if (!query.empty()) {
        body += "<p class=\"back\">" + anchor(search_link(request), "→ العودة إلى النتائج") + "</p>";
    }
    body += "<article class=\"full\"><h1 dir=\"auto\">" +
            marked_html(article.title, usable_marks(article.title, marks.title), 0,
                        article.title.size()) +
            "</h1>";
    body += "<p class=\"meta\">" + date_html(article.date);
    if (!article.source.empty()) {
        body += "<span class=\"sep\">·</span><bdi class=\"source\">" + escape_html(article.source) +
                "</bdi>";
    }
    if (!article.url.empty()) {
        body += "<span class=\"sep\">·</span>";
        body += is_web_url(article.url)
                    ? anchor(article.url, "المصدر الأصلي",
                             " class=\"original\" rel=\"noopener noreferrer nofollow\"")
                    : "<bdi class=\"original\">" + escape_html(article.url) + "</bdi>";
    }
    body += "<span class=\"sep\">·</span><bdi class=\"id\" dir=\"ltr\">" + escape_html(article.id) +
            "</bdi></p>";
    body += "<div class=\"text\">" +
            paragraphs_html(article.text, usable_marks(article.text, marks.text)) + "</div>";
    body += "</article>";
    if (related != nullptr && !related->hits.empty()) {
        body += "<section class=\"related\" id=\"related\"><h2>مقالات ذات صلة</h2><ol class=\"hits\">";
        for (Hit hit : related->hits) {
            // Their marks are the terms that made them related, not the
            // reader's query: noise in a list read for its titles.
            hit.title.highlights.clear();
            hit.snippet.highlights.clear();
            body += hit_html(hit, query);
        }
        body += "</ol></section>";
    }
    body += "</div></main>";
    return html_document(article.title.empty() ? article.id : article.title, body);
}

}  // namespace akhbar::server
