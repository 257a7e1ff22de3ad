// TruePeakEstimator: the limiter's detector. For each incoming sample it
// estimates the peak of the continuous waveform around an earlier sample by
// polyphase FIR interpolation, as ITU-R BS.1770 Annex 2 does: 4x oversampling
// below 88.2 kHz, 2x at and above. The prototype is a 49-tap Hann-windowed
// sinc (12 taps per phase at 4x, 24 at 2x), the same design libebur128 uses,
// so the two agree closely on what a peak is.
//
// Real-time: prepare() allocates nothing and only designs the filter;
// accumulatePeaks() is noexcept, allocation-free, O(n * taps). It works in
// whole chunks of kChunk samples (four Float4 accumulators kept in
// registers), so every sample gets the same arithmetic wherever a block
// starts; the caller provides kChunk - 1 readable samples of padding after
// x[n - 1] and writable ones after peak[n - 1].
#pragma once

#include <array>

namespace stillpoint::dsp {

class TruePeakEstimator {
  public:
    static constexpr int kChunk = 16;

    void prepare(double sampleRate);

    /// Past samples each estimate reads: x[-history .. -1] must be valid.
    int historyFrames() const noexcept { return taps_ - 1; }
    /// The estimate made at sample n is for the span from x[n - delay] to
    /// x[n - delay + 1].
    int delayFrames() const noexcept { return delay_; }
    /// No estimate exceeds this times the largest |x| among the samples it reads.
    float worstCaseGain() const noexcept { return worstCaseGain_; }

    /// peak[i] = max(peak[i], |x[i - delay]|, |each interpolated point after it|)
    /// for i in [0, n). `x` points at the first new sample.
    void accumulatePeaks(const float* x, int n, float* peak) const noexcept;

  private:
    static constexpr int kPrototypeTaps = 49;
    static constexpr int kMaxPhases = 3;  // interpolated points between two samples
    static constexpr int kMaxTaps = 24;   // taps per phase

    int phases_ = 3;
    int taps_ = 12;
    int delay_ = 6;
    float worstCaseGain_ = 1.0f;
    std::array<std::array<float, kMaxTaps>, kMaxPhases> coefficients_{};
};

}  // namespace stillpoint::dsp
