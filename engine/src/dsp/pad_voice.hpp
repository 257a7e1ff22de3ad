// PadVoice: the breath tone's soft pad. Four voices (a HarmonicBank), each a
// soft harmonic series: two on F3 a hair apart, one per ear, and two quieter
// ones a fifth up. With the lung fullness
// the fundamental glides up three semitones (174.6 Hz empty, 207.7 Hz full)
// and the harmonics brighten (weight ratio 0.22 -> 0.52), so the inhale
// rises and opens, the exhale settles. The voices drift slowly across the
// stereo field (a 0.07 Hz pan motion).
//
// Level: about -20 dBFS RMS per channel at any fullness (each voice is
// normalised for its brightness).
//
// Real-time: prepare() may allocate (it does not); reset() and process() are
// noexcept, allocation-free, O(frames). Pitch, brightness and pan are updated
// on the ControlClock grid from the fullness at the tick's sample, so output
// does not depend on how the stream is split into blocks.
#pragma once

#include <array>

#include "dsp/control_clock.hpp"
#include "dsp/harmonic_bank.hpp"
#include "dsp/rotation.hpp"

namespace stillpoint::dsp {

class PadVoice {
  public:
    void prepare(double sampleRate);
    void reset() noexcept;
    /// Add `frames` samples. `fullness` (0 empty .. 1 full) is read per tick.
    void process(const float* fullness, float* left, float* right, int frames) noexcept;

  private:
    void updateVoices(float fullness) noexcept;

    double radiansPerHz_ = 0.0;
    ControlClock clock_;
    HarmonicBank bank_;
    Rotator spread_;  // the slow pan motion, advanced once per tick
    Rotation spreadPerTick_;
    std::array<Rotation, HarmonicBank::kLanes> detune_{};  // each voice's offset, per sample
    std::array<Rotation, HarmonicBank::kLanes> pan_{};     // each voice's resting pan (cos, sin)
    float level_ = 0.0f;                                   // scales the voices to the nominal level
};

}  // namespace stillpoint::dsp
