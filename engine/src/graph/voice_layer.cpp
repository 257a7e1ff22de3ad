#include "graph/voice_layer.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint {

void VoiceLayer::start(const SpokenLine& line, double clipRate) noexcept {
    samples_ = line.samples.data();
    count_ = static_cast<std::int64_t>(line.samples.size());
    length_ = line.lengthFrames();
    rests_ = line.rests;
    nextRest_ = 0;
    restsBehind_ = 0;
    played_ = 0;
    step_ = clipRate / rate_;
}

void VoiceLayer::advanceTo(std::int64_t frame) noexcept {
    for (; nextRest_ < rests_.size(); ++nextRest_) {
        const LineRest& rest = rests_[nextRest_];
        if (frame < rest.atSample + restsBehind_ + rest.frames) return;
        restsBehind_ += rest.frames;
    }
}

float VoiceLayer::valueAt(std::int64_t frame) const noexcept {
    std::int64_t behind = restsBehind_;
    for (std::size_t i = nextRest_; i < rests_.size(); ++i) {
        const std::int64_t restStart = rests_[i].atSample + behind;
        if (frame < restStart) break;
        if (frame < restStart + rests_[i].frames) return 0.0f;
        behind += rests_[i].frames;
    }
    const std::int64_t index = frame - behind;
    return index >= 0 && index < count_ ? samples_[index] : 0.0f;
}

std::int64_t VoiceLayer::framesFor(std::int64_t count, double clipRate, double rate) noexcept {
    if (count <= 0) return 0;
    const double step = clipRate / rate;
    // Frames whose read position falls inside the clip: position k * step < count.
    return static_cast<std::int64_t>(std::ceil(static_cast<double>(count) / step));
}

void VoiceLayer::process(float* left, float* right, int n) noexcept {
    if (step_ == 1.0) {
        for (int i = 0; i < n && played_ < length_; ++i, ++played_) {
            advanceTo(played_);
            const float value = valueAt(played_);
            left[i] += value;
            right[i] += value;
        }
        return;
    }
    // Read positions come from the frame count, not a running sum, so they
    // do not drift over a long line.
    for (int i = 0; i < n && !isSilent(); ++i, ++played_) {
        const double position = static_cast<double>(played_) * step_;
        const auto index = static_cast<std::int64_t>(position);
        const auto fraction = static_cast<float>(position - static_cast<double>(index));
        advanceTo(index);
        const float here = valueAt(index);
        const float value = here + fraction * (valueAt(index + 1) - here);
        left[i] += value;
        right[i] += value;
    }
}

}  // namespace stillpoint
