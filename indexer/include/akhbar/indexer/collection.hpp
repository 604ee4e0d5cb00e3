#pragma once
/// @file
/// One indexing run over a collection: what `akhbar-index PATH...` does.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "akhbar/indexer/indexer.hpp"
#include "akhbar/indexer/sources.hpp"

namespace akhbar {

struct IndexRunOptions {
    /// Directories, files, or "-" for JSON Lines on standard input.
    std::vector<std::string> paths;
    /// Remove articles whose source file is gone, and articles no longer in
    /// a source file that was read without problems. Only origins under the
    /// given paths are considered.
    bool prune = false;
    /// Stop at the first problem: index_collection() throws CorpusError.
    bool strict = false;
    /// Set from another thread (a signal handler) to stop early: what was
    /// indexed so far is kept, pruning is skipped. Reading stops at the next
    /// wait for input (within 200 ms, at once when the signal interrupts the
    /// wait) or the next 64 KiB read; the complete lines already read are
    /// indexed.
    const std::atomic<bool>* cancel = nullptr;
};

struct Progress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::size_t articles = 0;
    std::uintmax_t bytes_done = 0;
    std::uintmax_t bytes_total = 0;  ///< 0 when reading standard input
};

struct IndexRunSummary {
    std::size_t files = 0;
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t deleted = 0;
    std::size_t skipped = 0;   ///< input that produced no article
    std::size_t repaired = 0;  ///< articles indexed with a problem repaired
    std::map<std::string, std::size_t> skipped_reasons;
    std::map<std::string, std::size_t> repaired_reasons;
    bool interrupted = false;
    std::chrono::duration<double> elapsed{};

    [[nodiscard]] bool changed() const noexcept { return added + updated + deleted > 0; }
    /// Counts what Indexer::put() did to one article.
    void count(Indexer::Outcome outcome) noexcept
    {
        switch (outcome) {
        case Indexer::Outcome::added:
            ++added;
            break;
        case Indexer::Outcome::updated:
            ++updated;
            break;
        case Indexer::Outcome::unchanged:
            ++unchanged;
            break;
        }
    }
    [[nodiscard]] bool had_problems() const noexcept { return skipped + repaired > 0; }
};

/// Receives what a run has to say; the library prints nothing itself.
class AKHBAR_API IndexRunObserver {
public:
    virtual ~IndexRunObserver() = default;
    virtual void on_problem(const Problem& /*problem*/) {}
    virtual void on_progress(const Progress& /*progress*/) {}
};

/// Reads every source under `options.paths` into `writer` and commits.
/// An id read twice in the run is reported (not skipped: the later article
/// replaces the earlier, as a re-run would) with both places.
/// Does not call writer.finish(): the caller decides (so a strict run that
/// throws can abandon instead). Throws CorpusError in strict mode at the
/// first problem; IndexError/Xapian failures propagate.
AKHBAR_API IndexRunSummary index_collection(Indexer& writer, const IndexRunOptions& options,
                                            IndexRunObserver& observer);

}  // namespace akhbar
