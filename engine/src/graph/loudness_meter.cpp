#include "graph/loudness_meter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace stillpoint {
namespace {

// BS.1770's K-weighting as analogue prototypes, mapped to any rate with the
// bilinear transform (the same parameters libebur128 uses).
constexpr double kShelfHz = 1681.974450955533;
constexpr double kShelfGainDb = 3.999843853973347;
constexpr double kShelfQ = 0.7071752369554196;
constexpr double kHighPassHz = 38.13547087602444;
constexpr double kHighPassQ = 0.5003270373238773;

double toLufs(double meanSquare) {
    return -0.691 + 10.0 * std::log10(meanSquare);
}

}  // namespace

IntegratedLoudnessMeter::IntegratedLoudnessMeter(double sampleRate, int channels)
    : channels_(std::clamp(channels, 1, 2)),
      subBlockFrames_(static_cast<int>(std::lround(sampleRate * 0.1))) {
    double k = std::tan(std::numbers::pi * kShelfHz / sampleRate);
    const double vh = std::pow(10.0, kShelfGainDb / 20.0);
    const double vb = std::pow(vh, 0.4996667741545416);
    double a0 = 1.0 + k / kShelfQ + k * k;
    shelf_ = {(vh + vb * k / kShelfQ + k * k) / a0, 2.0 * (k * k - vh) / a0,
              (vh - vb * k / kShelfQ + k * k) / a0, 2.0 * (k * k - 1.0) / a0,
              (1.0 - k / kShelfQ + k * k) / a0};
    k = std::tan(std::numbers::pi * kHighPassHz / sampleRate);
    a0 = 1.0 + k / kHighPassQ + k * k;
    highPass_ = {1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / kHighPassQ + k * k) / a0};
}

double IntegratedLoudnessMeter::weightedEnergy(ChannelState& st, const float* x, int n) const {
    // State in locals so the two recurrences stay in registers.
    const Biquad p = shelf_, h = highPass_;
    double x1 = st.x1, x2 = st.x2, y1 = st.y1, y2 = st.y2;
    double u1 = st.u1, u2 = st.u2, v1 = st.v1, v2 = st.v2;
    double energy = 0.0;
    for (int i = 0; i < n; ++i) {
        const double in = x[i];
        const double y = p.b0 * in + p.b1 * x1 + p.b2 * x2 - p.a1 * y1 - p.a2 * y2;
        x2 = x1;
        x1 = in;
        y2 = y1;
        y1 = y;
        const double z = h.b0 * y + h.b1 * u1 + h.b2 * u2 - h.a1 * v1 - h.a2 * v2;
        u2 = u1;
        u1 = y;
        v2 = v1;
        v1 = z;
        energy += z * z;
    }
    st = {x1, x2, y1, y2, u1, u2, v1, v2};
    return energy;
}

void IntegratedLoudnessMeter::add(const float* left, const float* right, int n) {
    while (n > 0) {
        const int take = std::min(n, subBlockFrames_ - filled_);
        energy_ += weightedEnergy(state_[0], left, take);
        if (channels_ == 2) energy_ += weightedEnergy(state_[1], right, take);
        left += take;
        if (right != nullptr) right += take;  // mono: no right channel
        n -= take;
        filled_ += take;
        if (filled_ == subBlockFrames_) {
            subBlocks_.push_back(energy_ / subBlockFrames_);
            energy_ = 0.0;
            filled_ = 0;
        }
    }
}

double IntegratedLoudnessMeter::integratedLufsOf(const std::vector<double>& subBlocks) {
    // Gating blocks: 400 ms (four sub-blocks), one every 100 ms.
    std::vector<double> blocks;
    for (std::size_t i = 3; i < subBlocks.size(); ++i)
        blocks.push_back((subBlocks[i - 3] + subBlocks[i - 2] + subBlocks[i - 1] + subBlocks[i]) /
                         4);
    auto gatedMean = [&](double thresholdLufs) {
        double sum = 0.0;
        long count = 0;
        for (const double b : blocks)
            if (b > 0.0 && toLufs(b) > thresholdLufs) {
                sum += b;
                ++count;
            }
        return count ? sum / static_cast<double>(count) : 0.0;
    };
    const double absolute = gatedMean(-70.0);
    if (absolute <= 0.0) return -std::numeric_limits<double>::infinity();
    const double relative = gatedMean(toLufs(absolute) - 10.0);
    return relative > 0.0 ? toLufs(relative) : -std::numeric_limits<double>::infinity();
}

}  // namespace stillpoint
