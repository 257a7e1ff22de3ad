// HarmonicBank: four soft oscillators side by side, each a whole series of
// harmonics with geometrically falling weights, in closed form (Moorer's
// discrete summation formula):
//     sum_{k>=1} a^(k-1) sin(k theta) = sin(theta) / (1 - 2a cos(theta) + a^2)
// The fundamental phasor (cos, sin) is one complex rotation per sample; the
// harmonics cost one division, whatever their number. `a` is the brightness:
// 0 gives a pure sine, 0.5 puts harmonic k at -6(k-1) dB, so for the low
// voices here everything above ~3 kHz is below -60 dB and nothing aliases.
// The four lanes run side by side in Float4 registers. The pad and the
// drone use it.
//
// Real-time: every member is noexcept, allocation-free and O(n). Lane
// settings are meant to change on control ticks: brightness and gains then
// glide linearly over the next kControlInterval samples (stepping them would
// leave a faint zipper of tiny steps), the pitch changes at once (the phase
// stays continuous). After reset() a lane fades in over that first glide.
#pragma once

#include <array>

#include "dsp/control_clock.hpp"
#include "dsp/rotation.hpp"

namespace stillpoint::dsp {

class HarmonicBank {
  public:
    static constexpr int kLanes = 4;

    struct Lane {
        Rotation pitch;           ///< the fundamental's turn per sample
        float brightness = 0.0f;  ///< a in [0, 0.9]
        float left = 0.0f;        ///< gain into the left channel, for unit RMS
        float right = 0.0f;       ///< gain into the right channel, for unit RMS
    };

    /// All lanes at phase 0 and silent.
    void reset() noexcept;
    /// Set one lane; its gains are for a unit-RMS lane (the brightness
    /// normalisation is applied here).
    void setLane(int lane, const Lane& settings) noexcept;
    /// Re-normalise the phasors; call once per control tick.
    void renormalise() noexcept;
    /// Add `n` samples of the four lanes into left/right.
    void process(float* left, float* right, int n) noexcept;

  private:
    using Lanes = std::array<float, kLanes>;
    Lanes re_{}, im_{};  // fundamental phasors
    Lanes c_{}, s_{};    // per-sample rotation
    Lanes p_{}, q_{};    // denominator 1 + a^2 - 2a cos: p = 1 + a^2, q = 2a
    Lanes gainLeft_{}, gainRight_{};
    Lanes dp_{}, dq_{}, dLeft_{}, dRight_{};  // per-sample glide of the above
};

}  // namespace stillpoint::dsp
