#include "searcher_pool.hpp"

namespace akhbar::server {

SearcherPool::SearcherPool(SearcherOptions options, std::size_t size)
    : m_options(std::move(options)), m_searchers(size)
{
    for (std::size_t slot = size; slot > 0; --slot) {
        m_free_slots.push_back(slot - 1);
    }
}

SearcherPool::Lease SearcherPool::borrow()
{
    std::unique_lock lock(m_mutex);
    m_free.wait(lock, [this] { return !m_free_slots.empty(); });
    const std::size_t slot = m_free_slots.back();
    m_free_slots.pop_back();
    return Lease(*this, slot);
}

void SearcherPool::give_back(std::size_t slot)
{
    {
        const std::lock_guard lock(m_mutex);
        m_free_slots.push_back(slot);
    }
    m_free.notify_one();
}

Searcher& SearcherPool::Lease::searcher()
{
    // The slot is this lease's alone: no lock needed to open it.
    std::optional<Searcher>& s = m_pool->m_searchers[m_slot];
    if (!s) {
        s.emplace(m_pool->m_options);
    }
    return *s;
}

}  // namespace akhbar::server
