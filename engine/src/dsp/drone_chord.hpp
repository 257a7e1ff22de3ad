// DroneChord: a soft low chord for the ambience bed: F2 (87.3 Hz) with its
// fifth, octave and twelfth, each a warm harmonic series (HarmonicBank,
// brightness 0.25), spread across the field. Every note sways slowly in level
// (+-15 %) and pitch (+-2 cents) on its own 12-20 s cycle, so the chord
// breathes a little and the two ears never hear quite the same thing.
//
// Level: about -20 dBFS RMS per channel (the sway moves it by < 1 dB).
//
// Real-time: reset() and process() are noexcept, allocation-free, O(frames);
// the sway is computed on the ControlClock grid.
#pragma once

#include <array>

#include "dsp/control_clock.hpp"
#include "dsp/harmonic_bank.hpp"
#include "dsp/rotation.hpp"

namespace stillpoint::dsp {

class DroneChord {
  public:
    void prepare(double sampleRate);
    void reset() noexcept;
    /// Add `frames` samples into left/right.
    void process(float* left, float* right, int frames) noexcept;

  private:
    void update() noexcept;

    double radiansPerHz_ = 0.0;
    float level_ = 0.0f;  // scales the table's amplitudes to the nominal level
    ControlClock clock_;
    HarmonicBank bank_;
    std::array<Rotator, HarmonicBank::kLanes> sway_;  // one slow cycle per note
    std::array<Rotation, HarmonicBank::kLanes> swayPerTick_{};
    std::array<Rotation, HarmonicBank::kLanes> pitch_{};  // each note at rest
};

}  // namespace stillpoint::dsp
