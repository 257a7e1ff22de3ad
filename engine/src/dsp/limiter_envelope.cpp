#include "dsp/limiter_envelope.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint::dsp {
namespace {

// A release this close to its target is done: 1e-6 is -120 dB of gain.
constexpr float kReleaseSnap = 1e-6f;

}  // namespace

void LimiterEnvelope::prepare(double sampleRate, int hold, int attack, double releaseSeconds) {
    held_.prepare(hold);
    ring_.assign(static_cast<std::size_t>(std::max(attack, 1)), 1.0f);
    releaseCoefficient_ = static_cast<float>(std::exp(-1.0 / (releaseSeconds * sampleRate)));
    reset();
}

void LimiterEnvelope::reset() noexcept {
    held_.reset();
    released_ = 1.0f;
    std::fill(ring_.begin(), ring_.end(), 1.0f);
    position_ = 0;
    belowOne_ = 0;
    sum_ = static_cast<double>(ring_.size());
    gain_ = 1.0f;
}

float LimiterEnvelope::next(float required) noexcept {
    const float held = held_.push(required);
    if (held <= released_) {
        released_ = held;
    } else {
        released_ = held - (held - released_) * releaseCoefficient_;
        if (held - released_ <= kReleaseSnap) released_ = held;
    }
    float& slot = ring_[static_cast<std::size_t>(position_)];
    belowOne_ += (released_ < 1.0f ? 1 : 0) - (slot < 1.0f ? 1 : 0);
    sum_ += static_cast<double>(released_) - static_cast<double>(slot);
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
