#include "dsp/true_peak_estimator.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint::dsp {
namespace {

constexpr double kPi = 3.141592653589793;
constexpr int kChunk = 16;

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
            coefficients_[static_cast<std::size_t>(p - 1)][static_cast<std::size_t>(i)] = static_cast<float>(h);
            absSum += std::abs(h);
        }
        worstCaseGain_ = std::max(worstCaseGain_, static_cast<float>(absSum * 1.0001));
    }
}

// One chunk: the arithmetic per sample is the same whatever Chunk is, so the
// vectorised full chunks and the scalar tail give identical results.
template <int Chunk>
void TruePeakEstimator::chunkPeaks(const float* x, float* peak) const noexcept {
    std::array<float, Chunk> best;
    for (int j = 0; j < Chunk; ++j) best[j] = std::max(peak[j], std::abs(x[j - delay_]));
    for (int p = 0; p < phases_; ++p) {
        const auto& h = coefficients_[static_cast<std::size_t>(p)];
        std::array<float, Chunk> acc{};
        for (int i = 0; i < taps_; ++i) {
            const float hi = h[static_cast<std::size_t>(i)];
            const float* xi = x - i;
            for (int j = 0; j < Chunk; ++j) acc[j] += hi * xi[j];
        }
        for (int j = 0; j < Chunk; ++j) best[j] = std::max(best[j], std::abs(acc[j]));
    }
    for (int j = 0; j < Chunk; ++j) peak[j] = best[j];
}

void TruePeakEstimator::chunkPeaks(const float* x, int n, float* peak) const noexcept {
    for (int j = 0; j < n; ++j) {
        float best = std::max(peak[j], std::abs(x[j - delay_]));
        for (int p = 0; p < phases_; ++p) {
            const auto& h = coefficients_[static_cast<std::size_t>(p)];
            float acc = 0.0f;
            for (int i = 0; i < taps_; ++i) acc += h[static_cast<std::size_t>(i)] * x[j - i];
            best = std::max(best, std::abs(acc));
        }
        peak[j] = best;
    }
}

void TruePeakEstimator::accumulatePeaks(const float* x, int n, float* peak) const noexcept {
    int done = 0;
    for (; done + kChunk <= n; done += kChunk) chunkPeaks<kChunk>(x + done, peak + done);
    chunkPeaks(x + done, n - done, peak + done);
}

}  // namespace stillpoint::dsp
