#pragma once
/// @file
/// Arabic code points by their Unicode names, so that rules read like the
/// standard instead of like hex dumps.

namespace akhbar::arabic {

inline constexpr char32_t HAMZA = 0x0621;
inline constexpr char32_t ALEF_WITH_MADDA_ABOVE = 0x0622;
inline constexpr char32_t ALEF_WITH_HAMZA_ABOVE = 0x0623;
inline constexpr char32_t WAW_WITH_HAMZA_ABOVE = 0x0624;
inline constexpr char32_t ALEF_WITH_HAMZA_BELOW = 0x0625;
inline constexpr char32_t YEH_WITH_HAMZA_ABOVE = 0x0626;
inline constexpr char32_t ALEF = 0x0627;
inline constexpr char32_t BEH = 0x0628;
inline constexpr char32_t TEH_MARBUTA = 0x0629;
inline constexpr char32_t TEH = 0x062A;
inline constexpr char32_t FEH = 0x0641;
inline constexpr char32_t KAF = 0x0643;
inline constexpr char32_t LAM = 0x0644;
inline constexpr char32_t NOON = 0x0646;
inline constexpr char32_t HEH = 0x0647;
inline constexpr char32_t WAW = 0x0648;
inline constexpr char32_t ALEF_MAKSURA = 0x0649;
inline constexpr char32_t YEH = 0x064A;
inline constexpr char32_t TATWEEL = 0x0640;

// Harakat and other combining marks of the Arabic block.
inline constexpr char32_t FATHATAN = 0x064B;
inline constexpr char32_t DAMMATAN = 0x064C;
inline constexpr char32_t KASRATAN = 0x064D;
inline constexpr char32_t FATHA = 0x064E;
inline constexpr char32_t DAMMA = 0x064F;
inline constexpr char32_t KASRA = 0x0650;
inline constexpr char32_t SHADDA = 0x0651;
inline constexpr char32_t SUKUN = 0x0652;
inline constexpr char32_t HAMZA_ABOVE = 0x0654;
inline constexpr char32_t WAVY_HAMZA_BELOW = 0x065F;
inline constexpr char32_t SUPERSCRIPT_ALEF = 0x0670;
inline constexpr char32_t ALEF_WASLA = 0x0671;

// Persian letters that Arabic text borrows (keyboards, loanwords).
inline constexpr char32_t KEHEH = 0x06A9;
inline constexpr char32_t FARSI_YEH = 0x06CC;

// Qur'anic annotation signs U+06D6..U+06ED.
inline constexpr char32_t SMALL_HIGH_LIGATURE_SAD_WITH_LAM_WITH_ALEF_MAKSURA = 0x06D6;
inline constexpr char32_t SMALL_LOW_MEEM = 0x06ED;

// Digits.
inline constexpr char32_t ARABIC_INDIC_DIGIT_ZERO = 0x0660;
inline constexpr char32_t ARABIC_INDIC_DIGIT_NINE = 0x0669;
inline constexpr char32_t EXTENDED_ARABIC_INDIC_DIGIT_ZERO = 0x06F0;
inline constexpr char32_t EXTENDED_ARABIC_INDIC_DIGIT_NINE = 0x06F9;

/// True for code points of the Arabic script blocks that are not digits:
/// letters, marks, tatweel, presentation forms.
[[nodiscard]] constexpr bool is_arabic_letter_or_mark(char32_t cp) noexcept
{
    const bool in_blocks = (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
                           (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
                           (cp >= 0xFE70 && cp <= 0xFEFF);
    const bool digit = (cp >= ARABIC_INDIC_DIGIT_ZERO && cp <= ARABIC_INDIC_DIGIT_NINE) ||
                       (cp >= EXTENDED_ARABIC_INDIC_DIGIT_ZERO &&
                        cp <= EXTENDED_ARABIC_INDIC_DIGIT_NINE);
    return in_blocks && !digit;
}

}  // namespace akhbar::arabic
