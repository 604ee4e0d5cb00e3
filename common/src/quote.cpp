#include "akhbar/common/quote.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "akhbar/common/utf8.hpp"

namespace akhbar {

namespace {

// Code points a terminal acts on instead of showing. C1 controls: in UTF-8
// mode xterm and others take U+009B as CSI, so an escape sequence can hide in
// them. Bidi embeddings, overrides and isolates (Unicode UAX #9) change the
// direction of everything after them on the line, so an unbalanced U+202E in
// a title reverses the id and score printed next to it. Marks (U+200E,
// U+200F, U+061C) open nothing and stay.
bool is_terminal_control(char32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

void append_escape(std::string& out, char32_t cp, bool byte)
{
    char buf[16];
    if (cp == U'\n') {
        out += "\\n";
    } else if (cp == U'\t') {
        out += "\\t";
    } else if (byte || cp < 0x80) {
        std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(cp));
        out += buf;
    } else {
        std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
        out += buf;
    }
}

// Escapes `text` into `out`, at most `max_chars` code points; true when it
// stopped before the end.
bool escape(std::string& out, std::string_view text, bool quote, std::size_t max_chars)
{
    std::size_t pos = 0;
    std::size_t chars = 0;
    while (pos < text.size()) {
        if (chars++ == max_chars) {
            return true;
        }
        const auto first = static_cast<unsigned char>(text[pos]);
        // Only the sequence starting here matters: a later bad byte is its own turn.
        const auto bad =
            utf8::find_invalid(text.substr(pos, std::min<std::size_t>(4, text.size() - pos)));
        if (bad && *bad == 0) {
            append_escape(out, first, true);
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        const char32_t cp = utf8::next(text, pos);
        if (is_terminal_control(cp)) {
            append_escape(out, cp, false);
        } else if (quote && (cp == U'"' || cp == U'\\')) {
            out += '\\';
            out += static_cast<char>(cp);
        } else {
            out.append(text.substr(start, pos - start));
        }
    }
    return false;
}

}  // namespace

std::string escape_controls(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    (void)escape(out, text, false, std::numeric_limits<std::size_t>::max());
    return out;
}

std::string quote_for_message(std::string_view value)
{
    std::string out = "\"";
    if (escape(out, value, true, QUOTE_MAX_CHARS)) {
        out += "\xE2\x80\xA6";  // …
    }
    return out + "\"";
}

}  // namespace akhbar
