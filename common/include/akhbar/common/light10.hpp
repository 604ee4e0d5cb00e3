#pragma once
/// @file
/// light10, the Arabic light stemmer of Larkey, Ballesteros & Connell, "Light
/// Stemming for Arabic Information Retrieval" (2007), exactly as Apache Lucene
/// 8.7 implements it (ArabicStemmer): at most one prefix, the first that matches
/// in table order; then one pass over the suffix table in order, each matching
/// suffix removed from the current end. Lengths count code points of the
/// already-normalized word. The stemmer works on UTF-16, the analyzer's own
/// form (ICU's), where each affix letter is one code unit.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace akhbar::light10 {

/// An affix and the minimum word length (in code points, affix included) for
/// it to be removed.
struct Affix {
    std::string_view name;
    /// Arabic letters only, all in the BMP: one UTF-16 unit each.
    std::u16string_view text;
    std::size_t min_length;
};

// clang-format off
inline constexpr Affix PREFIX_AL {"prefix-al",  u"\u0627\u0644",       4};  // ال
inline constexpr Affix PREFIX_WAL{"prefix-wal", u"\u0648\u0627\u0644", 5};  // وال
inline constexpr Affix PREFIX_BAL{"prefix-bal", u"\u0628\u0627\u0644", 5};  // بال
inline constexpr Affix PREFIX_KAL{"prefix-kal", u"\u0643\u0627\u0644", 5};  // كال
inline constexpr Affix PREFIX_FAL{"prefix-fal", u"\u0641\u0627\u0644", 5};  // فال
inline constexpr Affix PREFIX_LL {"prefix-ll",  u"\u0644\u0644",       4};  // لل
/// The single-letter prefix needs three letters to remain (Lucene: len >= 4).
inline constexpr Affix PREFIX_WA {"prefix-wa",  u"\u0648",             4};  // و

inline constexpr Affix SUFFIX_HA {"suffix-ha",  u"\u0647\u0627", 4};  // ها
inline constexpr Affix SUFFIX_AN {"suffix-an",  u"\u0627\u0646", 4};  // ان
inline constexpr Affix SUFFIX_AT {"suffix-at",  u"\u0627\u062A", 4};  // ات
inline constexpr Affix SUFFIX_WN {"suffix-wn",  u"\u0648\u0646", 4};  // ون
inline constexpr Affix SUFFIX_YN {"suffix-yn",  u"\u064A\u0646", 4};  // ين
inline constexpr Affix SUFFIX_YH {"suffix-yh",  u"\u064A\u0647", 4};  // يه
inline constexpr Affix SUFFIX_YP {"suffix-yp",  u"\u064A\u0629", 4};  // ية
inline constexpr Affix SUFFIX_H  {"suffix-h",   u"\u0647",       3};  // ه
inline constexpr Affix SUFFIX_P  {"suffix-p",   u"\u0629",       3};  // ة
inline constexpr Affix SUFFIX_Y  {"suffix-y",   u"\u064A",       3};  // ي
// clang-format on

/// Order is behaviour: do not sort.
inline constexpr std::array PREFIXES{PREFIX_AL, PREFIX_WAL, PREFIX_BAL, PREFIX_KAL,
                                     PREFIX_FAL, PREFIX_LL, PREFIX_WA};
inline constexpr std::array SUFFIXES{SUFFIX_HA, SUFFIX_AN, SUFFIX_AT, SUFFIX_WN, SUFFIX_YN,
                                     SUFFIX_YH, SUFFIX_YP, SUFFIX_H,  SUFFIX_P,  SUFFIX_Y};

// Possessive and object pronoun suffixes, which light10 leaves on the word
// (قلوبهم, أعمالكم, ربنا). Akhbar's stemmer `light10-pronouns` removes at most
// one of them, after light10's prefix and before its suffixes, when at least
// three letters remain. Measured (docs/relevance.md): QRCD dev and train
// MAP@10 +0.006 each, known-item MRR@10 +0.001.
// clang-format off
inline constexpr Affix SUFFIX_HUMA {"suffix-huma",  u"\u0647\u0645\u0627", 6};  // هما
inline constexpr Affix SUFFIX_KUMA {"suffix-kuma",  u"\u0643\u0645\u0627", 6};  // كما
inline constexpr Affix SUFFIX_HUM  {"suffix-hum",   u"\u0647\u0645",       5};  // هم
inline constexpr Affix SUFFIX_HUNNA{"suffix-hunna", u"\u0647\u0646",       5};  // هن
inline constexpr Affix SUFFIX_KUM  {"suffix-kum",   u"\u0643\u0645",       5};  // كم
inline constexpr Affix SUFFIX_KUNNA{"suffix-kunna", u"\u0643\u0646",       5};  // كن
inline constexpr Affix SUFFIX_NA   {"suffix-na",    u"\u0646\u0627",       5};  // نا
// clang-format on

/// Longest first: هما before هم.
inline constexpr std::array PRONOUN_SUFFIXES{SUFFIX_HUMA, SUFFIX_KUMA, SUFFIX_HUM, SUFFIX_HUNNA,
                                             SUFFIX_KUM,  SUFFIX_KUNNA, SUFFIX_NA};

// light10 removes a one-letter suffix (ه ة ي) when two letters remain, which
// joins unrelated words of three letters to two-letter stems: سنة (year) with
// سن (age), علي (a name) with عل. `light10-pronouns` removes one only when
// three letters remain, as for the pronouns. Measured (docs/relevance.md):
// QRCD train MAP@10 +0.004, known-item MRR@10 +0.001, dev unchanged.
inline constexpr std::size_t MIN_STEM_AFTER_ONE_LETTER_SUFFIX = 3;

// light10 strips a leading و as the conjunction, also where it is the word's
// first radical: وزير → زير, وزارة → زار, ولاية → لاي, وصايا → صايا, so وزير
// and زير (a jar) share a stem while وزير and الوزير do not. `light10-pronouns`
// keeps the و of a word that is, as written, a noun beginning with و in the
// Arabic Hunspell dictionary (common/data/waw_nouns.txt); the word's suffixes
// go as usual. Conjunction + word keeps light10's treatment: وقال → قال,
// ووزير → وزير. A frozen list, so that documents and queries stem alike
// whatever the collection. Also looking up the word less its suffixes
// (وزيرها) cost QRCD train MAP@10 0.005 (docs/relevance.md).

/// True when `normalized` (akhbar-normalized) is one of those nouns.
[[nodiscard]] bool is_waw_noun(std::u16string_view normalized);

/// light10 on a word in valid UTF-16: what remains of `word` once its
/// affixes are removed, a part of `word` itself (light10 only cuts), so
/// the analyzer stems without a copy.
[[nodiscard]] std::u16string_view strip(std::u16string_view word) noexcept;

/// light10 with one pronoun suffix removed between its prefix and suffix
/// steps, a one-letter suffix removed only when three letters remain, and
/// the radical و of the nouns above kept; valid UTF-16 in, a part of it out.
[[nodiscard]] std::u16string_view strip_with_pronouns(std::u16string_view word);

/// strip_with_pronouns() of a UTF-8 word; throws Utf8Error on invalid input.
[[nodiscard]] std::string stem_with_pronouns(std::string_view word);

/// strip() of a UTF-8 word; throws Utf8Error on invalid input.
[[nodiscard]] std::string stem(std::string_view word);

}  // namespace akhbar::light10
