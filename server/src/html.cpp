#include "html.hpp"

#include <algorithm>

#include "akhbar/common/utf8.hpp"

namespace akhbar::server {

namespace {

constexpr std::string_view REPLACEMENT = "\xEF\xBF\xBD";  // U+FFFD

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// Controls the HTML standard calls parse errors in text (§13.2.2): C0 but
// the white space ones, DEL, and C1.
bool forbidden_control(char32_t cp)
{
    return (cp < 0x20 && cp != U'\t' && cp != U'\n' && cp != U'\r') || (cp >= 0x7F && cp <= 0x9F);
}

// The first byte of the character holding byte `pos` (pos itself when it
// starts one, or is the end).
std::size_t char_start(std::string_view text, std::size_t pos)
{
    while (pos > 0 && pos < text.size() && is_continuation(text[pos])) {
        --pos;
    }
    return pos;
}

// The byte after the character holding byte `pos - 1`.
std::size_t char_end(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && is_continuation(text[pos])) {
        ++pos;
    }
    return pos;
}

void append_escaped(std::string& out, std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        switch (c) {
        case '&': out += "&amp;"; ++pos; continue;
        case '<': out += "&lt;"; ++pos; continue;
        case '>': out += "&gt;"; ++pos; continue;
        case '"': out += "&quot;"; ++pos; continue;
        case '\'': out += "&#39;"; ++pos; continue;
        default: break;
        }
        // Decoded one character at a time: utf8::next() wants valid input,
        // and the text (a query from a URL) may not be.
        const auto bad = utf8::find_invalid(text.substr(pos, std::min<std::size_t>(4, text.size() - pos)));
        std::size_t next = pos;
        if (bad && *bad == 0) {
            out += REPLACEMENT;
            ++pos;
            continue;
        }
        const char32_t cp = utf8::next(text, next);
        if (forbidden_control(cp)) {
            out += REPLACEMENT;
        } else {
            out.append(text.substr(pos, next - pos));
        }
        pos = next;
    }
}

}  // namespace

std::string escape_html(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_escaped(out, text);
    return out;
}

std::string anchor(std::string_view href, std::string_view inner_html, std::string_view attributes)
{
    std::string out = "<a href=\"";
    append_escaped(out, href);
    out += '"';
    out += attributes;
    out += '>';
    out += inner_html;
    out += "</a>";
    return out;
}

std::vector<Highlight> usable_marks(std::string_view text, std::vector<Highlight> marks)
{
    std::vector<Highlight> kept;
    for (Highlight h : marks) {
        if (h.start >= text.size() || h.end <= h.start) {
            continue;
        }
        h.end = char_end(text, std::min(h.end, text.size()));
        h.start = char_start(text, h.start);
        kept.push_back(h);
    }
    std::sort(kept.begin(), kept.end(),
              [](const Highlight& a, const Highlight& b) { return a.start < b.start; });
    std::vector<Highlight> out;
    for (Highlight h : kept) {
        if (!out.empty() && h.start < out.back().end) {
            h.start = out.back().end;
        }
        if (h.start < h.end) {
            out.push_back(h);
        }
    }
    return out;
}

std::string marked_html(std::string_view text, const std::vector<Highlight>& marks,
                        std::size_t begin, std::size_t end)
{
    end = std::min(end, text.size());
    begin = std::min(begin, end);
    std::string out;
    std::size_t pos = begin;
    for (const Highlight& h : marks) {
        const std::size_t start = std::max(h.start, pos);
        const std::size_t stop = std::min(h.end, end);
        if (start >= stop) {
            continue;
        }
        append_escaped(out, text.substr(pos, start - pos));
        out += "<mark>";
        append_escaped(out, text.substr(start, stop - start));
        out += "</mark>";
        pos = stop;
    }
    append_escaped(out, text.substr(pos, end - pos));
    return out;
}

std::string marked_html(const Snippet& snippet)
{
    return marked_html(snippet.text, usable_marks(snippet.text, snippet.highlights), 0,
                       snippet.text.size());
}

}  // namespace akhbar::server
