// The web page's renderers (server/src/page.hpp): escaping of everything an
// article or a request holds, marks from byte ranges, the date chart's bars
// and their links, URL encoding, paging, counts. No server: results are made
// here, field by field.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <regex>
#include <string>
#include <vector>

#include "akhbar/common/date_format.hpp"
#include "html.hpp"
#include "page.hpp"
#include "page_facets.hpp"
#include "page_links.hpp"
#include "page_text.hpp"

using namespace std::string_literals;
using namespace std::chrono;
using akhbar::Highlight;
using akhbar::Hit;
using akhbar::SearchRequest;
using akhbar::SearchResult;
using akhbar::Snippet;
namespace server = akhbar::server;

namespace {

std::size_t occurrences(const std::string& text, const std::string& needle)
{
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
        ++n;
    }
    return n;
}

bool contains(const std::string& text, const std::string& needle)
{
    return text.find(needle) != std::string::npos;
}

// The inverse of url_encode(), for checking it.
std::string url_decode(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

Hit make_hit(std::size_t rank, std::string title, std::string source)
{
    Hit hit;
    hit.rank = rank;
    hit.id = "id-" + std::to_string(rank);
    hit.title.text = std::move(title);
    hit.source = std::move(source);
    hit.date = 2025y / November / 6;
    hit.snippet.text = "نص المقال";
    return hit;
}

// A result of `total` matches whose page holds `shown` hits.
SearchResult make_result(std::size_t total, std::size_t shown, std::size_t first_rank = 1)
{
    SearchResult result;
    result.query = "اتفاقات أبراهام";
    result.total = total;
    for (std::size_t i = 0; i < shown; ++i) {
        result.hits.push_back(make_hit(first_rank + i, "عنوان", "الشرق"));
    }
    return result;
}

// The hrefs of the <a class="bar"> elements of a page, with their data-key.
std::vector<std::pair<std::string, std::string>> bar_links(const std::string& html)
{
    static const std::regex BAR(R"re(<a class="bar[^"]*" href="([^"]*)" data-key="([^"]*)")re");
    std::vector<std::pair<std::string, std::string>> out;
    for (std::sregex_iterator it(html.begin(), html.end(), BAR), end; it != end; ++it) {
        out.emplace_back((*it)[2], (*it)[1]);
    }
    return out;
}

// A day-by-day facet of `month`, `count(day)` matches each day.
akhbar::DateFacet month_facet(year_month month)
{
    akhbar::DateFacet facet;
    facet.granularity = akhbar::Granularity::day;
    for (auto d = sys_days{month / 1}; year_month_day{d}.month() == month.month(); d += days{1}) {
        facet.counts.push_back({akhbar::schema::format_iso(year_month_day{d}),
                                static_cast<unsigned>(year_month_day{d}.day()) % 3U});
    }
    facet.undated = 4;
    return facet;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(page)

// --- escaping -----------------------------------------------------------

struct EscapeRow {
    const char* name;
    std::string input;
    std::string expected;
};
std::ostream& operator<<(std::ostream& os, const EscapeRow& r) { return os << r.name; }

const EscapeRow ESCAPE_ROWS[] = {
    {"script tag", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
    {"attribute breakout, double quote", "\" onmouseover=\"x", "&quot; onmouseover=&quot;x"},
    {"attribute breakout, single quote", "' onclick='x", "&#39; onclick=&#39;x"},
    {"ampersand", "AT&T &amp;", "AT&amp;T &amp;amp;"},
    {"Arabic unchanged", "اتفاقات أبراهام 2025", "اتفاقات أبراهام 2025"},
    {"line ends and tab kept", "a\nb\tc\rd", "a\nb\tc\rd"},
    {"NUL", "a\0b"s, "a\xEF\xBF\xBD" "b"},
    {"ESC", "\x1B[2J", "\xEF\xBF\xBD[2J"},
    {"DEL", "a\x7F", "a\xEF\xBF\xBD"},
    {"C1 control", "a\xC2\x9B", "a\xEF\xBF\xBD"},
    {"invalid byte", "a\xFF" "b", "a\xEF\xBF\xBD" "b"},
    {"truncated sequence at the end", "سلا\xD9", "سلا\xEF\xBF\xBD"},
    {"overlong slash", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},
};

BOOST_DATA_TEST_CASE(untrusted_text_is_escaped, boost::unit_test::data::make(ESCAPE_ROWS), row)
{
    BOOST_TEST(server::escape_html(row.input) == row.expected);
}

BOOST_AUTO_TEST_CASE(an_xss_article_shows_as_text)
{
    SearchRequest request;
    request.query = "\"><script>alert(3)</script>";
    SearchResult result = make_result(1, 0);
    result.query = request.query;
    Hit hit = make_hit(1, "<script>alert(1)</script>", "\" onmouseover=\"x");
    hit.id = "a\"b<c>";
    hit.snippet.text = "<img src=x onerror=alert(2)>";
    result.hits.push_back(hit);
    result.source_facet.push_back({"\" onmouseover=\"x", 1});
    result.suggestion = "<b>";
    const std::string page = server::search_page(request, &result, "<i>error</i>");
    BOOST_TEST(!contains(page, "<script"));
    BOOST_TEST(!contains(page, "<img"));
    BOOST_TEST(!contains(page, "<b>"));
    BOOST_TEST(!contains(page, "<i>"));
    BOOST_TEST(!contains(page, "\" onmouseover"));
    BOOST_TEST(contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    BOOST_TEST(contains(page, "&quot; onmouseover=&quot;x"));
    BOOST_TEST(contains(page, "&lt;i&gt;error&lt;/i&gt;"));

    akhbar::Article article;
    article.id = "x";
    article.title = "<script>alert(1)</script>";
    article.source = "\" onmouseover=\"x";
    article.text = "<img src=x onerror=alert(2)>\n</p><p>";
    article.url = "javascript:alert(4)";
    const std::string view = server::article_page(article, {}, "<q>");
    BOOST_TEST(!contains(view, "<script"));
    BOOST_TEST(!contains(view, "<img"));
    BOOST_TEST(!contains(view, "<q>"));
    BOOST_TEST(!contains(view, "\" onmouseover"));
    BOOST_TEST(!contains(view, "href=\"javascript"));
    BOOST_TEST(contains(view, "javascript:alert(4)"));  // shown, as text
}

BOOST_AUTO_TEST_CASE(only_web_urls_become_links)
{
    akhbar::Article article;
    article.id = "x";
    for (const std::string url : {"https://example.com/a?b=1&c=2", "HTTP://example.com/"}) {
        article.url = url;
        BOOST_TEST(contains(server::article_page(article, {}, ""),
                            "href=\"" + server::escape_html(url) + "\""));
    }
    for (const std::string url : {"javascript:alert(1)", "data:text/html,x", " https://x", "ftp://x"}) {
        article.url = url;
        BOOST_TEST(!contains(server::article_page(article, {}, ""),
                             "href=\"" + server::escape_html(url) + "\""),
                   url);
    }
}

// --- marks --------------------------------------------------------------

struct MarkRow {
    const char* name;
    std::string text;
    std::vector<Highlight> marks;
    std::string expected;
};
std::ostream& operator<<(std::ostream& os, const MarkRow& r) { return os << r.name; }

// "سلام عليكم": سلام is bytes 0-8, the space 8-9, عليكم 9-19.
const MarkRow MARK_ROWS[] = {
    {"Arabic word", "سلام عليكم", {{0, 8}}, "<mark>سلام</mark> عليكم"},
    {"two words", "سلام عليكم", {{0, 8}, {9, 19}}, "<mark>سلام</mark> <mark>عليكم</mark>"},
    {"adjacent stay two", "سلام عليكم", {{0, 4}, {4, 8}}, "<mark>سل</mark><mark>ام</mark> عليكم"},
    {"unsorted", "سلام عليكم", {{9, 19}, {0, 8}}, "<mark>سلام</mark> <mark>عليكم</mark>"},
    {"overlapping", "سلام عليكم", {{0, 12}, {9, 19}}, "<mark>سلام عل</mark><mark>يكم</mark>"},
    {"inside another", "سلام عليكم", {{0, 19}, {9, 13}}, "<mark>سلام عليكم</mark>"},
    {"start splits a letter", "سلام عليكم", {{1, 8}}, "<mark>سلام</mark> عليكم"},
    {"end splits a letter", "سلام عليكم", {{0, 7}}, "<mark>سلام</mark> عليكم"},
    {"end past the text", "سلام عليكم", {{9, 400}}, "سلام <mark>عليكم</mark>"},
    {"start past the text", "سلام عليكم", {{19, 25}, {400, 401}}, "سلام عليكم"},
    {"empty and reversed", "سلام عليكم", {{3, 3}, {8, 2}}, "سلام عليكم"},
    {"huge values", "سلام", {{SIZE_MAX - 1, SIZE_MAX}, {0, SIZE_MAX}}, "<mark>سلام</mark>"},
    {"marked text escaped", "a<b>&c", {{1, 4}}, "a<mark>&lt;b&gt;</mark>&amp;c"},
    {"no text", "", {{0, 3}}, ""},
};

BOOST_DATA_TEST_CASE(marks_from_byte_ranges, boost::unit_test::data::make(MARK_ROWS), row)
{
    BOOST_TEST(server::marked_html(Snippet{row.text, row.marks}) == row.expected);
}

BOOST_AUTO_TEST_CASE(article_marks_are_cut_at_paragraphs)
{
    akhbar::Article article;
    article.id = "x";
    article.title = "سلام";
    article.text = "سلام\n\nعليكم";  // a mark over the line break is cut in two
    const std::string view = server::article_page(article, {{{0, 8}}, {{4, 20}}}, "سلام");
    BOOST_TEST(contains(view, "<h1 dir=\"auto\"><mark>سلام</mark></h1>"));
    BOOST_TEST(contains(view, "<p dir=\"auto\">سل<mark>ام</mark></p><p dir=\"auto\"><mark>عليكم</mark></p>"));
}

// --- links ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(url_encoding)
{
    BOOST_TEST(server::url_encode("a b&c#d+e'f\"g=h/i?j%") ==
               "a%20b%26c%23d%2Be%27f%22g%3Dh%2Fi%3Fj%25");
    BOOST_TEST(server::url_encode("سلام") == "%D8%B3%D9%84%D8%A7%D9%85");
    BOOST_TEST(server::url_encode("Az09-._~") == "Az09-._~");
    for (const std::string& text : {"اتفاقات أبراهام"s, "\"><script>"s, "a&b=c#d"s, "\xFF\x00 x"s}) {
        const std::string encoded = server::url_encode(text);
        BOOST_TEST(url_decode(encoded) == text);
        BOOST_TEST(encoded.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                             "0123456789-._~%") == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_story_hit_lists_its_copies_escaped)
{
    SearchRequest request;
    request.query = "x";
    SearchResult result = make_result(1, 0);
    Hit hit = make_hit(1, "t", "رويترز");
    hit.story.key = "k";
    hit.story.copies = {{"c1", "<script>alert(5)</script>", {}, "t1"}, {"c2", "الشرق", {}, "t2"}};
    result.hits.push_back(hit);
    Hit alone = make_hit(2, "t", "الجزيرة");
    result.hits.push_back(alone);
    const std::string page = server::search_page(request, &result, "");
    BOOST_TEST(!contains(page, "<script"));
    BOOST_TEST(contains(page, "<p class=\"copies\" dir=\"auto\">also in: "
                              "&lt;script&gt;alert(5)&lt;/script&gt;، الشرق</p>"));
    BOOST_TEST(occurrences(page, "class=\"copies\"") == 1U);  // none for the article alone
}

BOOST_AUTO_TEST_CASE(story_counts_say_so_and_links_keep_them)
{
    SearchRequest request;
    request.query = "x";
    request.collapse = false;
    request.facet_count = akhbar::FacetUnit::stories;
    BOOST_TEST(server::search_link(request) == "/?q=x&collapse=0&facet_count=stories");
    SearchResult result = make_result(1, 0);
    result.date_facet = akhbar::DateFacet{};
    result.date_facet->counts = {{"2025-11-01", 2}};
    result.source_facet = {{"الشرق", 1}};
    result.facet_count = akhbar::FacetUnit::stories;
    const std::string page = server::search_page(request, &result, "");
    BOOST_TEST(contains(page, "حسب المصدر (قصص)"));
    BOOST_TEST(contains(page, "(قصص)</h2>"));
    BOOST_TEST(contains(page, "قصتان"));  // the bar's tooltip
    BOOST_TEST(!contains(page, "مقالان"));
}

BOOST_AUTO_TEST_CASE(links_keep_every_parameter)
{
    SearchRequest request;
    request.query = "اتفاقات & أبراهام";
    request.sources = {"الشرق", "بوابة الوفد"};
    request.sort = akhbar::SortOrder::date;
    request.strict = akhbar::Strictness::exact;
    request.facet_month = 2025y / November;
    request.limit = 20;
    request.offset = 40;
    request.from = 2025y / November / 1;
    request.to = 2025y / November / 30;
    const std::string link = server::search_link(request);
    BOOST_TEST(link == "/?q=" + server::url_encode(request.query) +
                           "&from=2025-11-01&to=2025-11-30&source=" + server::url_encode("الشرق") +
                           "&source=" + server::url_encode("بوابة الوفد") +
                           "&sort=date&strict=exact&facet_month=2025-11&limit=20&offset=40");
    BOOST_TEST(server::search_link(SearchRequest{}) == "/?q=");
    // The fields that change what matches or shows are carried too.
    SearchRequest other;
    other.query = "x";
    other.match_all = true;
    other.literal = true;
    other.facets = false;
    other.ranking = akhbar::RankingScheme::lucene_bm25;
    other.snippet_chars = 100;
    BOOST_TEST(server::search_link(other) ==
               "/?q=x&all=1&literal=1&facets=0&ranking=" +
                   std::string(akhbar::to_string(akhbar::RankingScheme::lucene_bm25)) +
                   "&snippet_chars=100");
    BOOST_TEST(server::read_link("a/b c", "س&") == "/read/a%2Fb%20c?q=%D8%B3%26");
}

// --- the date chart ---------------------------------------------------------

BOOST_AUTO_TEST_CASE(one_bar_per_day_of_the_month_each_filtering_to_its_day)
{
    for (const year_month month : {2025y / November, 2024y / February, 2025y / December}) {
        SearchRequest request;
        request.query = "اتفاقات أبراهام";
        request.sources = {"الشرق"};
        request.offset = 10;
        SearchResult result = make_result(40, 10, 11);
        result.date_facet = month_facet(month);
        const std::string page = server::search_page(request, &result, "");
        const auto bars = bar_links(page);
        const auto days_in_month =
            (sys_days{month / last} - sys_days{month / 1}).count() + 1;
        BOOST_TEST(bars.size() == static_cast<std::size_t>(days_in_month));
        BOOST_TEST(occurrences(page, "<rect class=\"fill\"") == bars.size());
        for (std::size_t i = 0; i < bars.size(); ++i) {
            const auto& [key, href] = bars[i];
            BOOST_TEST(key == result.date_facet->counts[i].value);
            // The bar's day as from and to, the rest kept, back to page one.
            BOOST_TEST(contains(href, "&amp;from=" + key + "&amp;to=" + key + "&amp;"), href);
            BOOST_TEST(contains(href, "source=" + server::url_encode("الشرق")), href);
            BOOST_TEST(contains(href, "q=" + server::url_encode(request.query)), href);
            BOOST_TEST(!contains(href, "offset="), href);
        }
        BOOST_TEST(contains(page, "<title>" + server::long_date(month / 6) + ": "));
        BOOST_TEST(contains(page, "بلا تاريخ: <bdi>4</bdi>"));
    }
}

BOOST_AUTO_TEST_CASE(months_and_years_filter_to_their_whole_span)
{
    akhbar::DateFacet facet;
    facet.granularity = akhbar::Granularity::month;
    facet.counts = {{"2024-01", 1}, {"2024-02", 0}, {"2024-03", 5}};
    const auto bars = server::date_bars(facet, SearchRequest{});
    BOOST_TEST_REQUIRE(bars.size() == 3U);
    BOOST_TEST(contains(bars[1].href, "from=2024-02-01&to=2024-02-29"));
    BOOST_TEST(bars[1].count == 0U);
    facet.granularity = akhbar::Granularity::year;
    facet.counts = {{"2023", 2}, {"2024", 0}};
    const auto years = server::date_bars(facet, SearchRequest{});
    BOOST_TEST_REQUIRE(years.size() == 2U);
    BOOST_TEST(contains(years[0].href, "from=2023-01-01&to=2023-12-31"));
    // A value the facet never writes gets no link rather than a wrong one.
    facet.counts = {{"20x4", 2}};
    BOOST_TEST(server::date_bars(facet, SearchRequest{}).at(0).href.empty());
}

BOOST_AUTO_TEST_CASE(the_filtered_day_is_drawn_selected)
{
    SearchRequest request;
    request.query = "س";
    request.from = request.to = 2025y / November / 6;
    const auto bars = server::date_bars(month_facet(2025y / November), request);
    std::size_t selected = 0;
    for (const auto& bar : bars) {
        selected += bar.selected ? 1 : 0;
        BOOST_TEST(bar.selected == (bar.key == "2025-11-06"));
    }
    BOOST_TEST(selected == 1U);
}

// --- counts, paging, suggestion --------------------------------------------

BOOST_AUTO_TEST_CASE(an_estimate_says_about)
{
    SearchRequest request;
    request.query = "س";
    SearchResult result = make_result(1234, 10);
    result.total_exact = false;
    BOOST_TEST(contains(server::search_page(request, &result, ""), "نحو " +
                        server::count_phrase(1234, server::RESULTS)));
    result.total_exact = true;
    const std::string exact = server::search_page(request, &result, "");
    BOOST_TEST(!contains(exact, "نحو "));
    BOOST_TEST(contains(exact, server::count_phrase(1234, server::RESULTS)));
}

struct CountRow {
    std::size_t n;
    const char* expected;
};
std::ostream& operator<<(std::ostream& os, const CountRow& r) { return os << r.n; }

const CountRow COUNT_ROWS[] = {
    {1, "مقال واحد"}, {2, "مقالان"},     {3, "3 مقالات"},    {10, "10 مقالات"},
    {11, "11 مقالاً"}, {99, "99 مقالاً"}, {100, "100 مقال"}, {103, "103 مقالات"},
    {0, "0 مقال"},
};

BOOST_DATA_TEST_CASE(arabic_counted_nouns, boost::unit_test::data::make(COUNT_ROWS), row)
{
    BOOST_TEST(server::count_phrase(row.n, server::ARTICLES) == row.expected);
}

BOOST_AUTO_TEST_CASE(paging_links)
{
    SearchRequest request;
    request.query = "س ص";
    request.limit = 10;
    const auto page_at = [&](std::size_t offset, std::size_t shown) {
        request.offset = offset;
        const SearchResult result = make_result(57, shown, offset + 1);
        return server::search_page(request, &result, "");
    };
    const std::string q = "/?q=" + server::url_encode("س ص");
    const std::string first = page_at(0, 10);
    BOOST_TEST(!contains(first, "rel=\"prev\""));
    BOOST_TEST(contains(first, "href=\"" + q + "&amp;offset=10\" rel=\"next\""));
    const std::string middle = page_at(20, 10);
    BOOST_TEST(contains(middle, "href=\"" + q + "&amp;offset=10\" rel=\"prev\""));
    BOOST_TEST(contains(middle, "href=\"" + q + "&amp;offset=30\" rel=\"next\""));
    BOOST_TEST(contains(middle, "<ol class=\"hits\" start=\"21\">"));
    const std::string last = page_at(50, 7);
    BOOST_TEST(contains(last, "href=\"" + q + "&amp;offset=40\" rel=\"prev\""));
    BOOST_TEST(!contains(last, "rel=\"next\""));
    // Page two of the first page: previous goes to offset 0, written as no offset.
    BOOST_TEST(contains(page_at(5, 10), "href=\"" + q + "\" rel=\"prev\""));
    // No next page beyond the deepest page a request may ask for.
    request.limit = 10'000;
    request.offset = SearchRequest::max_page_end - 10'000;
    SearchResult deep = make_result(SearchRequest::max_page_end * 2, 3, request.offset + 1);
    BOOST_TEST(!contains(server::search_page(request, &deep, ""), "rel=\"next\""));
}

BOOST_AUTO_TEST_CASE(did_you_mean_is_a_link)
{
    SearchRequest request;
    request.query = "اتفاقات ابرهام";
    request.offset = 20;
    SearchResult result = make_result(3, 0);
    result.suggestion = "اتفاقات أبراهام";
    const std::string page = server::search_page(request, &result, "");
    BOOST_TEST(contains(page, "<a href=\"/?q=" + server::url_encode("اتفاقات أبراهام") + "\""));
}

BOOST_AUTO_TEST_CASE(matches_without_a_source_are_counted_under_the_sources)
{
    SearchRequest request;
    request.query = "س";
    SearchResult result = make_result(6, 3);
    result.source_facet = {{"الشرق", 2}, {"بوابة الوفد", 1}};
    result.unsourced = 3;
    const std::string page = server::search_page(request, &result, "");
    BOOST_TEST(contains(page, "</ul><p class=\"undated\">بلا مصدر: <bdi>3</bdi></p></section>"));
    // Only matches without a source: the section still says so.
    result.source_facet.clear();
    result.unsourced = 6;
    BOOST_TEST(contains(server::search_page(request, &result, ""), "بلا مصدر: <bdi>6</bdi>"));
}

BOOST_AUTO_TEST_CASE(the_page_is_arabic_right_to_left_and_self_contained)
{
    SearchRequest request;
    request.query = "س";
    SearchResult result = make_result(3, 3);
    result.source_facet = {{"الشرق", 2}, {"بوابة الوفد", 1}};
    for (const std::string& page :
         {server::search_page(request, &result, ""), server::search_page({}, nullptr, ""),
          server::article_page({}, {}, "")}) {
        BOOST_TEST(page.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"));
        BOOST_TEST(contains(page, "<meta charset=\"utf-8\">"));
        BOOST_TEST(!contains(page, "<script"));
        BOOST_TEST(!contains(page, "<link"));
        BOOST_TEST(!contains(page, "src="));
    }
    const std::string page = server::search_page(request, &result, "");
    BOOST_TEST(contains(page, "<form class=\"search\" method=\"get\" action=\"/\""));
    BOOST_TEST(occurrences(page, "<li class=\"hit\">") == 3U);
    BOOST_TEST(contains(page, "href=\"/?q=" + server::url_encode("س") + "&amp;source=" +
                                  server::url_encode("بوابة الوفد") + "\""));
    BOOST_TEST(contains(page, "href=\"/read/id-1?q=" + server::url_encode("س") + "#related\""));
}

BOOST_AUTO_TEST_SUITE_END()
