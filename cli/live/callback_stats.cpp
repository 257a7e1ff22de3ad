#include "callback_stats.hpp"

#include <algorithm>
#include <cstdio>

namespace stillpoint::cli::live {

CallbackStats::CallbackStats(std::size_t capacity)
    : shares_(std::max<std::size_t>(capacity, 1), 0.0f) {}

CallbackSummary CallbackStats::summarize() const {
    CallbackSummary s;
    s.callbacks = count_.load(std::memory_order_acquire);
    const auto kept = static_cast<std::size_t>(
        std::min<std::int64_t>(s.callbacks, static_cast<std::int64_t>(shares_.size())));
    if (kept == 0) return s;
    std::vector<float> sorted(shares_.begin(), shares_.begin() + static_cast<std::ptrdiff_t>(kept));
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&](double q) {
        return sorted[static_cast<std::size_t>(q * static_cast<double>(kept - 1) + 0.5)];
    };
    s.medianShare = at(0.5);
    s.p99Share = at(0.99);
    s.maxShare = sorted.back();
    return s;
}

std::string describe(const CallbackSummary& s) {
    char text[160];
    std::snprintf(text, sizeof text,
                  "callbacks %lld, median %.2f%%, p99 %.2f%%, max %.2f%% of the block's budget",
                  static_cast<long long>(s.callbacks), 100.0 * s.medianShare, 100.0 * s.p99Share,
                  100.0 * s.maxShare);
    return text;
}

}  // namespace stillpoint::cli::live
