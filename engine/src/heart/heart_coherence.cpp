#include "stillpoint/heart_coherence.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <numbers>

#include "heart/heart_rate_series.hpp"

namespace stillpoint::heart {
namespace {

constexpr std::size_t kPeakLowBin = 3;    // ceil(0.04 * 64)
constexpr std::size_t kPeakHighBin = 16;  // floor(0.26 * 64)
static_assert(kPeakLowBin ==
              static_cast<std::size_t>(kCoherencePeakLowHz * kCoherenceWindowSeconds) + 1);
static_assert(kPeakHighBin ==
              static_cast<std::size_t>(kCoherencePeakHighHz * kCoherenceWindowSeconds));

}  // namespace

CoherenceMeter::CoherenceMeter() noexcept {
    constexpr double n = static_cast<double>(kCoherencePoints);
    for (std::size_t j = 0; j < kCoherencePoints; ++j) {
        const double x = static_cast<double>(j);
        hann_[j] = static_cast<float>(0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * x / (n - 1.0)));
        for (std::size_t k = 0; k < kCoherenceBins; ++k) {
            const double angle = 2.0 * std::numbers::pi * static_cast<double>(k) * x / n;
            cos_[k][j] = static_cast<float>(std::cos(angle));
            sin_[k][j] = static_cast<float>(std::sin(angle));
        }
    }
}

bool CoherenceMeter::prepareSeries(const Beat* beats, std::size_t count,
                                   double endSeconds) noexcept {
    if (count < 2) return false;
    const double start = endSeconds - kCoherenceWindowSeconds;
    std::size_t first = 0;  // the last beat at or before the window's start, if any
    while (first + 1 < count && beats[first + 1].seconds <= start) ++first;
    if (endSeconds - std::max(beats[first].seconds, start) < kCoherenceMinimumSeconds) return false;
    resampleHeartRate(beats + first, count - first, start, kCoherenceRateHz, series_.data(),
                      kCoherencePoints);
    removeLinearTrend(series_.data(), kCoherencePoints);
    return true;
}

double CoherenceMeter::phaseDegrees(const Beat* beats, std::size_t count, double endSeconds,
                                    double hz, double reference) noexcept {
    if (!prepareSeries(beats, count, endSeconds) || !(hz > 0.0))
        return std::numeric_limits<double>::quiet_NaN();
    // A rotating phasor: one sin/cos for the whole window.
    const double start = endSeconds - kCoherenceWindowSeconds;
    const std::complex<double> step =
        std::polar(1.0, -2.0 * std::numbers::pi * hz / kCoherenceRateHz);
    std::complex<double> phasor =
        std::polar(1.0, -2.0 * std::numbers::pi * hz * (start - reference));
    std::complex<double> sum{};
    for (std::size_t j = 0; j < kCoherencePoints; ++j) {
        sum += static_cast<double>(series_[j]) * phasor;
        phasor *= step;
    }
    return std::arg(sum) * 180.0 / std::numbers::pi;
}

CoherenceFigures CoherenceMeter::measure(const Beat* beats, std::size_t count,
                                         double endSeconds) noexcept {
    CoherenceFigures figures;
    if (!prepareSeries(beats, count, endSeconds)) return figures;
    for (std::size_t j = 0; j < kCoherencePoints; ++j) series_[j] *= hann_[j];

    std::array<double, kCoherenceBins> power{};
    for (std::size_t k = 1; k < kCoherenceBins; ++k) {
        float re = 0.0f, im = 0.0f;
        for (std::size_t j = 0; j < kCoherencePoints; ++j) {
            re += series_[j] * cos_[k][j];
            im += series_[j] * sin_[k][j];
        }
        power[k] = static_cast<double>(re) * re + static_cast<double>(im) * im;
    }
    std::size_t peak = kPeakLowBin;
    for (std::size_t k = kPeakLowBin; k <= kPeakHighBin; ++k)
        if (power[k] > power[peak]) peak = k;
    figures.valid = true;
    figures.peakHz = static_cast<double>(peak) / kCoherenceWindowSeconds;
    figures.peakPower = power[peak - 1] + power[peak] + power[peak + 1];
    for (std::size_t k = 1; k < kCoherenceBins; ++k) figures.totalPower += power[k];
    figures.coherence = figures.totalPower > 1e-12 ? figures.peakPower / figures.totalPower : 0.0;
    return figures;
}

}  // namespace stillpoint::heart
