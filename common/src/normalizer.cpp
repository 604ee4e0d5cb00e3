#include "akhbar/common/normalizer.hpp"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "akhbar/common/error.hpp"
#include "akhbar/common/utf8.hpp"

namespace akhbar {

namespace {

// An ICU normalizer instance (owned by ICU, shared by all threads).
const UNormalizer2* icu_instance(const UNormalizer2* (*get)(UErrorCode*), const char* name)
{
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* n = get(&status);
    if (U_FAILURE(status)) {
        throw Error(std::string("ICU ") + name + " unavailable: " + u_errorName(status));
    }
    return n;
}

// Normalizes `text` in place; most text is already normalized, so check
// before copying.
void normalize_in_place(const UNormalizer2* norm, std::u16string& text)
{
    UErrorCode status = U_ZERO_ERROR;
    const auto length = static_cast<int32_t>(text.size());
    const int32_t span = unorm2_spanQuickCheckYes(norm, text.data(), length, &status);
    if (U_SUCCESS(status) && span == length) {
        return;
    }
    std::u16string out(text.size() + 8, u'\0');
    status = U_ZERO_ERROR;
    int32_t written = unorm2_normalize(norm, text.data(), length, out.data(),
                                       static_cast<int32_t>(out.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        out.assign(static_cast<std::size_t>(written), u'\0');
        status = U_ZERO_ERROR;
        written = unorm2_normalize(norm, text.data(), length, out.data(), written, &status);
    }
    if (U_FAILURE(status)) {
        throw Error(std::string("ICU normalization failed: ") + u_errorName(status));
    }
    out.resize(static_cast<std::size_t>(written));
    text.swap(out);
}

const UNormalizer2* nfkc_casefold()
{
    static const UNormalizer2* norm = icu_instance(unorm2_getNFKCCasefoldInstance, "NFKC_Casefold");
    return norm;
}

// Code units below U+0700 (ASCII, Latin, Arabic) that NFKC_Casefold leaves
// as they are next to any of each other: quick check yes and combining class
// 0, so UAX #15's quick check answers yes for any string of them. Most
// tokens are made of such units only, and skip ICU's quick check (callgrind:
// fold took ~320 instructions a token, this test ~30).
class StableUnits {
public:
    static constexpr char16_t LIMIT = 0x0700;

    StableUnits()
    {
        const UNormalizer2* norm = nfkc_casefold();
        for (char16_t u = 0; u < LIMIT; ++u) {
            UErrorCode status = U_ZERO_ERROR;
            m_stable[u] = unorm2_quickCheck(norm, &u, 1, &status) == UNORM_YES &&
                          U_SUCCESS(status) && unorm2_getCombiningClass(norm, u) == 0;
        }
    }

    [[nodiscard]] bool all_stable(std::u16string_view text) const noexcept
    {
        return std::all_of(text.begin(), text.end(),
                           [&](char16_t u) { return u < LIMIT && m_stable[u]; });
    }

private:
    std::array<bool, LIMIT> m_stable{};
};

void fold_nfkc_casefold(std::u16string& text)
{
    static const StableUnits stable;
    if (!stable.all_stable(text)) {
        normalize_in_place(nfkc_casefold(), text);
    }
}

// Lucene's LowerCaseFilter (Character.toLowerCase per code point) and
// DecimalDigitFilter (every Unicode decimal digit to its ASCII digit).
UChar32 fold_lucene(UChar32 cp)
{
    return u_charType(cp) == U_DECIMAL_DIGIT_NUMBER ? static_cast<UChar32>(U'0') + u_charDigitValue(cp)
                                                : u_tolower(cp);
}

// fold_lucene() of the units below U+0700, each one unit again, so most
// tokens fold in place without ICU's per-code-point calls.
class LuceneFoldTable {
public:
    static constexpr char16_t LIMIT = 0x0700;

    LuceneFoldTable()
    {
        for (char16_t u = 0; u < LIMIT; ++u) {
            m_map[u] = static_cast<char16_t>(fold_lucene(u));
        }
    }

    // False, with `text` unchanged, when a unit is beyond the table.
    bool fold(std::u16string& text) const noexcept
    {
        if (!std::all_of(text.begin(), text.end(), [](char16_t u) { return u < LIMIT; })) {
            return false;
        }
        for (char16_t& u : text) {
            u = m_map[u];
        }
        return true;
    }

private:
    std::array<char16_t, LIMIT> m_map{};
};

void fold_lucene(std::u16string& text)
{
    static const LuceneFoldTable table;
    if (table.fold(text)) {
        return;
    }
    std::u16string out;
    out.reserve(text.size());
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 cp;
        U16_NEXT(text.data(), i, length, cp);
        cp = fold_lucene(cp);
        if (cp <= 0xFFFF) {
            out += static_cast<char16_t>(cp);
        } else {
            out += static_cast<char16_t>(U16_LEAD(cp));
            out += static_cast<char16_t>(U16_TRAIL(cp));
        }
    }
    text.swap(out);
}

}  // namespace

Normalizer::Normalizer(NormalizationScheme scheme) : m_scheme(scheme)
{
    for (std::size_t i = 0; i < m_map.size(); ++i) {
        m_map[i] = static_cast<char16_t>(BLOCK_FIRST + i);
    }
    for (const NormalizationRule& rule : table()) {
        for (char32_t cp = rule.first; cp <= rule.last; ++cp) {
            char16_t& slot = m_map[cp - BLOCK_FIRST];
            switch (rule.action) {
            case RuleAction::remove:
                slot = REMOVED;
                break;
            case RuleAction::replace:
                slot = static_cast<char16_t>(rule.replacement);
                break;
            case RuleAction::digit:
                slot = static_cast<char16_t>(u'0' + (cp - rule.first));
                break;
            }
        }
    }
}

std::span<const NormalizationRule> Normalizer::table() const noexcept
{
    if (m_scheme == NormalizationScheme::lucene) {
        return rules::LUCENE_TABLE;
    }
    return rules::AKHBAR_TABLE;
}

void Normalizer::fold(std::u16string& text) const
{
    if (m_scheme == NormalizationScheme::lucene) {
        fold_lucene(text);
    } else {
        fold_nfkc_casefold(text);
    }
}

void Normalizer::apply_table(std::u16string& text) const
{
    std::size_t out = 0;
    for (const char16_t unit : text) {
        char16_t mapped = unit;
        if (unit >= BLOCK_FIRST && unit < BLOCK_FIRST + m_map.size()) {
            mapped = m_map[unit - BLOCK_FIRST];
            if (mapped == REMOVED) {
                continue;
            }
        }
        text[out++] = mapped;
    }
    text.resize(out);
}

std::string Normalizer::operator()(std::string_view utf8) const
{
    std::u16string text = to_utf16(utf8);
    fold(text);
    apply_table(text);
    return to_utf8(text);
}

std::string nfkc(std::string_view utf8)
{
    static const UNormalizer2* norm = icu_instance(unorm2_getNFKCInstance, "NFKC");
    std::u16string text = to_utf16(utf8);
    normalize_in_place(norm, text);
    return to_utf8(text);
}

std::u16string to_utf16(std::string_view utf8)
{
    utf8::validate(utf8);
    std::u16string out;
    out.reserve(utf8.size());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const char32_t cp = utf8::next(utf8, pos);
        if (cp <= 0xFFFF) {
            out += static_cast<char16_t>(cp);
        } else {
            out += static_cast<char16_t>(U16_LEAD(cp));
            out += static_cast<char16_t>(U16_TRAIL(cp));
        }
    }
    return out;
}

std::string to_utf8(std::u16string_view utf16)
{
    std::string out;
    to_utf8(utf16, out);
    return out;
}

void to_utf8(std::u16string_view utf16, std::string& out)
{
    // Tokens are short and mostly Arabic and ASCII: encoded on the stack and
    // assigned at once. Callgrind: utf8::append per code point, with its
    // growth checks, cost ~370 instructions a token; this ~100.
    constexpr std::size_t SHORT = 64;
    if (utf16.size() <= SHORT &&
        std::all_of(utf16.begin(), utf16.end(), [](char16_t u) { return u < 0x800U; })) {
        std::array<char, 2 * SHORT> buffer;  // NOLINT(cppcoreguidelines-pro-type-member-init)
        char* p = buffer.data();
        for (const char16_t u : utf16) {
            if (u < 0x80U) {
                *p++ = static_cast<char>(u);
            } else {
                *p++ = static_cast<char>(0xC0U | (u >> 6));
                *p++ = static_cast<char>(0x80U | (u & 0x3FU));
            }
        }
        out.assign(buffer.data(), p);
        return;
    }
    out.clear();
    const auto length = static_cast<int32_t>(utf16.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 cp;
        U16_NEXT(utf16.data(), i, length, cp);
        // Lone surrogates cannot come from valid UTF-8; guard anyway.
        utf8::append(out, U_IS_SURROGATE(cp) ? char32_t{0xFFFD} : static_cast<char32_t>(cp));
    }
}

}  // namespace akhbar
