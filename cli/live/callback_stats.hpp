// CallbackStats: every audio callback's duration, recorded into a ring that
// is allocated before the stream starts, summarized after it stops.
//
// Threads: `record` on the audio thread only (one writer; no allocation, no
// lock); `summarize` on the control thread after the stream has stopped.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace stillpoint::cli::live {

struct CallbackSummary {
    std::int64_t callbacks = 0;  ///< all of them; the shares cover the last `capacity`
    double medianShare = 0.0;    ///< callback time / block duration
    double p99Share = 0.0;
    double maxShare = 0.0;
};

class CallbackStats {
  public:
    /// Keeps the last `capacity` callbacks (the ring wraps on longer runs).
    explicit CallbackStats(std::size_t capacity);

    void record(double seconds, double budgetSeconds) noexcept {
        const auto n = count_.load(std::memory_order_relaxed);
        shares_[static_cast<std::size_t>(n) % shares_.size()] =
            static_cast<float>(seconds / budgetSeconds);
        count_.store(n + 1, std::memory_order_release);
    }

    CallbackSummary summarize() const;

  private:
    std::vector<float> shares_;
    std::atomic<std::int64_t> count_{0};
};

/// "callbacks 1234, median 0.81%, p99 2.10%, max 9.30% of the block's budget"
std::string describe(const CallbackSummary& summary);

}  // namespace stillpoint::cli::live
