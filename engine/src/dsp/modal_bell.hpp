// ModalBell: the bells. Modal synthesis: each voicing (bell_voicing.hpp) is a
// ResonatorBank of decaying complex phasors, struck by a soft mallet pulse.
// Banks are linear, so overlapping strikes simply add; a bowl and a chime can
// ring at once. Only ringing banks cost anything.
//
// Why not STK: STK keeps its sample rate in a process-wide static
// (Stk::setSampleRate), so two engines at different rates in one plugin host
// would retune each other; and its ModalBar loads rawwave files at run time,
// which an embedded, file-free audio thread cannot do.
//
// Level: a velocity-1 strike measures about -20 dBFS RMS per channel over the
// first second after it (peaks around -8 dBFS).
//
// Real-time: prepare() allocates; reset(), strike(), process() and isSilent()
// are noexcept, allocation-free and bounded. A strike starts at the first
// sample of the next process() call. Silence is decided on the ControlClock
// grid; while silent, process() does nothing at all, so skipping it (as the
// mixer does) gives the same output as calling it.
#pragma once

#include <array>

#include "dsp/bell_voicing.hpp"
#include "dsp/control_clock.hpp"
#include "dsp/resonator_bank.hpp"

namespace stillpoint::dsp {

class ModalBell {
  public:
    void prepare(double sampleRate);
    void reset() noexcept;
    /// Strike with `velocity` (1 = nominal level; 0 does nothing).
    void strike(BellVoicing voicing, float velocity) noexcept;
    /// Add `frames` samples of every ringing bank into left/right.
    void process(float* left, float* right, int frames) noexcept;
    /// True when nothing rings and no strike waits.
    bool isSilent() const noexcept;

  private:
    ControlClock clock_;
    std::array<ResonatorBank, kBellVoicingCount> banks_;
};

}  // namespace stillpoint::dsp
