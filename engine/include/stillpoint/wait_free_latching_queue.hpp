// WaitFreeLatchingQueue: a WaitFreeSpscQueue whose urgent values are never
// refused. Some requests must not be lost (a Stop, a Grounding): a full queue
// may refuse a pace change, never those. When the queue is full an urgent
// value latches instead: a wait-free atomic mark that remembers how many
// values had been queued before it, so the consumer hands it out at its
// place in the order, after exactly the values pushed before it.
//
// Real-time contract: tryPush (one producer thread) and tryPop / clear (one
// consumer thread, e.g. the audio thread) are wait-free, never allocate,
// never lock. A latch is one compare-exchange; repeated urgent values of one
// kind waiting together collapse into the earliest (they mean the same).
//
// `Urgency` says which values are urgent:
//   static constexpr std::size_t kLatches;        how many urgent kinds
//   static int latchOf(const T&) noexcept;        its kind, or -1 (may be refused)
//   static T latched(std::size_t kind) noexcept;  the value a kind stands for
// Kinds latched at the same place come out in kind order (put Stop last).
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

#include "stillpoint/wait_free_spsc_queue.hpp"

namespace stillpoint::rt {

template <typename T, std::size_t Capacity, typename Urgency>
class WaitFreeLatchingQueue {
  public:
    static constexpr std::size_t kCapacity = Capacity;

    /// Producer side. False only for a value that is not urgent, when full.
    bool tryPush(const T& value) noexcept {
        if (queue_.tryPush(value)) return true;
        const int kind = Urgency::latchOf(value);
        if (kind < 0) return false;
        // Stored as place + 1 (0: nothing latched); an earlier latch of the
        // same kind, not yet taken, already says it.
        std::uint64_t none = 0;
        latches_[static_cast<std::size_t>(kind)].compare_exchange_strong(
            none, queue_.pushedCount() + 1, std::memory_order_release, std::memory_order_relaxed);
        return true;
    }

    /// Consumer side. False when nothing is queued or latched.
    bool tryPop(T& value) noexcept {
        collectLatches();
        const std::uint64_t popped = queue_.poppedCount();
        int due = -1;
        for (std::size_t k = 0; k < Urgency::kLatches; ++k)
            if (taken_[k] != 0 && taken_[k] - 1 <= popped &&
                (due < 0 || taken_[k] < taken_[static_cast<std::size_t>(due)]))
                due = static_cast<int>(k);
        if (due >= 0) {
            taken_[static_cast<std::size_t>(due)] = 0;
            value = Urgency::latched(static_cast<std::size_t>(due));
            return true;
        }
        return queue_.tryPop(value);
    }

    /// Consumer side: drop everything queued and latched.
    void clear() noexcept {
        queue_.clear();
        for (std::size_t k = 0; k < Urgency::kLatches; ++k) {
            latches_[k].store(0, std::memory_order_relaxed);
            taken_[k] = 0;
        }
    }

  private:
    // Move what producers latched to the consumer's own record, keeping the
    // earliest place of each kind.
    void collectLatches() noexcept {
        for (std::size_t k = 0; k < Urgency::kLatches; ++k) {
            if (latches_[k].load(std::memory_order_relaxed) == 0) continue;
            const std::uint64_t place = latches_[k].exchange(0, std::memory_order_acquire);
            if (place != 0 && (taken_[k] == 0 || place < taken_[k])) taken_[k] = place;
        }
    }

    WaitFreeSpscQueue<T, Capacity> queue_;
    std::array<std::atomic<std::uint64_t>, Urgency::kLatches> latches_{};
    std::array<std::uint64_t, Urgency::kLatches> taken_{};  ///< consumer's own
};

}  // namespace stillpoint::rt
