// ResonatorBank: one bell voicing as eight damped resonators (four modes, each
// a slightly detuned pair), each a complex phasor multiplied by its pole
// r * e^(i omega) every sample: the exact impulse response of a decaying sine,
// four multiplies per mode, no std::sin or std::exp per sample. Its output is
// the imaginary part, so a strike starts from zero with no step.
//
// A strike is a soft mallet: a raised-cosine force pulse (under a millisecond)
// fed into every resonator. Each resonator's drive is scaled by the pulse's
// exact response at its pole (computed in prepare), so every mode rings at its
// designed amplitude whatever the pulse's spectrum does there. The bank is
// linear: a strike into a ringing bank adds to the ring.
//
// Real-time: prepare() allocates the pulse table; everything else is noexcept,
// allocation-free and O(n). checkSilence() (once per control tick) snaps a ring
// that has decayed below -120 dBFS to exact zero, so nothing ever decays into
// subnormal floats and the bank reports silence.
#pragma once

#include <array>
#include <vector>

#include "dsp/bell_voicing.hpp"

namespace stillpoint::dsp {

class ResonatorBank {
  public:
    static constexpr int kResonators = 8;

    void prepare(const BellDesign& design, double sampleRate);
    void reset() noexcept;

    /// Queue a strike; it starts at the next sample processed (or, if a
    /// mallet pulse is still running, right after it). Velocities add.
    void strike(float velocity) noexcept;
    /// Nothing ringing and nothing queued: process() would add zeros.
    bool isSilent() const noexcept { return !ringing_ && pending_ == 0.0f; }
    /// Snap a ring below the silence threshold to zero (call per control tick).
    void checkSilence() noexcept;
    /// Add `n` samples of the ring into left/right.
    void process(float* left, float* right, int n) noexcept;

  private:
    /// Whether the mallet is touching during a run of samples.
    enum class Contact { Free, Mallet };
    template <Contact contact>
    void ring(float* left, float* right, int n) noexcept;

    using Lanes = std::array<float, kResonators>;  // processed as two Float4
    Lanes re_{}, im_{};                            // resonator states, in output units
    Lanes poleRe_{}, poleIm_{};                    // r cos(omega), r sin(omega)
    Lanes drive_{};                                // force into each resonator, per unit pulse
    Lanes gainLeft_{}, gainRight_{};
    std::vector<float> pulse_;  // the mallet's force, one strike at velocity 1
    int pulsePos_ = 0;          // next pulse sample; pulse_.size() when idle
    float velocity_ = 0.0f;     // of the running pulse
    float pending_ = 0.0f;      // queued strikes' summed velocity
    bool ringing_ = false;
};

}  // namespace stillpoint::dsp
