#pragma once
/// @file
/// Token normalization: a fold stage (Unicode compatibility and case) followed
/// by a table of Arabic character rules. Every rule is a named constant below
/// and has a named test in tests/common/test_normalizer.cpp.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "akhbar/common/arabic.hpp"

namespace akhbar {

/// What a rule does to the code points in its range.
enum class RuleAction : std::uint8_t {
    remove,   ///< delete the code point
    replace,  ///< replace it with `replacement`
    digit,    ///< replace it with ASCII digit (cp - first)
};

/// One normalization rule over the inclusive range [first, last].
struct NormalizationRule {
    std::string_view name;
    char32_t first;
    char32_t last;
    RuleAction action;
    char32_t replacement = 0;
};

namespace rules {
using namespace akhbar::arabic;
// clang-format off
inline constexpr NormalizationRule REMOVE_TATWEEL{"remove-tatweel", TATWEEL, TATWEEL, RuleAction::remove};
/// Harakat, tanween, shadda, sukun and the other combining marks U+064B..U+065F.
inline constexpr NormalizationRule REMOVE_HARAKAT{"remove-harakat", FATHATAN, WAVY_HAMZA_BELOW, RuleAction::remove};
inline constexpr NormalizationRule REMOVE_SUPERSCRIPT_ALEF{"remove-superscript-alef", SUPERSCRIPT_ALEF, SUPERSCRIPT_ALEF, RuleAction::remove};
inline constexpr NormalizationRule REMOVE_QURANIC_MARKS{"remove-quranic-marks", SMALL_HIGH_LIGATURE_SAD_WITH_LAM_WITH_ALEF_MAKSURA, SMALL_LOW_MEEM, RuleAction::remove};
inline constexpr NormalizationRule ALEF_MADDA_TO_ALEF{"alef-madda-to-alef", ALEF_WITH_MADDA_ABOVE, ALEF_WITH_MADDA_ABOVE, RuleAction::replace, ALEF};
inline constexpr NormalizationRule ALEF_HAMZA_ABOVE_TO_ALEF{"alef-hamza-above-to-alef", ALEF_WITH_HAMZA_ABOVE, ALEF_WITH_HAMZA_ABOVE, RuleAction::replace, ALEF};
inline constexpr NormalizationRule ALEF_HAMZA_BELOW_TO_ALEF{"alef-hamza-below-to-alef", ALEF_WITH_HAMZA_BELOW, ALEF_WITH_HAMZA_BELOW, RuleAction::replace, ALEF};
inline constexpr NormalizationRule ALEF_WASLA_TO_ALEF{"alef-wasla-to-alef", ALEF_WASLA, ALEF_WASLA, RuleAction::replace, ALEF};
inline constexpr NormalizationRule ALEF_MAKSURA_TO_YEH{"alef-maksura-to-yeh", ALEF_MAKSURA, ALEF_MAKSURA, RuleAction::replace, YEH};
inline constexpr NormalizationRule TEH_MARBUTA_TO_HEH{"teh-marbuta-to-heh", TEH_MARBUTA, TEH_MARBUTA, RuleAction::replace, HEH};
inline constexpr NormalizationRule FARSI_YEH_TO_YEH{"farsi-yeh-to-yeh", FARSI_YEH, FARSI_YEH, RuleAction::replace, YEH};
inline constexpr NormalizationRule KEHEH_TO_KAF{"keheh-to-kaf", KEHEH, KEHEH, RuleAction::replace, KAF};
/// Hamza on a waw or yeh seat keeps the hamza and drops the seat, so that the
/// spellings news sources mix (مسؤول/مسئول, شؤون/شئون, شيء/شيئ) become one word.
inline constexpr NormalizationRule WAW_HAMZA_TO_HAMZA{"waw-hamza-to-hamza", WAW_WITH_HAMZA_ABOVE, WAW_WITH_HAMZA_ABOVE, RuleAction::replace, HAMZA};
inline constexpr NormalizationRule YEH_HAMZA_TO_HAMZA{"yeh-hamza-to-hamza", YEH_WITH_HAMZA_ABOVE, YEH_WITH_HAMZA_ABOVE, RuleAction::replace, HAMZA};
inline constexpr NormalizationRule ARABIC_INDIC_DIGITS{"arabic-indic-digits", ARABIC_INDIC_DIGIT_ZERO, ARABIC_INDIC_DIGIT_NINE, RuleAction::digit};
inline constexpr NormalizationRule EXTENDED_ARABIC_INDIC_DIGITS{"extended-arabic-indic-digits", EXTENDED_ARABIC_INDIC_DIGIT_ZERO, EXTENDED_ARABIC_INDIC_DIGIT_NINE, RuleAction::digit};
/// Lucene's ArabicNormalizer removes only these eight marks (U+064B..U+0652).
inline constexpr NormalizationRule LUCENE_REMOVE_HARAKAT{"lucene-remove-harakat", FATHATAN, SUKUN, RuleAction::remove};
// clang-format on

/// Akhbar's table (profile `akhbar`), applied after NFKC_Casefold.
inline constexpr std::array AKHBAR_TABLE{
    REMOVE_TATWEEL,     REMOVE_HARAKAT,      REMOVE_SUPERSCRIPT_ALEF,  REMOVE_QURANIC_MARKS,
    ALEF_MADDA_TO_ALEF, ALEF_HAMZA_ABOVE_TO_ALEF, ALEF_HAMZA_BELOW_TO_ALEF, ALEF_WASLA_TO_ALEF,
    ALEF_MAKSURA_TO_YEH, TEH_MARBUTA_TO_HEH, FARSI_YEH_TO_YEH,        KEHEH_TO_KAF,
    WAW_HAMZA_TO_HAMZA, YEH_HAMZA_TO_HAMZA,  ARABIC_INDIC_DIGITS,      EXTENDED_ARABIC_INDIC_DIGITS,
};

/// Lucene 8.7 ArabicNormalizer, exactly (profile `lucene`).
inline constexpr std::array LUCENE_TABLE{
    ALEF_MADDA_TO_ALEF,  ALEF_HAMZA_ABOVE_TO_ALEF, ALEF_HAMZA_BELOW_TO_ALEF,
    ALEF_MAKSURA_TO_YEH, TEH_MARBUTA_TO_HEH,       REMOVE_TATWEEL,
    LUCENE_REMOVE_HARAKAT,
};
}  // namespace rules

/// Which normalization a profile uses.
enum class NormalizationScheme : std::uint8_t {
    /// Lucene's ArabicAnalyzer: LowerCaseFilter, DecimalDigitFilter, then
    /// ArabicNormalizer's table.
    lucene,
    /// Unicode NFKC_Casefold (compatibility forms, case, default-ignorables),
    /// then rules::AKHBAR_TABLE.
    akhbar,
};

/// Normalizes tokens. Immutable after construction: safe to share between
/// threads.
class Normalizer {
public:
    explicit Normalizer(NormalizationScheme scheme);

    /// Fold stage then table stage, UTF-8 in and out. Throws Utf8Error on
    /// invalid input.
    [[nodiscard]] std::string operator()(std::string_view utf8) const;

    /// Fold stage only, in place on UTF-16 (ICU's native form).
    void fold(std::u16string& text) const;

    /// Table stage only, in place on UTF-16.
    void apply_table(std::u16string& text) const;

    [[nodiscard]] NormalizationScheme scheme() const noexcept { return m_scheme; }

    /// The rules of the table stage, in order.
    [[nodiscard]] std::span<const NormalizationRule> table() const noexcept;

private:
    // The tables only touch the Arabic block, so a 256-entry map suffices.
    static constexpr char32_t BLOCK_FIRST = 0x0600;
    static constexpr char16_t REMOVED = 0xFFFF;
    NormalizationScheme m_scheme;
    std::array<char16_t, 256> m_map{};
};

/// Unicode NFKC of valid UTF-8 text: the display form of a title, where Arabic
/// presentation forms become ordinary letters but diacritics stay.
[[nodiscard]] std::string nfkc(std::string_view utf8);

/// Converts between UTF-8 and UTF-16 (valid input assumed for to_utf8).
[[nodiscard]] std::u16string to_utf16(std::string_view utf8);
[[nodiscard]] std::string to_utf8(std::u16string_view utf16);
/// Same, into `out` (replacing its contents), so a reused buffer spares an
/// allocation.
void to_utf8(std::u16string_view utf16, std::string& out);

}  // namespace akhbar
