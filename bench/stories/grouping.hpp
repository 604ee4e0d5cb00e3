#pragma once
/// @file
/// Story grouping as the indexer does it, simulated in memory: LSH candidates
/// (two articles sharing at least one story::band_key), an edge between two
/// candidates whose story::similarity() reaches the threshold, and stories as
/// the connected components of those edges (docs/stories.md).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "akhbar/common/story_signature.hpp"

namespace akhbar::story_bench {

/// Two items (indexes into the signature list, a < b) that share a band key,
/// with the similarity of their signatures.
struct ScoredPair {
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    double similarity = 0;
    bool follow_up = false;  ///< story::follow_up() of their filings
};

/// Every pair of items that share at least one band key, once each, ordered
/// by (a, b); `filings`, when given, one per item, mark the follow-ups. Items without a signature (an empty body) have no band key and
/// so no pair.
[[nodiscard]] std::vector<ScoredPair> candidate_pairs(
    const std::vector<std::optional<story::Signature>>& signatures,
    const std::vector<story::Filing>& filings = {});

/// The component of each of `items` items when the pairs of similarity
/// `threshold` or more (story::FOLLOW_UP_THRESHOLD or more for a follow-up,
/// when that is higher) are edges, as the indexer's story::threshold(): items i and j are in one story exactly when
/// component[i] == component[j]. A component's label is one of its items.
[[nodiscard]] std::vector<std::uint32_t> components(std::size_t items,
                                                    const std::vector<ScoredPair>& pairs,
                                                    double threshold);

/// The thresholds measured: 0.30 to 0.90 in steps of 0.05.
[[nodiscard]] std::vector<double> thresholds();

}  // namespace akhbar::story_bench
