#pragma once
/// @file
/// Arabic proclitics: the conjunctions, prepositions and article that are
/// written joined to the next word. Stock analyzers leave them glued to Latin
/// words and numbers (بـ5G, و2024, الـ18, وCOVID), which then match nothing;
/// Akhbar's segmenter splits them off using this table.

#include <array>
#include <string_view>

namespace akhbar::clitics {

/// Conjunctions و (and), ف (so); prepositions ب (with), ل (for), ك (as);
/// the article ال. A proclitic sequence is [conjunction] [preposition]
/// [article], in that order, not empty; ل + ال is written لل.
inline constexpr std::array<std::u32string_view, 2> CONJUNCTIONS{U"\u0648", U"\u0641"};
inline constexpr std::array<std::u32string_view, 3> PREPOSITIONS{U"\u0628", U"\u0644", U"\u0643"};
inline constexpr std::u32string_view ARTICLE = U"\u0627\u0644";
inline constexpr std::u32string_view LAM_ARTICLE = U"\u0644\u0644";  // ل + ال

/// True when `letters` (Arabic letters only, no tatweel or marks) is a whole
/// proclitic sequence such as و, بال, وللـ's ولل, فب.
[[nodiscard]] bool is_proclitic_sequence(std::u32string_view letters) noexcept;

}  // namespace akhbar::clitics
