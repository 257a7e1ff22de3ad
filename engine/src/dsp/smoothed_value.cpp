#include "dsp/smoothed_value.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint::dsp {

void SmoothedValue::prepare(double sampleRate, double rampSeconds) {
    rampSteps_ = std::max(1, static_cast<int>(std::lround(sampleRate * rampSeconds)));
    snapTo(current());
}

void SmoothedValue::setTarget(float target) noexcept {
    const float from = current();
    if (target == target_ && remaining_ == 0) return;
    target_ = target;
    remaining_ = rampSteps_;
    step_ = (target - from) / static_cast<float>(rampSteps_);
    if (step_ == 0.0f) remaining_ = 0;  // a change too small to ramp
}

void SmoothedValue::snapTo(float value) noexcept {
    target_ = value;
    step_ = 0.0f;
    remaining_ = 0;
}

float SmoothedValue::next() noexcept {
    if (remaining_ > 0) --remaining_;
    return current();
}

void SmoothedValue::fillRamp(float* dst, int n) noexcept {
    const int ramped = std::min(n, remaining_);
    for (int i = 0; i < ramped; ++i)
        dst[i] = target_ - step_ * static_cast<float>(remaining_ - 1 - i);
    remaining_ -= ramped;
    for (int i = ramped; i < n; ++i) dst[i] = target_;
}

void SmoothedValue::skip(int n) noexcept {
    remaining_ -= std::min(n, remaining_);
}

}  // namespace stillpoint::dsp
