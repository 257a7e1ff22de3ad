#include "haptics/haptic_taps.hpp"

#include <cmath>
#include <numbers>

namespace stillpoint::haptics {

void HapticTaps::prepare(double sampleRate) noexcept {
    length_ = static_cast<int>(std::max(2L, std::lround(kTapSeconds * sampleRate)));
    step_ = std::numbers::pi / static_cast<double>(length_);
    reset();
}

void HapticTaps::reset() noexcept {
    for (auto& v : voices_) v = {length_, 0.0f};
}

void HapticTaps::tap(float strength) noexcept {
    if (!(strength > 0.0f)) return;
    for (auto& v : voices_)
        if (v.position >= length_) {
            v = {0, strength};
            return;
        }
}

float HapticTaps::next() noexcept {
    float sum = 0.0f;
    for (auto& v : voices_) {
        if (v.position >= length_) continue;
        const double s = std::sin(step_ * static_cast<double>(++v.position));
        sum += v.strength * static_cast<float>(s * s);
    }
    return sum;
}

bool HapticTaps::active() const noexcept {
    for (const auto& v : voices_)
        if (v.position < length_) return true;
    return false;
}

}  // namespace stillpoint::haptics
