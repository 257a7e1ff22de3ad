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
    inverseLength_ = 1.0 / static_cast<double>(ring_.size());
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

void LimiterEnvelope::run(const float* required, float* gain, int n) noexcept {
    // Locals: the gains written could alias members, which would pin the
    // state to memory.
    double released = released_, sum = sum_;
    int position = position_, belowOne = belowOne_;
    const double coefficient = releaseCoefficient_, inverseLength = inverseLength_;
    const int length = static_cast<int>(ring_.size());
    double* ring = ring_.data();
    for (int i = 0; i < n; ++i) {
        // Falls at once, rises along the release curve; written without
        // branches (on noise they would be unpredictable): if held <= released
        // the release formula gives more than held, so the min takes held.
        const double held = held_.push(required[i]);
        released = std::min(held, held - (held - released) * coefficient);
        released = held - released <= kReleaseSnap ? held : released;
        double& slot = ring[position];
        belowOne += (released < 1.0 ? 1 : 0) - (slot < 1.0 ? 1 : 0);
        sum += released - slot;
        slot = released;
        if (++position == length) position = 0;
        if (belowOne == 0) sum = static_cast<double>(length);
        gain[i] = static_cast<float>(sum * inverseLength);
    }
    released_ = released;
    sum_ = sum;
    position_ = position;
    belowOne_ = belowOne;
    if (n > 0) gain_ = gain[n - 1];
}

void LimiterEnvelope::skipIdle(int n) noexcept {
    held_.pushOnes(n);
    position_ = static_cast<int>((position_ + static_cast<long long>(n)) %
                                 static_cast<long long>(ring_.size()));
}

}  // namespace stillpoint::dsp
