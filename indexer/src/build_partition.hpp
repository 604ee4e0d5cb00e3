#pragma once
/// @file
/// One partition of a bulk build: a thread with its own databases and
/// analyzer, fed through a bounded queue. It writes what it buffered when
/// the buffer reaches its share of the memory budget (or `commit_every`
/// articles), each time into a fresh database, a segment. A bulk build
/// writes one partition per thread and merges all segments with Xapian's
/// compactor at finish().

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <xapian.h>

#include "akhbar/indexer/article.hpp"
#include "document_builder.hpp"

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

class BuildPartition {
public:
    /// Segments are written in the directory `dir`, which must not exist.
    BuildPartition(std::filesystem::path dir, const Analyzer& analyzer, std::string_view profile,
                   FlushLimits limits);
    BuildPartition(const BuildPartition&) = delete;
    BuildPartition& operator=(const BuildPartition&) = delete;
    ~BuildPartition();

    void push(Article article, std::string hash, bool replace, std::uint64_t added);

    /// Deletes the article with this id (written to this partition earlier).
    void remove(const std::string& id);

    /// Drains the queue, commits and closes the partition's last segment.
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

    /// Articles waiting or being written; the feeder gives new articles to
    /// the least busy partition.
    [[nodiscard]] std::size_t backlog();

private:
    enum class Action : std::uint8_t { add, replace, remove };

    struct Item {
        Article article;
        std::string hash;
        Action action = Action::add;
        std::uint64_t added = 0;  // DocumentBuilder::build()
    };

    void enqueue(Item item);
    void close_queue();
    void rethrow_locked();
    void run();
    void write(const Item& item);
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
    std::mutex m_mutex;
    std::condition_variable m_not_empty;
    std::condition_variable m_not_full;
    std::deque<Item> m_queue;
    bool m_closing = false;
    bool m_working = false;
    std::exception_ptr m_error;
    std::thread m_thread;
};

}  // namespace akhbar::detail
