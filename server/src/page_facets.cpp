#include "page_facets.hpp"

#include <algorithm>
#include <charconv>

#include "akhbar/common/error.hpp"
#include "html.hpp"
#include "page_links.hpp"
#include "page_text.hpp"

namespace akhbar::server {

namespace {

using namespace std::chrono;

// Labels under the bars, at most about this many, so they never collide.
constexpr std::size_t MAX_LABELS = 8;

std::optional<int> parse_year(const std::string& text)
{
    int y = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, y);
    if (ec != std::errc{} || ptr != end || text.size() != 4) {
        return std::nullopt;
    }
    return y;
}

// What a bar says when pointed at: "6 نوفمبر 2025: 3 مقالات".
std::string span_name(const DateSpan& span, Granularity granularity)
{
    switch (granularity) {
    case Granularity::day: return long_date(span.from);
    case Granularity::month: return long_month(span.from.year() / span.from.month());
    case Granularity::year: break;
    }
    return std::to_string(static_cast<int>(span.from.year()));
}

// Under the bar: a day's number on the 1st and every 5th; a month's or a
// year's value every few bars.
std::string bar_label(const DateSpan& span, const FacetCount& count, Granularity granularity,
                      std::size_t index, std::size_t bars)
{
    if (granularity == Granularity::day) {
        const unsigned d = static_cast<unsigned>(span.from.day());
        return d == 1 || d % 5 == 0 ? std::to_string(d) : "";
    }
    const std::size_t every = std::max<std::size_t>(1, (bars + MAX_LABELS - 1) / MAX_LABELS);
    return index % every == 0 ? count.value : "";
}

std::string_view by_what(Granularity granularity)
{
    switch (granularity) {
    case Granularity::day: return "حسب اليوم";
    case Granularity::month: return "حسب الشهر";
    case Granularity::year: break;
    }
    return "حسب السنة";
}

}  // namespace

std::optional<DateSpan> span_of(const FacetCount& count, Granularity granularity)
{
    // The facet's own values, read back with the request's parsers; a value
    // they refuse gets no link rather than a wrong one.
    try {
        switch (granularity) {
        case Granularity::day: {
            const year_month_day d = checked_date("from", count.value);
            return DateSpan{d, d};
        }
        case Granularity::month: {
            const year_month ym = checked_month("facet_month", count.value);
            return DateSpan{ym / 1, year_month_day{ym / last}};
        }
        case Granularity::year: break;
        }
    } catch (const InvalidArgument&) {
        return std::nullopt;
    }
    const auto y = parse_year(count.value);
    if (!y) {
        return std::nullopt;
    }
    return DateSpan{year{*y} / January / 1, year{*y} / December / 31};
}

std::vector<ChartBar> date_bars(const DateFacet& facet, const SearchRequest& request)
{
    std::vector<ChartBar> bars;
    const CountedNoun& counted = request.facet_count == FacetUnit::stories ? STORIES : ARTICLES;
    for (std::size_t i = 0; i < facet.counts.size(); ++i) {
        const FacetCount& c = facet.counts[i];
        ChartBar bar;
        bar.key = c.value;
        bar.count = c.count;
        const auto span = span_of(c, facet.granularity);
        if (span) {
            SearchRequest narrowed = request;
            narrowed.from = span->from;
            narrowed.to = span->to;
            narrowed.offset = 0;
            bar.href = search_link(narrowed);
            bar.tooltip = span_name(*span, facet.granularity) + ": " + count_phrase(c.count, counted);
            bar.label = bar_label(*span, c, facet.granularity, i, facet.counts.size());
            bar.selected = request.from && request.to && span->from >= *request.from &&
                           span->to <= *request.to;
        } else {
            bar.tooltip = c.value + ": " + count_phrase(c.count, counted);
        }
        bars.push_back(std::move(bar));
    }
    return bars;
}

std::string date_facet_html(const DateFacet& facet, const SearchRequest& request)
{
    std::string heading(by_what(facet.granularity));
    // A month drawn day by day is named: the bars only carry day numbers.
    if (facet.granularity == Granularity::day && !facet.counts.empty()) {
        const auto first = span_of(facet.counts.front(), facet.granularity);
        const auto last = span_of(facet.counts.back(), facet.granularity);
        if (first && last && first->from.year() == last->from.year() &&
            first->from.month() == last->from.month()) {
            heading += " — " + long_month(first->from.year() / first->from.month());
        }
    }
    if (request.facet_count == FacetUnit::stories) {
        heading += " (قصص)";  // each story once per bar, not each article
    }
    std::string out = "<section class=\"dates\"><h2>" + escape_html(heading) + "</h2>";
    if (!facet.counts.empty()) {
        out += bar_chart_svg(date_bars(facet, request), heading);
    }
    out += "<p class=\"undated\">";
    out += "بلا تاريخ: <bdi>" + std::to_string(facet.undated) + "</bdi>";
    if (facet.outside > 0) {
        out += " · خارج هذا الشهر: <bdi>" + std::to_string(facet.outside) + "</bdi>";
    }
    out += "</p></section>";
    return out;
}

std::string source_facet_html(const std::vector<FacetCount>& sources, std::size_t unsourced,
                              const SearchRequest& request)
{
    if (sources.empty() && unsourced == 0) {
        return "";
    }
    std::string out = "<section class=\"sources\"><h2>حسب المصدر" +
                      std::string(request.facet_count == FacetUnit::stories ? " (قصص)" : "") +
                      "</h2><ul>";
    for (const FacetCount& c : sources) {
        SearchRequest narrowed = request;
        narrowed.sources = {c.value};
        narrowed.offset = 0;
        const bool current = request.sources.size() == 1 && request.sources.front() == c.value;
        out += "<li><a" + std::string(current ? " class=\"selected\"" : "") + " href=\"" +
               escape_html(search_link(narrowed)) + "\"><bdi>" + escape_html(c.value) +
               "</bdi> <span class=\"n\">" + std::to_string(c.count) + "</span></a></li>";
    }
    out += "</ul><p class=\"undated\">بلا مصدر: <bdi>" + std::to_string(unsourced) +
           "</bdi></p></section>";
    return out;
}

}  // namespace akhbar::server
