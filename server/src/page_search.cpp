#include <algorithm>
#include <string>
#include <vector>

#include "html.hpp"
#include "page.hpp"
#include "page_facets.hpp"
#include "page_hit.hpp"
#include "page_layout.hpp"
#include "page_links.hpp"
#include "page_text.hpp"

// The search page, top to bottom: header and form, the error or the count,
// the filters in force (each with a link that removes it), "did you mean",
// the chart, the hits, the paging; the source facet beside them.

namespace akhbar::server {

namespace {

// "5 نتائج", "نحو 1200 نتيجة": an estimate says so.
std::string count_html(const SearchResult& result)
{
    if (result.total == 0) {
        return "<p class=\"status\">لا نتائج لـ «<bdi>" + escape_html(result.query) + "</bdi>»</p>";
    }
    return "<p class=\"status\"><strong>" + std::string(result.total_exact ? "" : "نحو ") +
           count_phrase(result.total, RESULTS) + "</strong> لـ «<bdi>" + escape_html(result.query) +
           "</bdi>»</p>";
}

// The filters in force, each removable: dates, sources, categories.
std::string filters_html(const SearchRequest& request)
{
    std::string items;
    if (request.from || request.to) {
        SearchRequest without = request;
        without.from.reset();
        without.to.reset();
        without.offset = 0;
        std::string span;
        if (request.from && request.to && *request.from == *request.to) {
            span = long_date(*request.from);
        } else {
            span = (request.from ? "من " + long_date(*request.from) : std::string()) +
                   (request.from && request.to ? " " : "") +
                   (request.to ? "إلى " + long_date(*request.to) : std::string());
        }
        items += "<li>التاريخ: <bdi>" + escape_html(span) + "</bdi>" +
                 anchor(search_link(without), "×", " title=\"إزالة\" class=\"remove\"") + "</li>";
    }
    // One item per value of a repeatable filter, removing that value.
    const auto values = [&](const char* label, std::vector<std::string> SearchRequest::*field) {
        for (const std::string& value : request.*field) {
            SearchRequest without = request;
            std::erase(without.*field, value);
            without.offset = 0;
            items += "<li>" + std::string(label) + ": <bdi>" + escape_html(value) + "</bdi>" +
                     anchor(search_link(without), "×", " title=\"إزالة\" class=\"remove\"") +
                     "</li>";
        }
    };
    values("المصدر", &SearchRequest::sources);
    values("التصنيف", &SearchRequest::categories);
    return items.empty() ? "" : "<ul class=\"filters\">" + items + "</ul>";
}

std::string suggestion_html(const SearchRequest& request, const SearchResult& result)
{
    if (!result.suggestion) {
        return "";
    }
    SearchRequest corrected = request;
    corrected.query = *result.suggestion;
    corrected.offset = 0;
    return "<p class=\"suggestion\">هل تقصد: " +
           anchor(search_link(corrected), "<bdi>" + escape_html(*result.suggestion) + "</bdi>",
                " rel=\"nofollow\"") +
           "؟</p>";
}

// Previous and next pages of `request.limit` hits, as far as the total and
// the deepest page a request may ask for (SearchRequest::max_page_end).
std::string paging_html(const SearchRequest& request, const SearchResult& result)
{
    const std::size_t shown_end = request.offset + result.hits.size();
    const bool has_previous = request.offset > 0;
    const bool has_next = shown_end < result.total &&
                          request.offset + 2 * request.limit <= SearchRequest::max_page_end;
    if (!has_previous && !has_next) {
        return "";
    }
    std::string out = "<nav class=\"paging\" aria-label=\"الصفحات\">";
    if (has_previous) {
        SearchRequest previous = request;
        previous.offset = request.offset > request.limit ? request.offset - request.limit : 0;
        out += anchor(search_link(previous), "→ السابقة", " rel=\"prev\"");
    } else {
        out += "<span class=\"off\">→ السابقة</span>";
    }
    out += "<span>" + std::to_string(request.offset + 1) + "–" + std::to_string(shown_end) +
           "</span>";
    if (has_next) {
        SearchRequest next = request;
        next.offset = request.offset + request.limit;
        out += anchor(search_link(next), "التالية ←", " rel=\"next\"");
    } else {
        out += "<span class=\"off\">التالية ←</span>";
    }
    return out + "</nav>";
}

}  // namespace

std::string search_page(const SearchRequest& request, const SearchResult* result,
                        std::string_view error_message)
{
    std::string main;
    std::string aside;
    if (!error_message.empty()) {
        main += "<p class=\"error\" role=\"alert\">" + escape_html(error_message) + "</p>";
    }
    if (result != nullptr) {
        main += count_html(*result);
        main += filters_html(request);
        main += suggestion_html(request, *result);
        if (result->date_facet &&
            (!result->date_facet->counts.empty() || result->date_facet->undated > 0)) {
            main += date_facet_html(*result->date_facet, request);
        }
        if (!result->hits.empty()) {
            main += "<ol class=\"hits\" start=\"" + std::to_string(request.offset + 1) + "\">";
            for (const Hit& hit : result->hits) {
                main += hit_html(hit, request.query);
            }
            main += "</ol>";
        }
        main += paging_html(request, *result);
        aside = source_facet_html(result->source_facet, result->unsourced, request);
    } else if (error_message.empty()) {
        main += "<p class=\"status\">ابحث في الأخبار العربية: كلمات، أو «عبارة بين علامتي تنصيص»، "
                "أو اسم بأيّ من تهجئاته.</p>";
    }
    std::string body = page_header(request);
    body += aside.empty() ? "<main class=\"single\">" : "<main>";
    body += "<div class=\"results\">" + main + "</div>";
    if (!aside.empty()) {
        body += "<aside>" + aside + "</aside>";
    }
    body += "</main>";
    const std::string title = request.query.empty() ? "أخبار" : request.query + " — أخبار";
    return html_document(title, body);
}

}  // namespace akhbar::server
