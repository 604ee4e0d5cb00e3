#include "report_text.hpp"

#include "akhbar/common/quote.hpp"

namespace akhbar::story_bench {

std::string markdown(std::string_view text)
{
    std::string one_line;
    one_line.reserve(text.size());
    for (const char c : text) {
        if (c == '\n') {
            one_line += " ¶ ";
        } else if (c != '\r') {
            one_line += c;
        }
    }
    const std::string escaped = escape_controls(one_line);
    std::string out;
    out.reserve(escaped.size());
    for (const char c : escaped) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '#':
        case '|':
        case '~':
            out += '\\';
            out += c;
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string tsv(std::string_view text)
{
    return escape_controls(text);
}

std::string excerpt(std::string_view text, std::size_t chars)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // A code point starts at every byte that is not a continuation byte.
        if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U && count++ == chars) {
            return std::string(text.substr(0, i)) + "…";
        }
    }
    return std::string(text);
}

}  // namespace akhbar::story_bench
