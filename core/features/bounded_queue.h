#pragma once
// A blocking queue of limited size between the threads of a pipeline: a producer waits while it
// is full, so that it never runs far ahead (memory stays small), and a consumer waits while it
// is empty. close() ends the stream in both directions: consumers drain what is left and then
// get nothing; producers' pushes fail at once, which is how a consumer that gave up (an error)
// stops the producers.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace sl::features {

template <typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity) : m_capacity(capacity > 0 ? capacity : 1) {}

    // Waits for room; false (and `item` dropped) once the queue is closed.
    bool push(T item)
    {
        {
            std::unique_lock lock(m_mutex);
            m_space.wait(lock, [&] { return m_closed || m_items.size() < m_capacity; });
            if (m_closed)
                return false;
            m_items.push_back(std::move(item));
        }
        m_ready.notify_one();
        return true;
    }

    // Waits for an item; nothing once the queue is closed and empty.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return m_closed || !m_items.empty(); });
        if (m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        lock.unlock();
        m_space.notify_one();
        return item;
    }

    void close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_all();
        m_space.notify_all();
    }

private:
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<T> m_items;
    bool m_closed = false;
};

}  // namespace sl::features
