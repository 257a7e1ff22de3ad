// SmoothedValue: a linear ramp to a target over a fixed time. The mixer uses
// it for layer gains, fades and crossfades; the generators for their own
// fades. Each value is computed from the steps left (target - step * left),
// not accumulated, so the ramp lands exactly on its target, and next() and
// fillRamp() give bit-identical values however a ramp is split into blocks.
//
// Real-time: prepare() may be called off the audio thread only; every other
// member is noexcept, allocation-free and bounded (fillRamp/skip are O(n)).
#pragma once

namespace stillpoint::dsp {

class SmoothedValue {
  public:
    /// A new target is reached after `rampSeconds` (at least one sample).
    void prepare(double sampleRate, double rampSeconds);

    /// Glide from the current value to `target`, restarting the full ramp time.
    void setTarget(float target) noexcept;
    /// Jump to `value` and stop any ramp.
    void snapTo(float value) noexcept;

    /// Advance one sample and return the new value.
    float next() noexcept;
    /// Write the next `n` values to `dst` and advance by `n`.
    void fillRamp(float* dst, int n) noexcept;
    /// Advance by `n` samples without writing them.
    void skip(int n) noexcept;

    float current() const noexcept { return target_ - step_ * static_cast<float>(remaining_); }
    float target() const noexcept { return target_; }
    bool isRamping() const noexcept { return remaining_ > 0; }
    /// Samples until the target is reached (0 when not ramping).
    int remainingSteps() const noexcept { return remaining_; }

  private:
    int rampSteps_ = 1;
    int remaining_ = 0;
    float target_ = 0.0f;
    float step_ = 0.0f;
};

}  // namespace stillpoint::dsp
