// WaitFreeSpscQueue: a fixed-capacity queue for exactly one producer thread
// and one consumer thread. Both push and pop are wait-free and never
// allocate; push reports "full" instead of blocking. Commands reach the audio
// thread and events leave it through these.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <type_traits>

namespace stillpoint::rt {

template <typename T, std::size_t Capacity>
class WaitFreeSpscQueue {
    static_assert(std::is_trivially_copyable_v<T>, "values cross threads by copy");
    static_assert(Capacity >= 2 && (Capacity & (Capacity - 1)) == 0, "capacity: a power of two");

  public:
    static constexpr std::size_t kCapacity = Capacity;

    /// Producer side. False when full; the value is not queued.
    bool tryPush(const T& value) noexcept {
        const std::size_t head = head_.load(std::memory_order_relaxed);
        if (head - tail_.load(std::memory_order_acquire) == Capacity) return false;
        slots_[head & (Capacity - 1)] = value;
        head_.store(head + 1, std::memory_order_release);
        return true;
    }

    /// Consumer side. False when empty.
    bool tryPop(T& value) noexcept {
        const std::size_t tail = tail_.load(std::memory_order_relaxed);
        if (tail == head_.load(std::memory_order_acquire)) return false;
        value = slots_[tail & (Capacity - 1)];
        tail_.store(tail + 1, std::memory_order_release);
        return true;
    }

    /// How many values were ever pushed (any thread; exact on the producer's).
    std::size_t pushedCount() const noexcept { return head_.load(std::memory_order_acquire); }
    /// How many values were ever popped (exact on the consumer's thread).
    std::size_t poppedCount() const noexcept { return tail_.load(std::memory_order_relaxed); }

    /// Consumer side: drop everything queued.
    void clear() noexcept {
        tail_.store(head_.load(std::memory_order_acquire), std::memory_order_release);
    }

  private:
    std::array<T, Capacity> slots_{};
    alignas(64) std::atomic<std::size_t> head_{0};
    alignas(64) std::atomic<std::size_t> tail_{0};
};

}  // namespace stillpoint::rt
