#include "graph/voice_layer.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint {

void VoiceLayer::start(const float* samples, std::int64_t count, double clipRate) noexcept {
    samples_ = samples;
    count_ = count;
    played_ = 0;
    step_ = clipRate / rate_;
}

std::int64_t VoiceLayer::framesFor(std::int64_t count, double clipRate, double rate) noexcept {
    if (count <= 0) return 0;
    const double step = clipRate / rate;
    // Frames whose read position falls inside the clip: position k * step < count.
    return static_cast<std::int64_t>(std::ceil(static_cast<double>(count) / step));
}

void VoiceLayer::process(float* left, float* right, int n) noexcept {
    if (step_ == 1.0) {
        const int frames = static_cast<int>(std::clamp<std::int64_t>(count_ - played_, 0, n));
        const float* from = samples_ + played_;
        for (int i = 0; i < frames; ++i) {
            left[i] += from[i];
            right[i] += from[i];
        }
        played_ += frames;
        return;
    }
    // Read positions come from the frame count, not a running sum, so they
    // do not drift over a long line.
    for (int i = 0; i < n && !isSilent(); ++i, ++played_) {
        const double position = static_cast<double>(played_) * step_;
        const auto index = static_cast<std::int64_t>(position);
        const auto fraction = static_cast<float>(position - static_cast<double>(index));
        const float next = index + 1 < count_ ? samples_[index + 1] : 0.0f;
        const float value = samples_[index] + fraction * (next - samples_[index]);
        left[i] += value;
        right[i] += value;
    }
}

}  // namespace stillpoint
