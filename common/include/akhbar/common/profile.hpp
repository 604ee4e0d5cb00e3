#pragma once
/// @file
/// Analyzer profiles: named, versioned pipelines. The profile an index was
/// built with is recorded in it, and queries are analyzed with the same one.

#include <array>
#include <cstdint>
#include <string_view>

#include "akhbar/common/normalizer.hpp"
#include "akhbar/common/ranking.hpp"

namespace akhbar {

/// Bumped whenever a change to normalization, segmentation, stopwords or
/// stemming can change the terms of any text, so that indexes built before
/// are detected as stale instead of silently mismatching their queries.
// 2: akhbar uses light10-pronouns; 3: its one-letter suffixes leave three
// letters; 4: it keeps the radical و of the nouns in common/data/waw_nouns.txt;
// 5: lucene counts a title word once and its S term not at all in the length, and
// records the order of addition (schema::SLOT_ADDED) for Lucene's tie order, and
// no longer indexes runs of "_" (Lucene's StandardTokenizer does not)
inline constexpr std::uint32_t ANALYZER_VERSION = 5;

/// Where the stopword test happens in the pipeline.
enum class StopwordStage : std::uint8_t {
    /// On the folded but not yet table-normalized form, with the list as
    /// written (Lucene's StopFilter runs before ArabicNormalizationFilter).
    before_table,
    /// On the fully normalized form, with the list normalized at load.
    after_table,
};

/// A complete analysis pipeline, and how its matches are ranked.
struct AnalyzerProfile {
    std::string_view name;
    std::string_view description;
    NormalizationScheme normalization;
    /// Split proclitics glued to Latin letters or digits (بـ5G → 5g) and drop
    /// tatweel-marked proclitics standing alone (لـ"أكسيوس" → أكسيوس).
    bool split_clitics;
    StopwordStage stopword_stage;
    /// One of STEMMER_NAMES.
    std::string_view stemmer;
    RankingScheme ranking;
    /// Query side only: a query word also matches every word of the
    /// collection whose stem this second stemmer (one of STEMMER_NAMES)
    /// reduces to the same form, as one synonym (empty: no expansion).
    /// The index is unchanged, so it can be tuned without a rebuild.
    std::string_view expansion_stemmer;
    /// Query side only: a query word also matches, at a low weight, every
    /// word of the collection with the same Arabic root (roots.hpp): broken
    /// plurals, verb forms and derived nouns (قلوب and قلب, مكتوب and كاتب).
    bool root_classes;
    /// Query side only: words that ask rather than describe, question words
    /// (هل كيف ماذا لماذا متى أين كم) and personal pronouns (هم هن هما نحن
    /// أنا أنتم أنتن أنتما), are ignored, as stopwords are, in a query that
    /// has other words.
    bool drop_query_filler;
    /// Query side only: a query word also matches the spellings of the same
    /// name or loanword in the collection (variants.hpp: ترامب and ترمب),
    /// weighted below the word as typed.
    bool name_variants;
};

// clang-format off
inline constexpr AnalyzerProfile PROFILE_AKHBAR{
    "akhbar", "full Akhbar normalization, clitic splitting, light10 with pronoun suffixes, "
    "Snowball stem classes, root classes, name variants, lead and proximity rescoring",
    NormalizationScheme::akhbar, true, StopwordStage::after_table, "light10-pronouns",
    RankingScheme::akhbar, "snowball", true, true, true};
inline constexpr AnalyzerProfile PROFILE_LUCENE{
    "lucene", "exactly Lucene 8.7 ArabicAnalyzer with Lucene's BM25 (baseline)",
    NormalizationScheme::lucene, false, StopwordStage::before_table, "light10",
    RankingScheme::lucene_bm25, "", false, false, false};
inline constexpr AnalyzerProfile PROFILE_SNOWBALL{
    "snowball", "Akhbar normalization with Xapian's Snowball Arabic stemmer and BM25",
    NormalizationScheme::akhbar, true, StopwordStage::after_table, "snowball",
    RankingScheme::bm25, "", false, false, false};
inline constexpr AnalyzerProfile PROFILE_NONE{
    "none", "Akhbar normalization and ranking, no stemming",
    NormalizationScheme::akhbar, true, StopwordStage::after_table, "none",
    RankingScheme::akhbar, "", false, false, false};
// clang-format on

inline constexpr std::array PROFILES{PROFILE_AKHBAR, PROFILE_LUCENE, PROFILE_SNOWBALL,
                                     PROFILE_NONE};

inline constexpr std::string_view DEFAULT_PROFILE = "akhbar";

/// The profile called `name`; throws InvalidArgument naming the valid names.
[[nodiscard]] const AnalyzerProfile& find_profile(std::string_view name);

}  // namespace akhbar
