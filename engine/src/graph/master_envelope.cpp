#include "graph/master_envelope.hpp"

#include <cmath>
#include <numbers>

namespace stillpoint {

void MasterEnvelope::rampTo(float target, std::int64_t frames) noexcept {
    if (frames <= 0) {
        snapTo(target);
        return;
    }
    from_ = level_;
    to_ = target;
    length_ = frames;
    remaining_ = frames;
}

void MasterEnvelope::snapTo(float level) noexcept {
    level_ = from_ = to_ = level;
    remaining_ = 0;
}

void MasterEnvelope::apply(float* left, float* right, int n) noexcept {
    int i = 0;
    for (; i < n && remaining_ > 0; ++i) {
        // Starts exactly at `from_`; reaches `to_` on the first sample after the ramp.
        const double u = 1.0 - static_cast<double>(remaining_--) / static_cast<double>(length_);
        const double shape = 0.5 - 0.5 * std::cos(std::numbers::pi * u);
        level_ = from_ + (to_ - from_) * static_cast<float>(shape);
        left[i] *= level_;
        right[i] *= level_;
    }
    if (remaining_ == 0) level_ = to_;
    if (level_ == 1.0f) return;
    for (; i < n; ++i) {
        left[i] *= level_;
        right[i] *= level_;
    }
}

}  // namespace stillpoint
