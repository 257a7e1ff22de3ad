// ActuatorCarrier: a sine at an actuator's resonance (170 Hz for an LRA,
// 40 Hz for a bass shaker) whose amplitude is the haptic intensity. The
// phase runs on in double precision, and a change of actuator keeps it, so
// the signal never jumps. The sine is read from a table with linear
// interpolation (error below 1e-6, far under a 24-bit step): a libm sin()
// per sample would cost as much as the rest of the haptic track.
//
// Real-time: every member is noexcept and allocation-free.
#pragma once

#include <array>

namespace stillpoint::haptics {

class ActuatorCarrier {
  public:
    void prepare(double sampleRate) noexcept;
    void setFrequency(double hz) noexcept;
    void reset() noexcept { phase_ = 0.0; }
    /// Replace each intensity in `buffer` with the carrier at that amplitude.
    void modulate(float* buffer, int n) noexcept;
    /// Advance `n` samples silently (a seek), landing where modulate() would.
    void skip(int n) noexcept;

  private:
    static constexpr int kTableSize = 4096;
    std::array<float, kTableSize + 1> table_{};  // one cycle, plus the first sample again
    double rate_ = 48000.0;
    double increment_ = 0.0;  // cycles per sample
    double phase_ = 0.0;      // cycles, in [0, 1)
};

}  // namespace stillpoint::haptics
