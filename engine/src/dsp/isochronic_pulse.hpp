// IsochronicPulse: one carrier tone, the same in both ears, switched on and
// off `rateHz` times a second by a smooth gate: on for half of each period,
// entering and leaving with raised-cosine ramps an eighth of a period long
// (3 ms at 40 Hz, 250 ms at 0.5 Hz), so it pulses without clicks and works on
// speakers. configure() glides carrier and rate over 2 s (the first configure
// after reset() applies at once); the gate's phase never jumps.
//
// Level: -20 dBFS RMS per channel, averaged over a whole pulse period.
//
// Real-time: prepare() may allocate (it does not); configure(), reset() and
// process() are noexcept, allocation-free, O(frames). Frequencies move on the
// ControlClock grid.
#pragma once

#include "dsp/control_clock.hpp"
#include "dsp/frequency_glide.hpp"
#include "dsp/rotation.hpp"

namespace stillpoint::dsp {

class IsochronicPulse {
  public:
    void prepare(double sampleRate);
    void reset() noexcept;
    /// Glide to a new carrier (Hz) and pulse rate (pulses per second).
    void configure(double carrierHz, double rateHz) noexcept;
    /// Add `frames` samples, the same into left and right.
    void process(float* left, float* right, int frames) noexcept;

  private:
    void render(float* left, float* right, int n) noexcept;

    double radiansPerHz_ = 0.0;
    double secondsPerSample_ = 0.0;
    ControlClock clock_;
    FrequencyGlide carrierHz_, pulseHz_;
    Rotator carrier_;
    Rotation carrierStep_;
    double gatePhase_ = 0.0;      // position in the pulse period, [0, 1)
    double gateIncrement_ = 0.0;  // per sample
};

}  // namespace stillpoint::dsp
