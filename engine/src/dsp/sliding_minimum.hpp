// SlidingMinimum: the smallest of the last `window` values pushed, by the
// van Herk / Gil-Werman method: time is cut into blocks of `window` samples;
// the minimum over any window is min(suffix minimum of the previous block,
// prefix minimum of the current one). About three operations per push and
// no data-dependent branches (a limiter on noise would mispredict a
// monotonic queue's pops all the time); once per block the suffix minima are
// recomputed, O(window). Values are capped at 1 (gains), and a count of the
// values below 1 tells when the whole window is at 1.
//
// Real-time: prepare() allocates; push(), pushOnes() and reset() are noexcept,
// allocation-free and bounded (O(window) at most per call).
#pragma once

#include <algorithm>
#include <vector>

namespace stillpoint::dsp {

class SlidingMinimum {
  public:
    void prepare(int window) {
        window_ = std::max(window, 1);
        values_.assign(static_cast<std::size_t>(window_), 1.0f);
        suffix_.assign(static_cast<std::size_t>(window_) + 1, 1.0f);
        reset();
    }
    void reset() noexcept {
        std::fill(values_.begin(), values_.end(), 1.0f);
        std::fill(suffix_.begin(), suffix_.end(), 1.0f);
        prefix_ = 1.0f;
        position_ = 0;
        belowOne_ = 0;
    }
    /// Every value in the window is 1.
    bool allOnes() const noexcept { return belowOne_ == 0; }

    /// Push `value` (capped at 1); returns the minimum over the window ending with it.
    float push(float value) noexcept {
        if (position_ == 0) startBlock();
        const float v = std::min(value, 1.0f);
        float& slot = values_[static_cast<std::size_t>(position_)];  // leaves the window now
        belowOne_ += (v < 1.0f ? 1 : 0) - (slot < 1.0f ? 1 : 0);
        slot = v;
        prefix_ = std::min(prefix_, v);
        const float m = std::min(prefix_, suffix_[static_cast<std::size_t>(position_) + 1]);
        if (++position_ == window_) position_ = 0;
        return m;
    }
    /// Push `n` ones while allOnes(): the same state as n push(1.0f) calls.
    void pushOnes(int n) noexcept {
        std::fill(suffix_.begin(), suffix_.end(), 1.0f);
        prefix_ = 1.0f;
        position_ = static_cast<int>((position_ + static_cast<long long>(n)) % window_);
    }

  private:
    /// The block just completed is all of values_: take its suffix minima.
    void startBlock() noexcept {
        for (int k = window_ - 1; k >= 0; --k) {
            const auto i = static_cast<std::size_t>(k);
            suffix_[i] = std::min(values_[i], suffix_[i + 1]);
        }
        prefix_ = 1.0f;
    }

    std::vector<float> values_;  // the last `window` values, at time mod window
    std::vector<float> suffix_;  // suffix minima of the previous block; [window] = 1
    float prefix_ = 1.0f;        // minimum of the current block so far
    int position_ = 0;           // time mod window
    int belowOne_ = 0;
    int window_ = 1;
};

}  // namespace stillpoint::dsp
