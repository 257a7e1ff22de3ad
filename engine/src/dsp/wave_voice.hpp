// WaveVoice: the breath tone as a wave. Two decorrelated white-noise streams
// (left, right) through a resonant low-pass (state-variable, TPT form) whose
// cutoff rises with the lung fullness from 250 Hz (empty) to 1.4 kHz (full),
// while the level swells: the inhale rolls in, the exhale draws back. It never
// falls silent: empty sits 12 dB under full.
//
// A one-pole low-pass at 3 kHz after the filter keeps the top soft.
//
// Level: about -20 dBFS RMS per channel at mid-breath (fullness 0.5);
// -28 dBFS empty, -16 dBFS full. The level is held independent of the
// cutoff's bandwidth, so the swell is exactly the intended curve.
//
// Real-time: reset() and process() are noexcept, allocation-free, O(frames).
// Cutoff and level are set on the ControlClock grid from the fullness at the
// tick's sample; the level glides linearly between ticks.
#pragma once

#include <array>

#include "dsp/control_clock.hpp"
#include "dsp/random.hpp"

namespace stillpoint::dsp {

class WaveVoice {
  public:
    void prepare(double sampleRate);
    void reset() noexcept;
    /// Add `frames` samples. `fullness` (0 empty .. 1 full) is read per tick.
    void process(const float* fullness, float* left, float* right, int frames) noexcept;

  private:
    void update(float fullness) noexcept;
    void render(float* left, float* right, int n) noexcept;

    double rate_ = 48000.0;
    ControlClock clock_;
    std::array<Xorshift32, 2> noise_;
    // Per lane (left, right, unused, unused): the filter's two integrator
    // states and the top one-pole's state, processed as one Float4 each.
    std::array<float, 4> ic1_{}, ic2_{}, top_{};
    float topCoefficient_ = 1.0f;
    float m11_ = 0.0f, m12_ = 0.0f, m21_ = 0.0f, m22_ = 0.0f;  // state update
    float b1_ = 0.0f, b2_ = 0.0f;                              // input into the states
    float o1_ = 0.0f, o2_ = 0.0f, o3_ = 0.0f;                  // low-pass output
    float gain_ = 0.0f, gainStep_ = 0.0f;
};

}  // namespace stillpoint::dsp
