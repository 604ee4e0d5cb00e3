#include "akhbar/common/normalizer.hpp"

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

void fold_nfkc_casefold(std::u16string& text)
{
    static const UNormalizer2* norm = icu_instance(unorm2_getNFKCCasefoldInstance, "NFKC_Casefold");
    normalize_in_place(norm, text);
}

// Lucene's LowerCaseFilter (Character.toLowerCase per code point) and
// DecimalDigitFilter (every Unicode decimal digit to its ASCII digit).
void fold_lucene(std::u16string& text)
{
    std::u16string out;
    out.reserve(text.size());
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 cp;
        U16_NEXT(text.data(), i, length, cp);
        if (u_charType(cp) == U_DECIMAL_DIGIT_NUMBER) {
            cp = U'0' + u_charDigitValue(cp);
        } else {
            cp = u_tolower(cp);
        }
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
    out.reserve(utf16.size() * 2);
    const auto length = static_cast<int32_t>(utf16.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 cp;
        U16_NEXT(utf16.data(), i, length, cp);
        // Lone surrogates cannot come from valid UTF-8 input; guard anyway.
        utf8::append(out, U_IS_SURROGATE(cp) ? char32_t{0xFFFD} : static_cast<char32_t>(cp));
    }
    return out;
}

}  // namespace akhbar
