#pragma once
/// @file
/// The bounded queues between one feeder thread and several consumer
/// threads, a queue per consumer: a bulk build's reader and its partitions.
/// One thread pushes, and each queue has one consumer (its busy flag is that
/// consumer's).
/// A new item goes to the queue with the least work that has room, and the
/// feeder waits only while every queue is full. Profiled (per-thread CPU of
/// a full ANT build, docs/findings-speed.md): with a lone queue per
/// partition, the feeder chose one, blocked on it while its partition wrote
/// a segment (1-2 s), and the other partition ran dry and idled meanwhile.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace akhbar::detail {

template <class Item>
class WorkQueues {
public:
    /// `queues` queues of at most `capacity` items each (both at least 1).
    WorkQueues(std::size_t queues, std::size_t capacity)
        : m_queues(queues), m_capacity(capacity)
    {
        if (queues == 0 || capacity == 0) {
            throw std::invalid_argument("WorkQueues: no queue, or no room in one");
        }
    }

    [[nodiscard]] std::size_t queue_count() const noexcept { return m_queues.size(); }

    /// Puts `item` into the queue with the least work (items waiting, plus
    /// one while its consumer holds one) among those with room, waiting
    /// while every queue is full; ties go round the queues. Returns the
    /// queue's index. Rethrows a consumer's failure.
    std::size_t push_any(Item item)
    {
        std::unique_lock lock(m_mutex);
        check_open_locked();
        std::size_t chosen = m_queues.size();
        m_room.wait(lock, [&] {
            chosen = least_work_with_room();
            return chosen < m_queues.size() || m_error;
        });
        rethrow_locked();
        put_locked(chosen, std::move(item));
        m_next = chosen + 1;
        return chosen;
    }

    /// Puts `item` into queue `i`, waiting for room there. Rethrows a
    /// consumer's failure.
    void push_to(std::size_t i, Item item)
    {
        std::unique_lock lock(m_mutex);
        check_open_locked();
        m_room.wait(lock, [&] { return m_queues[i].items.size() < m_capacity || m_error; });
        rethrow_locked();
        put_locked(i, std::move(item));
    }

    /// The next item of queue `i`, waiting for one; nothing once the queues
    /// are closed and queue `i` is empty, or once a consumer failed.
    std::optional<Item> pop(std::size_t i)
    {
        std::unique_lock lock(m_mutex);
        Queue& q = m_queues[i];
        q.busy = false;
        q.has_items.wait(lock, [&] { return !q.items.empty() || m_closed || m_error; });
        if (q.items.empty() || m_error) {
            return std::nullopt;
        }
        std::optional<Item> item(std::move(q.items.front()));
        q.items.pop_front();
        q.busy = true;
        m_room.notify_all();
        return item;
    }

    /// No more items: each consumer gets what remains in its queue, then
    /// nothing.
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        wake_consumers_locked();
    }

    /// A consumer failed: the items waiting are dropped, pushes rethrow
    /// `error` (the first one given), pops return nothing.
    void fail(std::exception_ptr error)
    {
        std::lock_guard lock(m_mutex);
        if (!m_error) {
            m_error = std::move(error);
        }
        for (Queue& q : m_queues) {
            q.items.clear();
        }
        m_room.notify_all();
        wake_consumers_locked();
    }

private:
    struct Queue {
        std::deque<Item> items;
        bool busy = false;
        std::condition_variable has_items;
    };

    std::size_t least_work_with_room() const
    {
        std::size_t best = m_queues.size();
        std::size_t best_work = 0;
        for (std::size_t k = 0; k < m_queues.size(); ++k) {
            const std::size_t i = (m_next + k) % m_queues.size();
            const Queue& q = m_queues[i];
            const std::size_t work = q.items.size() + (q.busy ? 1 : 0);
            if (q.items.size() < m_capacity && (best == m_queues.size() || work < best_work)) {
                best = i;
                best_work = work;
            }
        }
        return best;
    }

    void put_locked(std::size_t i, Item&& item)
    {
        m_queues[i].items.push_back(std::move(item));
        m_queues[i].has_items.notify_one();
    }

    void wake_consumers_locked()
    {
        for (Queue& q : m_queues) {
            q.has_items.notify_all();
        }
    }

    void check_open_locked() const
    {
        if (m_closed) {
            throw std::logic_error("WorkQueues: an item pushed after close()");
        }
    }

    void rethrow_locked() const
    {
        if (m_error) {
            std::rethrow_exception(m_error);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_room;  // an item was taken, or a consumer failed
    std::vector<Queue> m_queues;
    std::size_t m_capacity;
    std::size_t m_next = 0;  // where the next tie-break starts
    bool m_closed = false;
    std::exception_ptr m_error;
};

}  // namespace akhbar::detail
