// TruePeakLimiter: the master limiter. Keeps the true peak (the peak of the
// continuous waveform, as ITU-R BS.1770 / EBU R128 meters measure it) at or
// under a ceiling, with one gain linked across channels so the stereo image
// never shifts.
//
//   detect:  TruePeakEstimator, 4x polyphase interpolation (2x >= 88.2 kHz);
//   compute: required gain = min(1, ceiling / peak), with a 0.3 dB margin
//            inside the ceiling for the gap between any two interpolators;
//   shape:   LimiterEnvelope: hold, 200 ms release, and an attack that
//            glides down over the lookahead, so the gain never steps;
//   delay:   the audio by the lookahead (about 1 ms), so the gain is already
//            down when a peak arrives and held for a few samples around it.
// When the envelope is idle and no sample of a block could reach the
// ceiling (a bound from the interpolator's taps), the detector is skipped and
// the block is a plain delayed copy: the common case costs almost nothing,
// and audio under the ceiling passes bit-exact, only delayed.
//
// Real-time: prepare() allocates; reset(), process(), latencyFrames() and
// gainReductionDb() are noexcept, allocation-free and bounded. process() works
// in place, on any number of frames (in pieces of at most maxBlock).
#pragma once

#include <vector>

#include "dsp/limiter_envelope.hpp"
#include "dsp/true_peak_estimator.hpp"

namespace stillpoint::dsp {

class TruePeakLimiter {
  public:
    void prepare(double sampleRate, int channels, double ceilingDbTp, int maxBlock);
    /// How many frames the output lags the input (the lookahead).
    int latencyFrames() const noexcept { return latency_; }
    /// Clear the delay line and the envelope (gain back to 1).
    void reset() noexcept;
    /// Limit `frames` frames of every channel in place.
    void process(float* const* channels, int frames) noexcept;
    /// Current gain reduction in dB, >= 0 (0 when not limiting).
    float gainReductionDb() const noexcept;

  private:
    void processPiece(float* const* channels, int n) noexcept;

    TruePeakEstimator estimator_;
    LimiterEnvelope envelope_;
    int channels_ = 2;
    int maxBlock_ = 1;
    int latency_ = 0;
    float ceiling_ = 1.0f;  // linear, margin included
    // Per channel: [latency_ past samples | current piece]. The delayed output
    // and the estimator's history both read from it.
    std::vector<std::vector<float>> lines_;
    std::vector<float> peak_, gain_;
    std::vector<float*> pieces_;  // the channels, advanced to the current piece
};

}  // namespace stillpoint::dsp
