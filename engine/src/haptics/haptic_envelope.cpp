#include "haptics/haptic_envelope.hpp"

#include <algorithm>

namespace stillpoint::haptics {

void HapticEnvelope::prepare(double sampleRate, int maxBlockFrames) {
    const auto frames = static_cast<std::size_t>(std::max(maxBlockFrames, 1));
    block_.assign(frames, 0.0f);
    scratch_.assign(frames, 0.0f);
    maxBreathStep_ = static_cast<float>(kBreathSlopePerSecond / sampleRate);
    taps_.prepare(sampleRate);
    level_.prepare(sampleRate, kLevelGlideSeconds);
    reset();
}

void HapticEnvelope::configure(const HapticSettings& settings) {
    settings_ = settings;
    on_ = settings.signal != HapticSignal::None;
    reset();
}

float HapticEnvelope::levelOf(bool enabled, double cap) const noexcept {
    if (!enabled) return 0.0f;
    const auto level = static_cast<float>(std::clamp(cap, 0.0, 1.0));
    return softened_ ? level * kGroundingSoftening : level;
}

void HapticEnvelope::reset() noexcept {
    breath_ = 0.0f;
    taps_.reset();
    softened_ = false;
    enabled_ = settings_.enabled;
    cap_ = settings_.intensityCap;
    level_.snapTo(levelOf(enabled_, cap_));
    fade_.snapTo(0.0f);
    written_ = 0;
}

void HapticEnvelope::setLevel(bool enabled, double cap) noexcept {
    enabled_ = enabled;
    cap_ = cap;
    const float target = levelOf(enabled, cap);
    if (target != level_.target()) level_.setTarget(target);
}

void HapticEnvelope::soften() noexcept {
    softened_ = true;
    setLevel(enabled_, cap_);
}

void HapticEnvelope::onPhaseChange() noexcept {
    if (on_) taps_.tap(static_cast<float>(settings_.tapStrength));
}
void HapticEnvelope::onBell() noexcept {
    onPhaseChange();
}

void HapticEnvelope::fade(float target, std::int64_t frames) noexcept {
    fade_.rampTo(target, frames);
}

float HapticEnvelope::tapStrength() const noexcept {
    return on_ ? static_cast<float>(settings_.tapStrength) * level_.target() : 0.0f;
}

void HapticEnvelope::render(const float* fullness, int n) noexcept {
    if (!on_) return;
    n = std::min(n,
                 static_cast<int>(block_.size()) - written_);  // a caller that never takes blocks
    if (n <= 0) return;
    float* out = block_.data() + written_;
    const auto depth = static_cast<float>(settings_.breathDepth);
    for (int i = 0; i < n; ++i) {
        const float target = fullness[i] * depth;
        breath_ += std::clamp(target - breath_, -maxBreathStep_, maxBreathStep_);
        out[i] = std::min(breath_ + taps_.next(), 1.0f) * level_.next();
    }
    // The master fade's own shape; its second channel is scratch.
    fade_.apply(out, scratch_.data(), n);
    written_ += n;
}

}  // namespace stillpoint::haptics
