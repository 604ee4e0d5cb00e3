#pragma once
/// @file
/// Analyzer profiles: named, versioned pipelines. The profile an index was
/// built with is recorded in it, and queries are analyzed with the same one.

#include <array>
#include <cstdint>
#include <string_view>

#include "akhbar/common/normalizer.hpp"

namespace akhbar {

/// Bumped whenever a change to normalization, segmentation, stopwords or
/// stemming can change the terms of any text, so that indexes built before
/// are detected as stale instead of silently mismatching their queries.
inline constexpr std::uint32_t ANALYZER_VERSION = 2;  // 2: akhbar uses light10-pronouns

/// Where the stopword test happens in the pipeline.
enum class StopwordStage : std::uint8_t {
    /// On the folded but not yet table-normalized form, with the list as
    /// written (Lucene's StopFilter runs before ArabicNormalizationFilter).
    before_table,
    /// On the fully normalized form, with the list normalized at load.
    after_table,
};

/// A complete analysis pipeline.
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
};

// clang-format off
inline constexpr AnalyzerProfile PROFILE_AKHBAR{
    "akhbar", "full Akhbar normalization, clitic splitting, light10 with pronoun suffixes",
    NormalizationScheme::akhbar, true, StopwordStage::after_table, "light10-pronouns"};
inline constexpr AnalyzerProfile PROFILE_LUCENE{
    "lucene", "exactly Lucene 8.7 ArabicAnalyzer (baseline)",
    NormalizationScheme::lucene, false, StopwordStage::before_table, "light10"};
inline constexpr AnalyzerProfile PROFILE_SNOWBALL{
    "snowball", "Akhbar normalization with Xapian's Snowball Arabic stemmer",
    NormalizationScheme::akhbar, true, StopwordStage::after_table, "snowball"};
inline constexpr AnalyzerProfile PROFILE_NONE{
    "none", "Akhbar normalization, no stemming",
    NormalizationScheme::akhbar, true, StopwordStage::after_table, "none"};
// clang-format on

inline constexpr std::array PROFILES{PROFILE_AKHBAR, PROFILE_LUCENE, PROFILE_SNOWBALL,
                                     PROFILE_NONE};

inline constexpr std::string_view DEFAULT_PROFILE = "akhbar";

/// The profile called `name`; throws InvalidArgument naming the valid names.
[[nodiscard]] const AnalyzerProfile& find_profile(std::string_view name);

}  // namespace akhbar
