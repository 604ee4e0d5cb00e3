#pragma once
/// @file
/// One partition of a bulk build: a thread with its own databases and
/// analyzer, fed through its queue of the build's WorkQueues. It writes what it buffered when
/// the buffer reaches its share of the memory budget (or `commit_every`
/// articles), each time into a fresh database, a segment. A bulk build
/// writes one partition per thread and merges all segments with Xapian's
/// compactor at finish().

#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <xapian.h>

#include "akhbar/indexer/article.hpp"
#include "document_builder.hpp"
#include "work_queues.hpp"

namespace akhbar::detail {

/// When a partition writes out what it buffered.
struct FlushLimits {
    std::size_t articles = 0;  ///< at most this many articles per segment
    std::size_t bytes = 0;     ///< at most about this much buffered (DocumentBuilder's estimate)
    /// At most this many segments: past it, the partition's segments are
    /// compacted into one (each open segment holds a file per table, and the
    /// final merge opens every segment of every partition at once).
    std::size_t segments = 64;
};

/// Segments of all partitions together, at most: the final merge then opens
/// at most a few hundred files (glass: one per table), well under the usual
/// limit of 1,024 open files.
constexpr std::size_t MAX_SEGMENTS = 128;

/// What a partition is asked to do with an article.
struct PartitionWork {
    enum class Action : std::uint8_t { add, replace, remove };

    Article article;  ///< only its id for `remove`
    std::string hash;
    Action action = Action::add;
    std::uint64_t added = 0;  ///< DocumentBuilder::build()
};

/// Items waiting for each partition of a build: at most this many each.
constexpr std::size_t PARTITION_QUEUE_CAPACITY = 64;

using PartitionQueues = WorkQueues<PartitionWork>;

class BuildPartition {
public:
    /// Segments are written in the directory `dir`, which must not exist;
    /// the work is taken from queue `queue_index` of `queues`, which must outlive
    /// the partition.
    BuildPartition(std::filesystem::path dir, const Analyzer& analyzer, std::string_view profile,
                   FlushLimits limits, PartitionQueues& queues, std::size_t queue_index);
    BuildPartition(const BuildPartition&) = delete;
    BuildPartition& operator=(const BuildPartition&) = delete;
    /// Closes the queues (all of them: a build that loses a partition is
    /// abandoned) if close() was not called, and waits for the thread.
    ~BuildPartition();

    /// After the queues are closed: waits until the partition has written
    /// what its queue held and committed its last segment. Rethrows the
    /// partition's failure.
    void close();

    /// The segments written, in the order written (at least one, at most
    /// FlushLimits::segments); complete
    /// after close().
    [[nodiscard]] const std::vector<std::filesystem::path>& segments() const noexcept
    {
        return m_segments;
    }

    /// The spelling words of every article written, with their counts (after
    /// close(); the partition forgets them).
    [[nodiscard]] SpellingCounts take_spelling() noexcept { return m_builder.take_spelling(); }

private:
    void run();
    void write(const PartitionWork& work);
    void open_segment();
    void flush_segment();
    void compact_segments();
    void delete_from_earlier_segment(const std::string& id_term);

    std::filesystem::path m_dir;
    std::string m_profile;
    std::string m_stemmer;
    DocumentBuilder m_builder;
    FlushLimits m_limits;
    std::vector<std::filesystem::path> m_segments;
    Xapian::WritableDatabase m_db;  // the last segment, while open
    bool m_open = false;
    std::size_t m_compactions = 0;
    std::size_t m_buffered_articles = 0;
    std::size_t m_buffered_bytes = 0;
    PartitionQueues& m_queues;
    std::size_t m_queue_index;  // which of m_queues is this partition's
    std::exception_ptr m_error;  // set by the thread, read after joining it
    std::thread m_thread;
};

}  // namespace akhbar::detail
