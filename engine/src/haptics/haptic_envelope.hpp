// HapticEnvelope: the haptic track's intensity, generated inside the mix
// graph from the same breath fullness the tone follows, so it is synchronous
// with the audio to the sample.
//
//   intensity = min(breath + taps, 1) * level * fade
//
// breath: fullness * depth, slew-limited (a Stop mid-inhale sinks, not drops);
// taps:   HapticTaps, cued at phase changes and bells;
// level:  the listener's cap (halved once grounding is asked for: grounding
//         softens haptics), or 0 when haptics are off, glided over 0.5 s;
// fade:   the session's master fade (start, end, pause, jumps), mirrored.
//
// The sequencer renders a block in sub-blocks; each render() appends to the
// envelope's block buffer, which the Engine takes after the block. Until
// configure() turns it on (the loudness analysis never does), render() is a
// no-op.
//
// prepare() and configure() allocate; the rest is noexcept, allocation-free.
#pragma once

#include <cstdint>
#include <vector>

#include "dsp/master_envelope.hpp"
#include "dsp/smoothed_value.hpp"
#include "haptics/haptic_taps.hpp"
#include "stillpoint/haptics.hpp"

namespace stillpoint::haptics {

class HapticEnvelope {
  public:
    static constexpr double kLevelGlideSeconds = 0.5;
    /// The breath part never moves faster than this (full scale per second).
    static constexpr double kBreathSlopePerSecond = 2.0;

    void prepare(double sampleRate, int maxBlockFrames);
    /// Turn the track on with `settings` (signal None turns it off).
    void configure(const HapticSettings& settings);
    /// Silent, faded out, level snapped to the configured one.
    void reset() noexcept;
    bool on() const noexcept { return on_; }

    /// The listener's switch and cap; the level glides there.
    void setLevel(bool enabled, double cap) noexcept;
    /// Grounding was asked for: the track softens to half its level until reset().
    void soften() noexcept;
    static constexpr float kGroundingSoftening = 0.5f;
    void onPhaseChange() noexcept;
    void onBell() noexcept;
    void fade(float target, std::int64_t frames) noexcept;

    /// Start a new engine block (the sub-blocks of render() append to it).
    void beginBlock() noexcept { written_ = 0; }
    void render(const float* fullness, int n) noexcept;
    /// The block so far: `written()` samples; the rest of the block (a pause,
    /// the end) is silence.
    const float* block() const noexcept { return block_.data(); }
    int written() const noexcept { return written_; }
    /// Strength of a tap now (0 when haptics are off), for the haptic events.
    float tapStrength() const noexcept;

  private:
    float levelOf(bool enabled, double cap) const noexcept;

    bool on_ = false;
    HapticSettings settings_;
    float maxBreathStep_ = 0.0f;
    bool enabled_ = true;
    double cap_ = 1.0;
    bool softened_ = false;
    float breath_ = 0.0f;
    HapticTaps taps_;
    dsp::SmoothedValue level_;
    MasterEnvelope fade_;
    std::vector<float> block_, scratch_;
    int written_ = 0;
};

}  // namespace stillpoint::haptics
