#include "akhbar/common/utf8.hpp"

#include "akhbar/common/error.hpp"

namespace akhbar::utf8 {

namespace {

constexpr bool is_continuation(unsigned char byte) noexcept
{
    return (byte & 0xC0U) == 0x80U;
}

// Length of the well-formed sequence starting at text[pos], or 0 when the
// sequence is ill-formed. Follows Table 3-7 of the Unicode Standard
// ("Well-Formed UTF-8 Byte Sequences"), which excludes overlongs and surrogates.
std::size_t sequence_length(std::string_view text, std::size_t pos) noexcept
{
    const auto b0 = static_cast<unsigned char>(text[pos]);
    const std::size_t left = text.size() - pos;
    auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    if (b0 < 0x80U) {
        return 1;
    }
    if (b0 >= 0xC2U && b0 <= 0xDFU) {
        return left >= 2 && is_continuation(at(1)) ? 2 : 0;
    }
    if (b0 >= 0xE0U && b0 <= 0xEFU) {
        if (left < 3) {
            return 0;
        }
        const unsigned char lo = b0 == 0xE0U ? 0xA0U : 0x80U;
        const unsigned char hi = b0 == 0xEDU ? 0x9FU : 0xBFU;
        return at(1) >= lo && at(1) <= hi && is_continuation(at(2)) ? 3 : 0;
    }
    if (b0 >= 0xF0U && b0 <= 0xF4U) {
        if (left < 4) {
            return 0;
        }
        const unsigned char lo = b0 == 0xF0U ? 0x90U : 0x80U;
        const unsigned char hi = b0 == 0xF4U ? 0x8FU : 0xBFU;
        return at(1) >= lo && at(1) <= hi && is_continuation(at(2)) && is_continuation(at(3))
                   ? 4
                   : 0;
    }
    return 0;
}

}  // namespace

std::optional<std::size_t> find_invalid(std::string_view text) noexcept
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        // Fast path over ASCII.
        if (static_cast<unsigned char>(text[pos]) < 0x80U) {
            ++pos;
            continue;
        }
        const std::size_t len = sequence_length(text, pos);
        if (len == 0) {
            return pos;
        }
        pos += len;
    }
    return std::nullopt;
}

void validate(std::string_view text)
{
    if (const auto bad = find_invalid(text)) {
        throw Utf8Error(*bad, static_cast<unsigned char>(text[*bad]));
    }
}

char32_t next(std::string_view text, std::size_t& pos) noexcept
{
    const auto b0 = static_cast<unsigned char>(text[pos]);
    auto cont = [&](std::size_t i) {
        return static_cast<char32_t>(static_cast<unsigned char>(text[pos + i]) & 0x3FU);
    };
    char32_t cp;
    if (b0 < 0x80U) {
        cp = b0;
        pos += 1;
    } else if (b0 < 0xE0U) {
        cp = (static_cast<char32_t>(b0 & 0x1FU) << 6) | cont(1);
        pos += 2;
    } else if (b0 < 0xF0U) {
        cp = (static_cast<char32_t>(b0 & 0x0FU) << 12) | (cont(1) << 6) | cont(2);
        pos += 3;
    } else {
        cp = (static_cast<char32_t>(b0 & 0x07U) << 18) | (cont(1) << 12) | (cont(2) << 6) |
             cont(3);
        pos += 4;
    }
    return cp;
}

void append(std::string& out, char32_t cp)
{
    if (cp < 0x80U) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800U) {
        out += static_cast<char>(0xC0U | (cp >> 6));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else if (cp < 0x10000U) {
        out += static_cast<char>(0xE0U | (cp >> 12));
        out += static_cast<char>(0x80U | ((cp >> 6) & 0x3FU));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else {
        out += static_cast<char>(0xF0U | (cp >> 18));
        out += static_cast<char>(0x80U | ((cp >> 12) & 0x3FU));
        out += static_cast<char>(0x80U | ((cp >> 6) & 0x3FU));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    }
}

std::u32string decode(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        out += next(text, pos);
    }
    return out;
}

std::string encode(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size() * 2);
    for (const char32_t cp : text) {
        append(out, cp);
    }
    return out;
}

}  // namespace akhbar::utf8
