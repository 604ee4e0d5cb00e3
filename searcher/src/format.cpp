#include "akhbar/searcher/format.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string_view>

#include "akhbar/common/arabic.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/date_format.hpp"
#include "akhbar/common/utf8.hpp"

namespace akhbar {

namespace {

constexpr std::string_view BOLD = "\033[1;33m";
constexpr std::string_view RESET = "\033[0m";
constexpr std::string_view FSI = "\xE2\x81\xA8";  // U+2068 FIRST STRONG ISOLATE
constexpr std::string_view PDI = "\xE2\x81\xA9";  // U+2069 POP DIRECTIONAL ISOLATE
constexpr int CHART_WIDTH = 40;

bool is_latin_or_digit(char32_t cp)
{
    return (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') ||
           (cp >= 0x00C0 && cp <= 0x024F);
}

// Runs of Latin letters and digits (with the punctuation inside them, as in
// "C5+1" or "2025-11-07") isolated, so a right-to-left line reads right.
std::string isolate(std::string_view text)
{
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t next = pos;
        const char32_t cp = utf8::next(text, next);
        // An escape (escape_controls: "\x1B", "\u202E") is one run with its backslash.
        std::size_t after_backslash = next;
        const bool escape = cp == U'\\' && next < text.size() &&
                            is_latin_or_digit(utf8::next(text, after_backslash));
        if (!is_latin_or_digit(cp) && !escape) {
            out.append(text.substr(pos, next - pos));
            pos = next;
            continue;
        }
        std::size_t end = next;
        std::size_t last_strong = next;
        while (end < text.size()) {
            std::size_t after = end;
            const char32_t c = utf8::next(text, after);
            if (is_latin_or_digit(c)) {
                last_strong = after;
            } else if (!(c == U' ' || c == U'.' || c == U'-' || c == U'+' || c == U'/' || c == U':' ||
                         c == U',' || c == U'\\')) {
                break;
            }
            end = after;
        }
        out += FSI;
        out.append(text.substr(pos, last_strong - pos));
        out += PDI;
        pos = last_strong;
    }
    return out;
}

// Stored text is untrusted: escaped before it is styled, so that no escape
// sequence or bidi override in a title, an id or a query reaches the terminal.
// Callers cut the text at highlight boundaries first, so the byte ranges they
// hold refer to the text as stored.
std::string piece(std::string_view text, const TextStyle& style)
{
    const std::string safe = escape_controls(text);
    return style.bidi_isolate ? isolate(safe) : safe;
}

// Appends parts in order. (Building lines with "literal" + std::string
// trips GCC 12's -Wrestrict false positive, PR 105329.)
void append(std::string& out, std::initializer_list<std::string_view> parts)
{
    for (const auto part : parts) {
        out += part;
    }
}

// An identifier or date is one left-to-right unit.
std::string isolate_whole(std::string_view text, const TextStyle& style)
{
    std::string out;
    if (style.bidi_isolate) {
        append(out, {FSI, escape_controls(text), PDI});
    } else {
        out = escape_controls(text);
    }
    return out;
}

std::string date_text(const Hit& hit)
{
    return hit.date ? schema::format_iso(*hit.date) : "undated";
}

}  // namespace

std::string mark_highlights(const Snippet& snippet, const TextStyle& style)
{
    std::string out;
    std::size_t pos = 0;
    for (const Highlight& h : snippet.highlights) {
        if (h.start < pos || h.end > snippet.text.size()) {
            continue;
        }
        out += piece(std::string_view(snippet.text).substr(pos, h.start - pos), style);
        out += style.color ? BOLD : "[";
        out += piece(std::string_view(snippet.text).substr(h.start, h.end - h.start), style);
        out += style.color ? RESET : "]";
        pos = h.end;
    }
    out += piece(std::string_view(snippet.text).substr(pos), style);
    return out;
}

std::string format_text(const SearchResult& result, const TextStyle& style)
{
    std::string out;
    std::string understood;
    for (const QueryWord& w : result.words) {
        understood += understood.empty() ? "" : " ";
        if (w.stopword) {
            understood += '(';  // not "(" + ...: GCC 12 -Wrestrict false positive
            understood += w.normalized;
            understood += ')';
        } else {
            understood += w.stem;
        }
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
    out += std::to_string(result.total) + (result.total_exact ? "" : "+") +
           (result.total == 1 ? " article matches " : " articles match ") + piece(result.query, style) +
           (understood.empty() ? "" : "   [" + piece(understood, style) + "]") + "\n";
    if (!variants.empty()) {
        out += "also searched: " + piece(variants, style) + "\n";
    }
    if (result.suggestion) {
        out += "Did you mean: " + piece(*result.suggestion, style) + "\n";
    }
    for (const std::string& shard : result.unavailable) {
        out += "Partial results: " + piece(shard, style) + "\n";
    }
    for (const Hit& hit : result.hits) {
        char score[32];
        std::snprintf(score, sizeof score, "%.3f", hit.score);
        append(out, {"\n", std::to_string(hit.rank), ". ", mark_highlights(hit.title, style), "\n   ",
                     isolate_whole(date_text(hit), style)});
        if (!hit.source.empty()) {
            append(out, {" · ", piece(hit.source, style)});
        }
        append(out, {" · ", isolate_whole(hit.id, style), " · score ", score, "\n"});
        if (!hit.snippet.text.empty()) {
            append(out, {"   ", mark_highlights(hit.snippet, style), "\n"});
        }
    }
    if (result.date_facet && (!result.date_facet->counts.empty() || result.date_facet->undated > 0)) {
        const DateFacet& facet = *result.date_facet;
        out += "\nBy " + std::string(to_string(facet.granularity)) + ":\n";
        std::size_t max = 1;
        for (const auto& c : facet.counts) {
            max = std::max(max, c.count);
        }
        for (const auto& c : facet.counts) {
            append(out, {"  ", isolate_whole(c.value, style), " "});
            if (style.chart) {
                const auto width = static_cast<int>((c.count * CHART_WIDTH + max - 1) / max);
                for (int i = 0; i < width; ++i) {
                    out += "\xE2\x96\x88";  // █
                }
                out += c.count > 0 ? " " : "";
            }
            out += std::to_string(c.count) + "\n";
        }
        if (facet.outside > 0) {
            out += "  outside that month: " + std::to_string(facet.outside) + "\n";
        }
        out += "  undated: " + std::to_string(facet.undated) + "\n";
    }
    if (!result.source_facet.empty()) {
        out += "\nBy source:\n";
        for (const auto& c : result.source_facet) {
            out += "  " + piece(c.value, style) + ": " + std::to_string(c.count) + "\n";
        }
    }
    if (!result.category_facet.empty()) {
        out += "\nBy category:\n";
        for (const auto& c : result.category_facet) {
            out += "  " + piece(c.value, style) + ": " + std::to_string(c.count) + "\n";
        }
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
