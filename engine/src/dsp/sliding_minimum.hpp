// SlidingMinimum: the smallest of the last `window` values pushed, in O(1)
// amortised per push (a monotonic queue in a fixed ring). Values of 1 or more
// are never stored: the limiter only pushes gains <= 1, and an empty queue
// reads as 1, so when nothing is being limited the queue stays empty.
//
// Real-time: prepare() allocates the ring; push() and reset() are noexcept and
// allocation-free; a push does at most `window` pops and usually none.
#pragma once

#include <cstdint>
#include <vector>

namespace stillpoint::dsp {

class SlidingMinimum {
public:
    void prepare(int window) {
        window_ = window;
        std::size_t capacity = 1;
        while (capacity < static_cast<std::size_t>(window) + 1) capacity *= 2;
        slots_.assign(capacity, Slot{});
        mask_ = capacity - 1;
        reset();
    }
    void reset() noexcept {
        head_ = tail_ = 0;
        now_ = 0;
    }
    bool empty() const noexcept { return head_ == tail_; }

    /// Push `value` (<= 1); returns the minimum over the window ending with it.
    float push(float value) noexcept {
        ++now_;
        while (!empty() && now_ - front().time >= static_cast<std::uint32_t>(window_)) ++head_;
        if (value < 1.0f) {
            while (!empty() && back().value >= value) --tail_;
            slots_[tail_++ & mask_] = Slot{now_, value};
        }
        return empty() ? 1.0f : front().value;
    }
    /// Push `n` ones (for an idle stretch, when the queue is already empty).
    void pushOnes(int n) noexcept { now_ += static_cast<std::uint32_t>(n); }

private:
    struct Slot {
        std::uint32_t time = 0;  // wraps harmlessly: only differences are used
        float value = 1.0f;
    };
    const Slot& front() const noexcept { return slots_[head_ & mask_]; }
    const Slot& back() const noexcept { return slots_[(tail_ - 1) & mask_]; }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t head_ = 0, tail_ = 0;
    std::uint32_t now_ = 0;
    int window_ = 1;
};

}  // namespace stillpoint::dsp
