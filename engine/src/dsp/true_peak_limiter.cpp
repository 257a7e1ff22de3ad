#include "dsp/true_peak_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint::dsp {
namespace {

constexpr double kMarginDb = 0.3;
constexpr double kReleaseSeconds = 0.2;
constexpr double kLookaheadSeconds = 0.001;

}  // namespace

void TruePeakLimiter::prepare(double sampleRate, int channels, double ceilingDbTp, int maxBlock) {
    estimator_.prepare(sampleRate);
    channels_ = std::max(channels, 1);
    maxBlock_ = std::max(maxBlock, 1);
    ceiling_ = static_cast<float>(std::pow(10.0, (ceilingDbTp - kMarginDb) / 20.0));

    // Hold a peak's gain over the interpolator's main lobe on both sides of
    // it; the attack takes what is left of the ~1 ms lookahead.
    const int detectorDelay = estimator_.delayFrames();
    const int guard = detectorDelay + 2;
    const int attack = std::max(
        8, static_cast<int>(std::lround(kLookaheadSeconds * sampleRate)) - detectorDelay - guard);
    latency_ = detectorDelay + attack + guard;
    envelope_.prepare(sampleRate, attack + 2 * guard + 1, attack, kReleaseSeconds);

    // The estimator works in whole chunks: room for one more past the block.
    const int padding = TruePeakEstimator::kChunk;
    const auto lineLength = static_cast<std::size_t>(latency_ + maxBlock_ + padding);
    lines_.assign(static_cast<std::size_t>(channels_), std::vector<float>(lineLength, 0.0f));
    pieces_.assign(static_cast<std::size_t>(channels_), nullptr);
    peak_.assign(static_cast<std::size_t>(maxBlock_ + padding), 0.0f);
    gain_.assign(static_cast<std::size_t>(maxBlock_), 1.0f);
    reset();
}

void TruePeakLimiter::reset() noexcept {
    for (auto& line : lines_) std::fill(line.begin(), line.end(), 0.0f);
    envelope_.reset();
}

float TruePeakLimiter::gainReductionDb() const noexcept {
    const float g = envelope_.gain();
    return g >= 1.0f ? 0.0f : -20.0f * std::log10(std::max(g, 1e-6f));
}

void TruePeakLimiter::process(float* const* channels, int frames) noexcept {
    for (int done = 0; done < frames;) {
        const int n = std::min(frames - done, maxBlock_);
        for (int c = 0; c < channels_; ++c)
            pieces_[static_cast<std::size_t>(c)] = channels[c] + done;
        processPiece(pieces_.data(), n);
        done += n;
    }
}

void TruePeakLimiter::processPiece(float* const* channels, int n) noexcept {
    const int count = channels_;
    const int history = estimator_.historyFrames();
    float loudest = 0.0f;
    for (int c = 0; c < count; ++c) {
        float* line = lines_[static_cast<std::size_t>(c)].data();
        std::copy(channels[c], channels[c] + n, line + latency_);
        for (int i = latency_ - history; i < latency_ + n; ++i)
            loudest = std::max(loudest, std::abs(line[i]));
    }

    if (envelope_.isIdle() && loudest * estimator_.worstCaseGain() <= ceiling_) {
        // Nothing can reach the ceiling and the gain is exactly 1: a delayed copy.
        for (int c = 0; c < count; ++c) {
            const float* line = lines_[static_cast<std::size_t>(c)].data();
            std::copy(line, line + n, channels[c]);
        }
        envelope_.skipIdle(n);
    } else {
        float* peak = peak_.data();
        float* gain = gain_.data();
        const int chunk = TruePeakEstimator::kChunk;
        std::fill_n(peak, (n + chunk - 1) / chunk * chunk, 0.0f);
        for (int c = 0; c < count; ++c)
            estimator_.accumulatePeaks(lines_[static_cast<std::size_t>(c)].data() + latency_, n,
                                       peak);
        for (int i = 0; i < n; ++i)
            peak[i] = peak[i] > ceiling_ ? ceiling_ / peak[i] : 1.0f;  // required gain
        envelope_.run(peak, gain, n);
        for (int c = 0; c < count; ++c) {
            const float* line = lines_[static_cast<std::size_t>(c)].data();
            for (int i = 0; i < n; ++i) channels[c][i] = line[i] * gain[i];
        }
    }
    for (auto& line : lines_)
        std::copy(line.begin() + n, line.begin() + n + latency_, line.begin());
}

}  // namespace stillpoint::dsp
