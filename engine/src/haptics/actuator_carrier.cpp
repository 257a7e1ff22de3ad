#include "haptics/actuator_carrier.hpp"

#include <cmath>
#include <numbers>

namespace stillpoint::haptics {

void ActuatorCarrier::prepare(double sampleRate) noexcept {
    rate_ = sampleRate;
    reset();
}

void ActuatorCarrier::setFrequency(double hz) noexcept { increment_ = hz / rate_; }

void ActuatorCarrier::modulate(float* buffer, int n) noexcept {
    for (int i = 0; i < n; ++i) {
        buffer[i] *= static_cast<float>(std::sin(2.0 * std::numbers::pi * phase_));
        phase_ += increment_;
        if (phase_ >= 1.0) phase_ -= 1.0;
    }
}

void ActuatorCarrier::skip(int n) noexcept {
    for (int i = 0; i < n; ++i) {
        phase_ += increment_;
        if (phase_ >= 1.0) phase_ -= 1.0;
    }
}

}  // namespace stillpoint::haptics
