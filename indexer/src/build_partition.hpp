#pragma once
/// @file
/// One partition of a bulk build: a thread with its own database and
/// analyzer, fed through a bounded queue. A bulk build writes one per
/// thread and merges them with Xapian's compactor at finish().

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

#include <xapian.h>

#include "akhbar/indexer/article.hpp"
#include "document_builder.hpp"

namespace akhbar::detail {

class BuildPartition {
public:
    BuildPartition(std::filesystem::path path, const Analyzer& analyzer, std::string_view profile,
                   std::size_t commit_every);
    BuildPartition(const BuildPartition&) = delete;
    BuildPartition& operator=(const BuildPartition&) = delete;
    ~BuildPartition();

    void push(Article article, std::string hash, bool replace, std::uint64_t added);

    /// Deletes the article with this id (written to this partition earlier).
    void remove(const std::string& id);

    /// Drains the queue, commits and closes the partition's database.
    void close();

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }

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

    std::filesystem::path m_path;
    DocumentBuilder m_builder;
    std::size_t m_commit_every;
    Xapian::WritableDatabase m_db;
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
