// LimiterEnvelope: turns the gain each sample requires (<= 1) into a smooth
// gain that is never above any requirement in its hold window:
//   1. hold: the minimum over the last `hold` requirements (SlidingMinimum),
//      so a peak's gain is held a little before and after the peak itself;
//   2. release: when the held gain rises, follow it with a one-pole (the
//      release time); when it falls, take it at once;
//   3. attack: a moving average over `attack` samples, so the gain glides
//      down along a straight line and reaches the held value exactly when
//      the window is full of it. The caller delays the audio to match.
// The average is a running sum in double; whenever every value in it is 1 the
// sum is reset to exactly `attack`, so after limiting the gain returns to
// exactly 1.0f and quiet audio passes bit-exact.
//
// Real-time: prepare() allocates the rings; run(), skipIdle() and reset()
// are noexcept, allocation-free and bounded.
#pragma once

#include <vector>

#include "dsp/sliding_minimum.hpp"

namespace stillpoint::dsp {

class LimiterEnvelope {
  public:
    void prepare(double sampleRate, int hold, int attack, double releaseSeconds);
    void reset() noexcept;

    /// The gains for `n` samples, given each sample's required gain (<= 1).
    void run(const float* required, float* gain, int n) noexcept;
    /// True when the gain is exactly 1 and stays so while requirements are 1.
    bool isIdle() const noexcept { return held_.allOnes() && released_ == 1.0 && belowOne_ == 0; }
    /// Advance `n` samples of requirement 1 while idle (same result as next()).
    void skipIdle(int n) noexcept;
    float gain() const noexcept { return gain_; }

  private:
    SlidingMinimum held_;
    // Double: in float a slow release stalls a few 1e-4 under 1, where one
    // step's change is below the float spacing.
    double releaseCoefficient_ = 0.0;
    double released_ = 1.0;
    std::vector<double> ring_;  // the last `attack` released gains
    int position_ = 0;
    int belowOne_ = 0;  // how many of them are below 1
    double sum_ = 0.0;
    double inverseLength_ = 1.0;  // 1 / ring length
    float gain_ = 1.0f;
};

}  // namespace stillpoint::dsp
