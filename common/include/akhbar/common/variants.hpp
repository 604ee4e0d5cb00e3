#pragma once
/// @file
/// Spelling variants of names and loanwords. News transliterates foreign names
/// freely (ترامب/ترمب, أبراهام/إبراهيم, غوغل/جوجل, فيسبوك/فايسبوك); no stock
/// analyzer joins them. Two stems are variants of each other when they have the
/// same variant key and are not both words of the language (the Arabic Hunspell
/// dictionary): كتاب and كتب share a key but never meet. docs/analyzer.md.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::variants {

/// Keys shorter than this (in letters) join nothing: a short skeleton is
/// shared by too many unrelated names (بوش, بش...).
inline constexpr std::size_t MIN_KEY_LETTERS = 3;

/// The variant key of `stem` (a stem or a normalized word of the akhbar
/// profile, UTF-8): its letters with the long vowels and hamza ا و ي ء
/// dropped except as its first or last letter (ترامب and ترمب → ترمب,
/// ابراهام and ابراهيم → ابرهم), and the letters that transliterate g
/// (غ ج ق ك) written as one (غوغل and جوجل, كونغرس and كونجرس). Empty when
/// the key would have fewer than MIN_KEY_LETTERS letters, or when `stem` has
/// a letter that is not Arabic (a Latin word or a number has no variants).
/// Throws Utf8Error for invalid UTF-8.
[[nodiscard]] std::string variant_key(std::string_view stem);

/// The first letters a stem can have when its variant key starts with
/// `first` (a key's first letter): `first` itself, or all four of غ ج ق ك
/// for غ. A key keeps its stem's first letter, so a key's group is found
/// among the stems starting with these letters only.
[[nodiscard]] std::vector<char32_t> first_letters(char32_t first);

/// Whether `stem` is the stem of a word of the Arabic Hunspell dictionary
/// (common/data/dictionary_stems.txt, made by make_dictionary_stems.sh).
[[nodiscard]] bool in_dictionary(std::string_view stem);

/// Whether `stem` is taken for a word of the language: in the dictionary,
/// or reducing to the ISRI root or the Snowball stem of a dictionary word,
/// itself or after a first letter that can be a proclitic (و ف ب ك ل س).
[[nodiscard]] bool native(std::string_view stem);

/// Whether the stems `a` and `b` are spelling variants of one name: different,
/// of four letters or more, with the same non-empty key (not a three-letter
/// key starting with a proclitic's letter), and either neither native(), or
/// a key of five letters or more and at most one of them native(). So
/// ترامب/ترمب and أبراهام/إبراهيم meet, كتاب/كتب and طلبت/طالبت do not.
[[nodiscard]] bool meet(std::string_view a, std::string_view b);

}  // namespace akhbar::variants
