// SeqlockValue: one writer thread publishes a trivially copyable value; any
// number of reader threads read the last complete copy, never a torn one.
//
// The writer never waits: it marks the sequence odd, stores the value word
// by word, and marks it even again. A reader copies the words and keeps the
// copy only when the sequence was even and unchanged around it; otherwise it
// tries again (the writer publishes once per audio block, so a retry is rare
// and short). The words are relaxed atomics, so the copy is race-free in the
// memory model (ThreadSanitizer agrees), not only in practice.
//
// Real-time contract: publish() is wait-free, never allocates, locks or throws.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace stillpoint::rt {

template <typename T>
class SeqlockValue {
    static_assert(std::is_trivially_copyable_v<T>, "values cross threads by copy");
    static constexpr std::size_t kWords =
        (sizeof(T) + sizeof(std::uint64_t) - 1) / sizeof(std::uint64_t);

  public:
    SeqlockValue() noexcept { publish(T{}); }

    /// Writer thread only.
    void publish(const T& value) noexcept {
        std::array<std::uint64_t, kWords> words{};
        std::memcpy(words.data(), &value, sizeof(T));
        const std::uint64_t seq = sequence_.load(std::memory_order_relaxed);
        sequence_.store(seq + 1, std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_release);
        for (std::size_t i = 0; i < kWords; ++i)
            words_[i].store(words[i], std::memory_order_relaxed);
        sequence_.store(seq + 2, std::memory_order_release);
    }

    /// Any thread: the last value published completely (a default T before the first).
    T read() const noexcept {
        std::array<std::uint64_t, kWords> words{};
        for (;;) {
            const std::uint64_t before = sequence_.load(std::memory_order_acquire);
            if ((before & 1u) != 0) continue;  // a publication is under way
            for (std::size_t i = 0; i < kWords; ++i)
                words[i] = words_[i].load(std::memory_order_relaxed);
            std::atomic_thread_fence(std::memory_order_acquire);
            if (sequence_.load(std::memory_order_relaxed) == before) break;
        }
        T value;
        std::memcpy(static_cast<void*>(&value), words.data(), sizeof(T));
        return value;
    }

    /// How many values were published (even: none under way). Any thread.
    std::uint64_t publications() const noexcept {
        return sequence_.load(std::memory_order_acquire) / 2;
    }

  private:
    alignas(64) std::atomic<std::uint64_t> sequence_{0};
    std::array<std::atomic<std::uint64_t>, kWords> words_{};
};

}  // namespace stillpoint::rt
