#include "text_wrap.hpp"

#include <unicode/uchar.h>

#include "akhbar/common/utf8.hpp"

namespace akhbar::detail {

namespace {

std::size_t columns_of(char32_t cp)
{
    const auto c = static_cast<UChar32>(cp);
    switch (u_charType(c)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR:
        return 0;
    default:
        break;
    }
    const auto east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

// A word or the spaces between two words, as pieces of the spans it crosses.
struct Token {
    std::vector<Span> pieces;
    std::size_t width = 0;
    bool space = false;
};

void append(std::vector<Span>& line, const Span& piece)
{
    if (!line.empty() && line.back().highlight == piece.highlight) {
        line.back().text += piece.text;
    } else {
        line.push_back(piece);
    }
}

std::vector<Token> tokens_of(const std::vector<Span>& spans)
{
    std::vector<Token> tokens;
    for (const Span& span : spans) {
        std::size_t pos = 0;
        while (pos < span.text.size()) {
            const std::size_t start = pos;
            const char32_t cp = utf8::next(span.text, pos);
            const bool space = cp == U' ';
            if (tokens.empty() || tokens.back().space != space) {
                tokens.push_back({{}, 0, space});
            }
            Token& t = tokens.back();
            append(t.pieces, {span.text.substr(start, pos - start), span.highlight});
            t.width += columns_of(cp);
        }
    }
    return tokens;
}

}  // namespace

std::size_t display_width(std::string_view text)
{
    std::size_t width = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (text[pos] == '\033' && pos + 1 < text.size() && text[pos + 1] == '[') {
            const auto m = text.find('m', pos);
            pos = m == std::string_view::npos ? text.size() : m + 1;
            continue;
        }
        width += columns_of(utf8::next(text, pos));
    }
    return width;
}

std::vector<SpanLine> wrap(const std::vector<Span>& spans, std::size_t width)
{
    std::vector<SpanLine> lines(1);
    std::size_t used = 0;
    const Token* pending_space = nullptr;  // kept only if a word follows on the line
    for (const Token& token : tokens_of(spans)) {
        if (token.space) {
            pending_space = &token;
            continue;
        }
        const std::size_t space = pending_space != nullptr ? pending_space->width : 0;
        if (width > 0 && used > 0 && used + space + token.width > width) {
            lines.emplace_back();
            used = 0;
        } else if (pending_space != nullptr) {
            for (const Span& piece : pending_space->pieces) {
                append(lines.back(), piece);
            }
            used += space;
        }
        pending_space = nullptr;
        for (const Span& piece : token.pieces) {
            append(lines.back(), piece);
        }
        used += token.width;
    }
    return lines;
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width)
{
    std::vector<std::string> out;
    for (const SpanLine& line : wrap({Span{std::string(text), false}}, width)) {
        std::string joined;
        for (const Span& s : line) {
            joined += s.text;
        }
        out.push_back(std::move(joined));
    }
    return out;
}

}  // namespace akhbar::detail
