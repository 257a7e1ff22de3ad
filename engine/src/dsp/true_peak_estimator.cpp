#include "dsp/true_peak_estimator.hpp"

#include <algorithm>
#include <cmath>

#include "dsp/float4.hpp"

namespace stillpoint::dsp {
namespace {

constexpr double kPi = 3.141592653589793;

}  // namespace

void TruePeakEstimator::prepare(double sampleRate) {
    const int factor = sampleRate < 88200.0 ? 4 : 2;
    phases_ = factor - 1;
    taps_ = (kPrototypeTaps - 1) / factor;
    delay_ = (kPrototypeTaps - 1) / (2 * factor);
    worstCaseGain_ = 1.0f;
    for (auto& phase : coefficients_) phase.fill(0.0f);
    for (int p = 1; p < factor; ++p) {
        double absSum = 0.0;
        for (int i = 0; i < taps_; ++i) {
            const int j = p + factor * i;
            const double m = j - (kPrototypeTaps - 1) / 2.0;
            const double sinc = std::sin(m * kPi / factor) / (m * kPi / factor);
            const double hann = 0.5 * (1.0 - std::cos(2.0 * kPi * j / (kPrototypeTaps - 1)));
            const double h = sinc * hann;
            coefficients_[static_cast<std::size_t>(p - 1)][static_cast<std::size_t>(i)] =
                static_cast<float>(h);
            absSum += std::abs(h);
        }
        worstCaseGain_ = std::max(worstCaseGain_, static_cast<float>(absSum * 1.0001));
    }
}

void TruePeakEstimator::accumulatePeaks(const float* x, int n, float* peak) const noexcept {
    for (int start = 0; start < n; start += kChunk) {
        const float* in = x + start;
        Float4 best[4];
        for (int q = 0; q < 4; ++q)
            best[q] = Float4::max(Float4::load(peak + start + 4 * q),
                                  Float4::load(in + 4 * q - delay_).abs());
        for (int p = 0; p < phases_; ++p) {
            const float* h = coefficients_[static_cast<std::size_t>(p)].data();
            Float4 acc0 = Float4::broadcast(0.0f), acc1 = acc0, acc2 = acc0, acc3 = acc0;
            for (int i = 0; i < taps_; ++i) {
                const Float4 hi = Float4::broadcast(h[i]);
                const float* xi = in - i;
                acc0 = acc0 + hi * Float4::load(xi);
                acc1 = acc1 + hi * Float4::load(xi + 4);
                acc2 = acc2 + hi * Float4::load(xi + 8);
                acc3 = acc3 + hi * Float4::load(xi + 12);
            }
            best[0] = Float4::max(best[0], acc0.abs());
            best[1] = Float4::max(best[1], acc1.abs());
            best[2] = Float4::max(best[2], acc2.abs());
            best[3] = Float4::max(best[3], acc3.abs());
        }
        for (int q = 0; q < 4; ++q) best[q].store(peak + start + 4 * q);
    }
}

}  // namespace stillpoint::dsp
