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

double toLufs(double meanSquare) { return -0.691 + 10.0 * std::log10(meanSquare); }

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

double IntegratedLoudnessMeter::weight(ChannelState& s, double x) const {
    const double y = shelf_.b0 * x + shelf_.b1 * s.x1 + shelf_.b2 * s.x2 - shelf_.a1 * s.y1 -
                     shelf_.a2 * s.y2;
    s.x2 = s.x1;
    s.x1 = x;
    s.y2 = s.y1;
    s.y1 = y;
    const double z = highPass_.b0 * y + highPass_.b1 * s.u1 + highPass_.b2 * s.u2 -
                     highPass_.a1 * s.v1 - highPass_.a2 * s.v2;
    s.u2 = s.u1;
    s.u1 = y;
    s.v2 = s.v1;
    s.v1 = z;
    return z;
}

void IntegratedLoudnessMeter::add(const float* left, const float* right, int n) {
    for (int i = 0; i < n; ++i) {
        const double l = weight(state_[0], left[i]);
        energy_ += l * l;
        if (channels_ == 2) {
            const double r = weight(state_[1], right[i]);
            energy_ += r * r;
        }
        if (++filled_ == subBlockFrames_) {
            subBlocks_.push_back(energy_ / subBlockFrames_);
            energy_ = 0.0;
            filled_ = 0;
        }
    }
}

double IntegratedLoudnessMeter::integratedLufs() const {
    // Gating blocks: 400 ms (four sub-blocks), one every 100 ms.
    std::vector<double> blocks;
    for (std::size_t i = 3; i < subBlocks_.size(); ++i)
        blocks.push_back((subBlocks_[i - 3] + subBlocks_[i - 2] + subBlocks_[i - 1] + subBlocks_[i]) / 4);
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
