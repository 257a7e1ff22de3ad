// BinauralBeat: two pure sines, the left ear at carrier - beat/2 and the right
// at carrier + beat/2, so the beat arises between the ears (headphones only).
// Each sine is a phasor rotation (no std::sin per sample); configure() glides
// both frequencies over 2 s (the first configure after reset() applies at once).
//
// Level: -20 dBFS RMS in each ear.
//
// Real-time: prepare() may allocate (it does not); configure(), reset() and
// process() are noexcept, allocation-free, O(frames). Frequencies move on the
// ControlClock grid.
#pragma once

#include "dsp/control_clock.hpp"
#include "dsp/frequency_glide.hpp"
#include "dsp/rotation.hpp"

namespace stillpoint::dsp {

class BinauralBeat {
  public:
    void prepare(double sampleRate);
    void reset() noexcept;
    /// Glide to a new carrier and beat (both Hz).
    void configure(double carrierHz, double beatHz) noexcept;
    /// Add `frames` samples into left/right.
    void process(float* left, float* right, int frames) noexcept;

  private:
    void render(float* left, float* right, int n) noexcept;

    double radiansPerHz_ = 0.0;
    ControlClock clock_;
    FrequencyGlide leftHz_, rightHz_;
    Rotator leftPhase_, rightPhase_;
    Rotation leftStep_, rightStep_;
};

}  // namespace stillpoint::dsp
