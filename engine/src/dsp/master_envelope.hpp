// MasterEnvelope: a session-wide fade. Nothing starts or stops loud: the mix
// fades in at the start, out at the end or on stop, and across live jumps.
//
// The curve is even to the ear: from silence to full level the gain rises
// linearly in dB from -60 dB to 0 dB, so each quarter of the fade adds the
// same loudness (a raised cosine in gain puts most of the audible rise into
// its first second). The dB rate eases in and out over the first and last
// tenth of the fade, and over the first tenth the -60 dB floor itself rises
// from true silence (a smoothstep), so the curve has zero slope at both ends:
// no corner, no click. A fade down is the same curve played backwards. A
// fade between two other levels scales the same shape.
//
// Real-time safe: all members noexcept, no allocation.
#pragma once

#include <cstdint>

#include "stillpoint/fade_curve.hpp"

namespace stillpoint {

class MasterEnvelope {
  public:
    /// Ramp from the current level to `target` (0 or 1) over `frames`.
    void rampTo(float target, std::int64_t frames) noexcept;
    void snapTo(float level) noexcept;
    /// Multiply `n` samples of both channels by the envelope and advance it.
    void apply(float* left, float* right, int n) noexcept;
    bool isRamping() const noexcept { return remaining_ > 0; }
    float level() const noexcept { return level_; }
    /// Where the envelope is going (its level when not ramping).
    float target() const noexcept { return to_; }

  private:
    float level_ = 0.0f;
    float from_ = 0.0f;
    float to_ = 0.0f;
    std::int64_t length_ = 0;
    std::int64_t remaining_ = 0;
};

}  // namespace stillpoint
