#include "haptics/actuator_carrier.hpp"

#include <cmath>
#include <numbers>

namespace stillpoint::haptics {

void ActuatorCarrier::prepare(double sampleRate) noexcept {
    rate_ = sampleRate;
    for (int i = 0; i <= kTableSize; ++i)
        table_[static_cast<std::size_t>(i)] =
            static_cast<float>(std::sin(2.0 * std::numbers::pi * i / kTableSize));
    reset();
}

void ActuatorCarrier::setFrequency(double hz) noexcept {
    increment_ = hz / rate_;
}

void ActuatorCarrier::modulate(float* buffer, int n) noexcept {
    for (int i = 0; i < n; ++i) {
        const double position = phase_ * kTableSize;
        const auto index = static_cast<int>(position);
        const auto fraction = static_cast<float>(position - index);
        const float a = table_[static_cast<std::size_t>(index)];
        const float b = table_[static_cast<std::size_t>(index) + 1];
        buffer[i] *= a + (b - a) * fraction;
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
