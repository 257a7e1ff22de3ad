#include "dsp/master_envelope.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint {
namespace {

// The share of the fade at each end where the dB rate eases in or out.
constexpr double kEase = 0.1;

/// 0 -> 1 with zero slope at both ends and a constant slope between
/// (quadratic blends of width kEase): how far along the dB range the fade is.
double easedProgress(double u) noexcept {
    const double rate = 1.0 / (1.0 - kEase);  // the slope between the blends
    if (u < kEase) return rate * u * u / (2.0 * kEase);
    if (u > 1.0 - kEase) return 1.0 - rate * (1.0 - u) * (1.0 - u) / (2.0 * kEase);
    return rate * (u - 0.5 * kEase);
}

}  // namespace

double risingFadeGain(double u) noexcept {
    u = std::clamp(u, 0.0, 1.0);
    const double db = kFadeFloorDb * (1.0 - easedProgress(u));
    double gain = std::pow(10.0, db / 20.0);
    if (u < kEase) {
        // The floor rises out of true silence, with zero slope at the start.
        const double t = u / kEase;
        gain *= t * t * (3.0 - 2.0 * t);
    }
    return gain;
}

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
    const bool rising = to_ >= from_;
    for (; i < n && remaining_ > 0; ++i) {
        // Starts exactly at `from_`; reaches `to_` on the first sample after the ramp.
        const double u = 1.0 - static_cast<double>(remaining_--) / static_cast<double>(length_);
        // A fall is the rise played backwards, so it is even in dB too.
        const double shape = rising ? risingFadeGain(u) : 1.0 - risingFadeGain(1.0 - u);
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
