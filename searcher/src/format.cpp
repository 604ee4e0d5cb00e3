#include "akhbar/searcher/format.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string_view>
#include <vector>

#include "akhbar/common/date_format.hpp"
#include "akhbar/common/quote.hpp"
#include "bidi_runs.hpp"
#include "facet_chart.hpp"
#include "text_wrap.hpp"
#include "akhbar/searcher/format_explain.hpp"

namespace akhbar {

namespace {

using detail::Span;
using detail::SpanLine;

constexpr std::string_view BOLD = "\033[1;33m";
constexpr std::string_view RESET = "\033[0m";
constexpr std::string_view FIELD_SEPARATOR = " · ";
// Hits' second and later lines start under the title.
constexpr std::string_view HIT_INDENT = "   ";

// Appends parts in order. (Building lines with "literal" + std::string
// trips GCC 12's -Wrestrict false positive, PR 105329.)
void append(std::string& out, std::initializer_list<std::string_view> parts)
{
    for (const auto part : parts) {
        out += part;
    }
}

// Text in the flow of a line (a title, a snippet, the query's words), already
// escaped: its left-to-right runs isolated on a terminal.
std::string runs(std::string_view escaped, const TextStyle& style)
{
    return style.bidi_isolate ? detail::isolate_ltr_runs(escaped) : std::string(escaped);
}

// Stored or typed text (untrusted) in the flow of a line: escaped first, so
// that no escape sequence or bidi override of an article reaches the
// terminal, then isolated as `style` asks.
std::string piece(std::string_view text, const TextStyle& style)
{
    return runs(escape_controls(text), style);
}

// One field of a line (a date, an id, a source, a URL): escaped, and on a
// terminal one isolated unit, so that the line keeps its order of fields
// whatever the field's script.
std::string field(std::string_view text, const TextStyle& style)
{
    const std::string safe = escape_controls(text);
    return style.bidi_isolate ? detail::isolate_whole(safe) : safe;
}

std::string date_text(const Hit& hit)
{
    return hit.date ? schema::format_iso(*hit.date) : "undated";
}

// The snippet cut at its highlights, each piece escaped, highlights in
// [brackets] when `style` has no colour (before wrapping: the brackets take
// columns). Cut at highlight boundaries before escaping, so the byte ranges
// refer to the text as stored.
std::vector<Span> spans_of(const Snippet& snippet, const TextStyle& style)
{
    std::vector<Span> spans;
    std::size_t pos = 0;
    const std::string_view text = snippet.text;
    for (const Highlight& h : snippet.highlights) {
        if (h.start < pos || h.end > text.size()) {
            continue;
        }
        spans.push_back({escape_controls(text.substr(pos, h.start - pos)), false});
        const std::string word = escape_controls(text.substr(h.start, h.end - h.start));
        spans.push_back({style.color ? word : "[" + word + "]", true});
        pos = h.end;
    }
    spans.push_back({escape_controls(text.substr(pos)), false});
    return spans;
}

std::string render(const SpanLine& line, const TextStyle& style)
{
    std::string out;
    for (const Span& span : line) {
        if (span.highlight) {
            append(out, {style.color ? BOLD : "", runs(span.text, style), style.color ? RESET : ""});
        } else {
            out += runs(span.text, style);
        }
    }
    return out;
}

// `snippet` after `first_prefix`, wrapped as `style` asks, its later lines
// indented by as many columns as the prefix takes.
std::string wrapped(std::string_view first_prefix, const Snippet& snippet, const TextStyle& style)
{
    const std::size_t indent = detail::display_width(first_prefix);
    const std::size_t width = !style.wrap ? 0 : style.width > indent + 1 ? style.width - indent : 1;
    std::string out;
    bool first = true;
    for (const SpanLine& line : detail::wrap(spans_of(snippet, style), width)) {
        out += first ? std::string(first_prefix) : std::string(indent, ' ');
        append(out, {render(line, style), "\n"});
        first = false;
    }
    return out;
}

// "426" when the total is exact, "about 900" when it is Xapian's estimate.
std::string total_text(const SearchResult& result)
{
    return (result.total_exact ? "" : "about ") + std::to_string(result.total);
}

std::string header(const SearchResult& result, const TextStyle& style)
{
    std::string out;
    const std::string query =
        style.bidi_isolate ? detail::isolate_whole(piece(result.query, style)) : piece(result.query, style);
    append(out, {total_text(result), result.total == 1 ? " article matches " : " articles match ",
                 query, "\n"});
    // How the words were understood (stems, classes): --explain's, not the
    // header's.
    if (result.explained) {
        out += format_query_explanation(result);
    }
    std::string variants;  // other spellings of the query's names, each once
    std::set<std::string_view> listed;
    for (const QueryWord& w : result.words) {
        for (const std::string& v : w.variants) {
            if (listed.insert(v).second) {
                variants += variants.empty() ? "" : "، ";
                variants += v;
            }
        }
    }
    if (!variants.empty()) {
        append(out, {"also searched: ", piece(variants, style), "\n"});
    }
    if (result.suggestion) {
        append(out, {"Did you mean: ", piece(*result.suggestion, style), "\n"});
    }
    for (const std::string& shard : result.unavailable) {
        append(out, {"Partial results: ", piece(shard, style), "\n"});
    }
    return out;
}

// A hit's fields after HIT_INDENT, " · " between them; wrapped between
// fields when `style` wraps and they do not fit.
std::string fields_line(const std::vector<std::string>& fields, const TextStyle& style)
{
    std::string out(HIT_INDENT);
    std::size_t used = HIT_INDENT.size();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::size_t width = detail::display_width(fields[i]);
        const std::size_t separator = detail::display_width(FIELD_SEPARATOR);
        if (i > 0 && style.wrap && used + separator + width > style.width) {
            append(out, {"\n", HIT_INDENT});
            used = HIT_INDENT.size();
        } else if (i > 0) {
            out += FIELD_SEPARATOR;
            used += separator;
        }
        out += fields[i];
        used += width;
    }
    return out + "\n";
}

std::string hit_text(const Hit& hit, const TextStyle& style)
{
    std::string out = "\n";
    out += wrapped(std::to_string(hit.rank) + ". ", hit.title, style);
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", hit.score);
    std::vector<std::string> fields = {field(date_text(hit), style)};
    if (!hit.source.empty()) {
        fields.push_back(field(hit.source, style));
    }
    fields.push_back(field(hit.id, style));
    fields.push_back("score " + std::string(score));
    out += fields_line(fields, style);
    if (!hit.url.empty()) {
        append(out, {HIT_INDENT, field(hit.url, style), "\n"});
    }
    if (!hit.snippet.text.empty()) {
        out += wrapped(HIT_INDENT, hit.snippet, style);
    }
    if (!hit.story.copies.empty()) {
        append(out, {HIT_INDENT, piece(copies_line(hit.story.copies), style), "\n"});
    }
    if (hit.explanation) {
        out += format_hit_explanation(*hit.explanation, hit.score, std::string(HIT_INDENT));
    }
    return out;
}

// "By source:", "By category:": a line per value, then the matches
// without one (counted as the undated are).
std::string value_facet_text(std::string_view title, const std::vector<FacetCount>& counts,
                             std::string_view none, std::size_t without, FacetUnit unit,
                             const TextStyle& style)
{
    std::string out;
    append(out, {"\nBy ", title, unit == FacetUnit::stories ? " (stories)" : "", ":\n"});
    for (const FacetCount& c : counts) {
        append(out, {"  ", field(c.value, style), ": ", std::to_string(c.count), "\n"});
    }
    append(out, {"  no ", none, ": ", std::to_string(without), "\n"});
    return out;
}

}  // namespace

std::string copies_line(const std::vector<StoryCopy>& copies)
{
    std::vector<std::string_view> sources;  // each once, in the copies' order
    for (const StoryCopy& c : copies) {
        if (!c.source.empty() && std::find(sources.begin(), sources.end(), c.source) == sources.end()) {
            sources.push_back(c.source);
        }
    }
    std::string listed;
    for (const std::string_view s : sources) {
        listed += listed.empty() ? "" : "، ";
        listed += s;
    }
    if (!sources.empty() && sources.size() == copies.size()) {
        return "also in: " + listed;
    }
    // Copies without a source, or two from one source (an outlet's two
    // sections): the sources alone would hide how many there are.
    std::string out = "also: " + std::to_string(copies.size()) +
                      (copies.size() == 1 ? " copy" : " copies");
    return sources.empty() ? out : out + ", in " + listed;
}

std::string mark_highlights(const Snippet& snippet, const TextStyle& style)
{
    return render(spans_of(snippet, style), style);
}

std::string format_text(const SearchResult& result, const TextStyle& style)
{
    std::string out = header(result, style);
    for (const Hit& hit : result.hits) {
        out += hit_text(hit, style);
    }
    if (result.date_facet && (!result.date_facet->counts.empty() || result.date_facet->undated > 0)) {
        out += "\n";
        out += style.facets == FacetLayout::chart ? detail::date_chart(*result.date_facet, style.width,
                                                                      result.facet_count)
                                                  : detail::date_table(*result.date_facet,
                                                                       result.facet_count);
    }
    if (!result.source_facet.empty() || result.unsourced > 0) {
        out += value_facet_text("source", result.source_facet, "source", result.unsourced,
                                result.facet_count, style);
    }
    // Only where some match has a category: most collections have none.
    if (!result.category_facet.empty()) {
        out += value_facet_text("category", result.category_facet, "category",
                                result.uncategorized, result.facet_count, style);
    }
    return out;
}

std::string format_trec(const SearchResult& result, std::string_view qid)
{
    std::string out;
    for (const Hit& hit : result.hits) {
        char score[32];
        std::snprintf(score, sizeof score, "%.6f", hit.score);
        // Ids are stored as given: escaped like every untrusted text shown.
        append(out, {escape_controls(qid), " Q0 ", escape_controls(hit.id), " ",
                     std::to_string(hit.rank), " ", score, " akhbar\n"});
    }
    return out;
}

}  // namespace akhbar
