// IntegratedLoudnessMeter: EBU R128 / ITU-R BS.1770-4 integrated loudness
// (K-weighting, 400 ms blocks every 100 ms, absolute gate at -70 LUFS,
// relative gate 10 LU below), for the engine's own calibration pass.
//
// Why not libebur128 here: the calibration pass runs on every prepare, and
// libebur128's general-purpose path cost as much as rendering the whole
// graph. This meter does only what calibration needs, in planar float.
// The tests still measure every output with libebur128, so the two are
// checked against each other.
//
// Not real-time: keeps one value per 100 ms (it grows with the session).
#pragma once

#include <vector>

namespace stillpoint {

class IntegratedLoudnessMeter {
  public:
    IntegratedLoudnessMeter(double sampleRate, int channels);

    /// Add `n` frames; `right` is ignored for one channel.
    void add(const float* left, const float* right, int n);
    /// Integrated loudness in LUFS so far; -inf when everything was gated out.
    double integratedLufs() const { return integratedLufsOf(subBlocks_); }

    /// Mean square of each 100 ms so far (channels summed, K-weighted).
    const std::vector<double>& subBlockEnergies() const { return subBlocks_; }
    /// Integrated loudness of a run of 100 ms mean squares (gated as above).
    static double integratedLufsOf(const std::vector<double>& subBlocks);

  private:
    struct Biquad {
        double b0, b1, b2, a1, a2;
    };
    struct ChannelState {
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;  // shelf
        double u1 = 0, u2 = 0, v1 = 0, v2 = 0;  // high-pass
    };
    /// K-weighted energy of n samples of one channel, advancing its filter state.
    double weightedEnergy(ChannelState& s, const float* x, int n) const;

    Biquad shelf_{}, highPass_{};
    int channels_;
    int subBlockFrames_;
    int filled_ = 0;
    double energy_ = 0.0;
    ChannelState state_[2];
    std::vector<double> subBlocks_;  // mean square of each 100 ms, channels summed
};

}  // namespace stillpoint
