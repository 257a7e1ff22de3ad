#include "dsp/duck_envelope.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint::dsp {

void DuckEnvelope::prepare(double sampleRate, double depthDb, double attackSeconds,
                           double releaseSeconds) {
    floor_ = static_cast<float>(std::pow(10.0, -std::abs(depthDb) / 20.0));
    const float range = 1.0f - floor_;
    down_ = range / static_cast<float>(std::max(1.0, attackSeconds * sampleRate));
    up_ = range / static_cast<float>(std::max(1.0, releaseSeconds * sampleRate));
    reset();
}

void DuckEnvelope::reset() noexcept {
    value_ = 1.0f;
    speaking_ = false;
}

void DuckEnvelope::fill(float* dst, int n) noexcept {
    for (int i = 0; i < n; ++i) {
        value_ = speaking_ ? std::max(floor_, value_ - down_) : std::min(1.0f, value_ + up_);
        dst[i] = value_;
    }
}

}  // namespace stillpoint::dsp
