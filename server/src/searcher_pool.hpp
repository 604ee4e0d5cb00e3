#pragma once
// One akhbar::Searcher per request being served at once: a Searcher is not
// thread-safe (searcher.hpp), so each request borrows one for its duration.

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <vector>

#include "akhbar/searcher/searcher.hpp"

namespace akhbar::server {

/// `size` Searchers over the same databases, opened when first borrowed
/// (and again after opening failed), so that the server starts, and
/// answers 503, while a shard is down. Thread-safe.
class SearcherPool {
public:
    SearcherPool(SearcherOptions options, std::size_t size);

    /// A borrowed Searcher, given back when it goes out of scope.
    class Lease {
    public:
        Lease(SearcherPool& pool, std::size_t slot) : m_pool(&pool), m_slot(slot) {}
        ~Lease() { m_pool->give_back(m_slot); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;

        /// The Searcher, opened now if it is not yet. Throws IndexError
        /// (a database missing, a shard down without allow_partial) as the
        /// Searcher's constructor does; the next borrower tries again.
        Searcher& searcher();

    private:
        SearcherPool* m_pool;
        std::size_t m_slot;
    };

    /// Waits for a free Searcher (there are as many as worker threads, so
    /// a request never waits for long).
    [[nodiscard]] Lease borrow();

private:
    void give_back(std::size_t slot);

    SearcherOptions m_options;
    std::mutex m_mutex;
    std::condition_variable m_free;
    std::vector<std::optional<Searcher>> m_searchers;
    std::vector<std::size_t> m_free_slots;
};

}  // namespace akhbar::server
