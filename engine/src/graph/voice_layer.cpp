#include "graph/voice_layer.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint {

void VoiceLayer::start(const SpokenLine& line) noexcept {
    samples_ = line.clip.samples.data();
    gain_ = line.clip.gain;
    count_ = static_cast<std::int64_t>(line.clip.samples.size());
    length_ = line.clip.lengthFrames();
    rests_ = line.clip.rests;
    nextRest_ = 0;
    restsBehind_ = 0;
    played_ = 0;
    step_ = line.clip.sampleRate / rate_;
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
    return index >= 0 && index < count_ ? static_cast<float>(samples_[index]) : 0.0f;
}

float VoiceLayer::interpolatedAt(std::int64_t index, double fraction) noexcept {
    const std::int64_t first = index + detail::kSincFirstTap;
    advanceTo(first);
    detail::sincWeightsAt(fraction, weights_);
    const std::int64_t last = first + detail::kSincTaps - 1;
    const std::int64_t sample = first - restsBehind_;
    const bool beforeNextRest =
        nextRest_ >= rests_.size() || last < rests_[nextRest_].atSample + restsBehind_;
    float sum = 0.0f;
    if (beforeNextRest && sample >= 0 && sample + detail::kSincTaps <= count_) {
        // Inside one run of samples (nearly always): read them straight.
        const std::int16_t* from = samples_ + sample;
        for (int t = 0; t < detail::kSincTaps; ++t)
            sum += weights_[static_cast<std::size_t>(t)] * static_cast<float>(from[t]);
        return sum;
    }
    for (int t = 0; t < detail::kSincTaps; ++t)
        window_[static_cast<std::size_t>(t)] = valueAt(first + t);
    for (std::size_t t = 0; t < window_.size(); ++t) sum += weights_[t] * window_[t];
    return sum;
}

void VoiceLayer::process(float* left, float* right, int n) noexcept {
    if (step_ == 1.0) {
        for (int i = 0; i < n && played_ < length_; ++i, ++played_) {
            advanceTo(played_);
            const float value = gain_ * valueAt(played_);
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
        const float value = gain_ * interpolatedAt(index, position - static_cast<double>(index));
        left[i] += value;
        right[i] += value;
    }
}

}  // namespace stillpoint
