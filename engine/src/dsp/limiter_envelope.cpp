#include "dsp/limiter_envelope.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint::dsp {
namespace {

// A release this close to its target is done: the last 1e-4 (0.001 dB) is
// inaudible, and snapping lets the gain return to exactly 1 within ~9 time
// constants instead of creeping for ever.
constexpr double kReleaseSnap = 1e-4;

}  // namespace

void LimiterEnvelope::prepare(double sampleRate, int hold, int attack, double releaseSeconds) {
    held_.prepare(hold);
    ring_.assign(static_cast<std::size_t>(std::max(attack, 1)), 1.0);
    releaseCoefficient_ = std::exp(-1.0 / (releaseSeconds * sampleRate));
    reset();
}

void LimiterEnvelope::reset() noexcept {
    held_.reset();
    released_ = 1.0;
    std::fill(ring_.begin(), ring_.end(), 1.0);
    position_ = 0;
    belowOne_ = 0;
    sum_ = static_cast<double>(ring_.size());
    gain_ = 1.0f;
}

float LimiterEnvelope::next(float required) noexcept {
    const double held = held_.push(required);
    if (held <= released_) {
        released_ = held;
    } else {
        released_ = held - (held - released_) * releaseCoefficient_;
        if (held - released_ <= kReleaseSnap) released_ = held;
    }
    double& slot = ring_[static_cast<std::size_t>(position_)];
    belowOne_ += (released_ < 1.0 ? 1 : 0) - (slot < 1.0 ? 1 : 0);
    sum_ += released_ - slot;
    slot = released_;
    if (++position_ == static_cast<int>(ring_.size())) position_ = 0;
    if (belowOne_ == 0) sum_ = static_cast<double>(ring_.size());
    gain_ = static_cast<float>(sum_ / static_cast<double>(ring_.size()));
    return gain_;
}

void LimiterEnvelope::skipIdle(int n) noexcept {
    held_.pushOnes(n);
    position_ = static_cast<int>((position_ + static_cast<long long>(n)) % static_cast<long long>(ring_.size()));
}

}  // namespace stillpoint::dsp
