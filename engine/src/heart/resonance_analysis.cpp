#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

#include "heart/heart_rate_series.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/resonance.hpp"

namespace stillpoint::heart {
namespace {

constexpr double kSeriesRateHz = 4.0;
constexpr double kLowFrequencyLowHz = 0.04;
constexpr double kLowFrequencyHighHz = 0.15;

/// The accepted beats with their times; refused ones only counted.
std::vector<Beat> acceptedBeats(const std::vector<Beat>& beats, RrCounts& counts) {
    RrArtefactFilter filter;
    std::vector<Beat> kept;
    kept.reserve(beats.size());
    for (const Beat& beat : beats)
        if (filter.check(beat.rrMs) == RrVerdict::Accepted) kept.push_back(beat);
    counts = filter.counts();
    return kept;
}

/// Mean over whole breaths of each breath's heart-rate range.
double meanPeakToTrough(const std::vector<float>& rate, double seriesStart, const PaceBlock& block,
                        double from, int& breaths) {
    const double cycle = 60.0 / block.bpm;
    const double firstCycle = std::ceil((from - block.startSeconds) / cycle - 1e-9);
    double sum = 0.0;
    breaths = 0;
    for (double k = firstCycle;; ++k) {
        const double a = block.startSeconds + k * cycle, b = a + cycle;
        if (b > block.endSeconds + 1e-9) break;
        const auto i0 =
            static_cast<std::size_t>(std::max(0.0, std::ceil((a - seriesStart) * kSeriesRateHz)));
        const auto i1 =
            std::min(rate.size(), static_cast<std::size_t>((b - seriesStart) * kSeriesRateHz));
        if (i1 <= i0 + 1) continue;
        const auto [lo, hi] = std::minmax_element(rate.begin() + static_cast<std::ptrdiff_t>(i0),
                                                  rate.begin() + static_cast<std::ptrdiff_t>(i1));
        sum += *hi - *lo;
        ++breaths;
    }
    return breaths > 0 ? sum / breaths : 0.0;
}

/// Heart-rate power in 0.04-0.15 Hz, bpm^2, of the detrended series.
double lowFrequencyPower(const std::vector<float>& detrended) {
    const std::size_t n = detrended.size();
    const double seconds = static_cast<double>(n) / kSeriesRateHz;
    double windowEnergy = 0.0;
    std::vector<double> windowed(n);
    for (std::size_t j = 0; j < n; ++j) {
        const double w = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * static_cast<double>(j) /
                                              static_cast<double>(n - 1));
        windowed[j] = w * detrended[j];
        windowEnergy += w * w;
    }
    double power = 0.0;
    const auto k0 = static_cast<std::size_t>(std::ceil(kLowFrequencyLowHz * seconds));
    const auto k1 = static_cast<std::size_t>(std::floor(kLowFrequencyHighHz * seconds));
    for (std::size_t k = k0; k <= k1; ++k) {
        std::complex<double> sum{};
        for (std::size_t j = 0; j < n; ++j)
            sum +=
                windowed[j] * std::polar(1.0, -2.0 * std::numbers::pi * static_cast<double>(k * j) /
                                                  static_cast<double>(n));
        // One-sided density (bpm^2/Hz) times the bin width 1/seconds.
        power += 2.0 * std::norm(sum) / (kSeriesRateHz * windowEnergy) / seconds;
    }
    return power;
}

/// Phase of heart rate's rhythm at the breathing frequency, relative to the
/// lungs being full, in degrees (-180, 180].
double phaseToBreath(const std::vector<float>& detrended, double seriesStart,
                     const PaceBlock& block) {
    const double f = block.bpm / 60.0;
    const double fullAt = block.startSeconds + block.inhaleEndFraction * 60.0 / block.bpm;
    std::complex<double> sum{};
    for (std::size_t j = 0; j < detrended.size(); ++j) {
        const double t = seriesStart + static_cast<double>(j) / kSeriesRateHz;
        sum += static_cast<double>(detrended[j]) *
               std::polar(1.0, -2.0 * std::numbers::pi * f * (t - fullAt));
    }
    return std::arg(sum) * 180.0 / std::numbers::pi;
}

PaceFigures measureBlock(const std::vector<Beat>& beats, const PaceBlock& block) {
    PaceFigures figures;
    figures.bpm = block.bpm;
    const double from = block.startSeconds + kSettleSeconds;
    const auto first = std::lower_bound(beats.begin(), beats.end(), from,
                                        [](const Beat& b, double t) { return b.seconds < t; });
    const auto last = std::upper_bound(first, beats.end(), block.endSeconds,
                                       [](double t, const Beat& b) { return t < b.seconds; });
    figures.beats = static_cast<int>(last - first);
    if (figures.beats < 2 || last[-1].seconds - first->seconds < kMinimumBlockSeconds)
        return figures;

    // Whole breaths only, so the phase sum sees every part of the cycle equally.
    const double cycle = 60.0 / block.bpm;
    const double start =
        block.startSeconds + std::ceil((from - block.startSeconds) / cycle - 1e-9) * cycle;
    const double wholeCycles = std::floor((block.endSeconds - start) / cycle + 1e-9);
    const auto points = static_cast<std::size_t>(wholeCycles * cycle * kSeriesRateHz);
    if (points < 16) return figures;
    std::vector<float> rate(points);
    // Interpolate from the beat before the window, so its start is not held flat.
    const auto before = first == beats.begin() ? first : first - 1;
    resampleHeartRate(&*before, static_cast<std::size_t>(last - before), start, kSeriesRateHz,
                      rate.data(), points);
    figures.peakToTroughBpm = meanPeakToTrough(rate, start, block, start, figures.breaths);
    removeLinearTrend(rate.data(), rate.size());
    figures.lowFrequencyPower = lowFrequencyPower(rate);
    figures.phaseDegrees = phaseToBreath(rate, start, block);
    figures.measured = figures.breaths > 0;
    return figures;
}

}  // namespace

ResonanceResult analyseResonance(const std::vector<Beat>& beats,
                                 const std::vector<PaceBlock>& blocks) {
    ResonanceResult result;
    const std::vector<Beat> clean = acceptedBeats(beats, result.counts);
    double bestAmplitude = 0.0, bestPower = 0.0;
    for (const PaceBlock& block : blocks) {
        result.paces.push_back(measureBlock(clean, block));
        const PaceFigures& f = result.paces.back();
        if (!f.measured) continue;
        bestAmplitude = std::max(bestAmplitude, f.peakToTroughBpm);
        bestPower = std::max(bestPower, f.lowFrequencyPower);
    }
    for (std::size_t i = 0; i < result.paces.size(); ++i) {
        PaceFigures& f = result.paces[i];
        if (!f.measured) continue;
        f.score = (bestAmplitude > 0.0 ? f.peakToTroughBpm / bestAmplitude : 0.0) +
                  (bestPower > 0.0 ? f.lowFrequencyPower / bestPower : 0.0) +
                  0.5 * (1.0 + std::cos(f.phaseDegrees * std::numbers::pi / 180.0));
        if (result.chosen < 0 ||
            f.score > result.paces[static_cast<std::size_t>(result.chosen)].score)
            result.chosen = static_cast<int>(i);
    }
    if (result.chosen >= 0) {
        result.resonanceBpm = result.paces[static_cast<std::size_t>(result.chosen)].bpm;
    } else if (blocks.empty()) {
        result.error =
            "the session has no paced breathing to assess; record the heart during the "
            "resonance assessment session";
    } else {
        result.error = "no pace has " + std::to_string(static_cast<int>(kMinimumBlockSeconds)) +
                       " s of clean beats; check that the recording starts with the assessment "
                       "session and that the strap kept contact";
    }
    return result;
}

std::vector<PaceBlock> pacedBlocks(const Program& program) {
    std::vector<PaceBlock> blocks;
    for (int i = 0; i < program.flowStepCount(); ++i) {
        const PlannedStep& step = program.steps[static_cast<std::size_t>(i)];
        if (step.kind != StepKind::Breathe || step.rampToBpm != step.paceBpm) continue;
        PaceBlock block;
        block.bpm = step.paceBpm;
        block.startSeconds = step.startSeconds;
        block.endSeconds = step.startSeconds + step.lengthSeconds;
        const BreathPattern& pattern = program.patterns[static_cast<std::size_t>(step.pattern)];
        block.inhaleEndFraction =
            pattern.segments.size() > 1 ? pattern.segmentStartFraction(1) : 0.5;
        blocks.push_back(block);
    }
    return blocks;
}

}  // namespace stillpoint::heart
