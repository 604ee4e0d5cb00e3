#pragma once
// What the targets of a Searcher hold (Searcher::stats()). Internal header.

#include "akhbar/searcher/index_stats.hpp"
#include "search_targets.hpp"

namespace akhbar::detail {

/// Counts the articles, dates and sources of `opened` (every article once,
/// in one pass of match spies, which remote targets run too) and reads
/// their build metadata, revisions and sizes on disk.
[[nodiscard]] IndexStats collection_stats(const OpenTargets& opened);

}  // namespace akhbar::detail
