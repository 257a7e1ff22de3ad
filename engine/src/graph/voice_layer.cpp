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
    prepareRepeatingPhases();
}

void VoiceLayer::prepareRepeatingPhases() noexcept {
    // 16 kHz into 48 kHz is 1/3, into its 24 kHz analysis 2/3: three weights each.
    phases_ = 0;
    if (step_ == 1.0) return;
    for (int q = 1; q <= kMaxRepeatingPhases; ++q) {
        const double p = step_ * q;
        if (std::abs(p - std::round(p)) > 1e-9 * p) continue;
        phases_ = q;
        phaseStep_ = std::llround(p);
        for (int phase = 0; phase < q; ++phase)
            detail::sincWeightsAt(static_cast<double>(phase) / q,
                                  phaseWeights_[static_cast<std::size_t>(phase)]);
        return;
    }
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

float VoiceLayer::interpolatedAt(std::int64_t index,
                                 const std::array<float, detail::kSincTaps>& weights) noexcept {
    const std::int64_t first = index + detail::kSincFirstTap;
    advanceTo(first);
    const std::int64_t last = first + detail::kSincTaps - 1;
    if (nextRest_ < rests_.size()) {
        const std::int64_t restStart = rests_[nextRest_].atSample + restsBehind_;
        if (first >= restStart && last < restStart + rests_[nextRest_].frames)
            return 0.0f;  // deep in a rest
    }
    const std::int64_t sample = first - restsBehind_;
    const bool beforeNextRest =
        nextRest_ >= rests_.size() || last < rests_[nextRest_].atSample + restsBehind_;
    if (beforeNextRest && sample >= 0 && sample + detail::kSincTaps <= count_) {
        // Inside one run of samples (nearly always): read them straight.
        const std::int16_t* from = samples_ + sample;
        for (std::size_t t = 0; t < window_.size(); ++t) window_[t] = static_cast<float>(from[t]);
    } else {
        for (std::size_t t = 0; t < window_.size(); ++t)
            window_[t] = valueAt(first + static_cast<std::int64_t>(t));
    }
    float sum = 0.0f;
    for (std::size_t t = 0; t < window_.size(); ++t) sum += weights[t] * window_[t];
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
    if (phases_ > 0) {
        for (int i = 0; i < n && !isSilent(); ++i, ++played_) {
            const std::int64_t position = played_ * phaseStep_;  // in 1/q frames
            const auto& weights = phaseWeights_[static_cast<std::size_t>(position % phases_)];
            const float value = gain_ * interpolatedAt(position / phases_, weights);
            left[i] += value;
            right[i] += value;
        }
        return;
    }
    for (int i = 0; i < n && !isSilent(); ++i, ++played_) {
        const double position = static_cast<double>(played_) * step_;
        const auto index = static_cast<std::int64_t>(position);
        detail::sincWeightsAt(position - static_cast<double>(index), weights_);
        const float value = gain_ * interpolatedAt(index, weights_);
        left[i] += value;
        right[i] += value;
    }
}

}  // namespace stillpoint
