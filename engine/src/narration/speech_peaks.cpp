#include "narration/speech_peaks.hpp"

#include <algorithm>
#include <cmath>

#include "dsp/sliding_minimum.hpp"

namespace stillpoint::narration {

void limitPeaks(std::vector<float>& samples, float ceiling, double sampleRate,
                double smoothSeconds) {
    const auto n = static_cast<std::ptrdiff_t>(samples.size());
    const auto w = std::max<std::ptrdiff_t>(1, std::llround(smoothSeconds * sampleRate));
    auto needed = [&](std::ptrdiff_t i) {
        if (i < 0 || i >= n) return 1.0f;
        const float a = std::abs(samples[static_cast<std::size_t>(i)]);
        return a > ceiling ? ceiling / a : 1.0f;
    };
    // held[i]: the smallest gain any sample within w of i needs.
    std::vector<float> held(static_cast<std::size_t>(n), 1.0f);
    dsp::SlidingMinimum minimum;
    minimum.prepare(static_cast<int>(2 * w + 1));
    for (std::ptrdiff_t i = 0; i < n + w; ++i) {
        const float m = minimum.push(needed(i));
        if (i - w >= 0) held[static_cast<std::size_t>(i - w)] = m;
    }
    // The mean of `held` over w + 1 samples around i: every value averaged at
    // a peak is at most the peak's own need, so the peak stays under the ceiling.
    const std::ptrdiff_t half = w / 2;
    auto heldAt = [&](std::ptrdiff_t i) {
        return i < 0 || i >= n ? 1.0 : static_cast<double>(held[static_cast<std::size_t>(i)]);
    };
    double sum = 0.0;
    for (std::ptrdiff_t i = -half; i <= w - half; ++i) sum += heldAt(i);
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        samples[static_cast<std::size_t>(i)] *=
            static_cast<float>(sum / static_cast<double>(w + 1));
        sum += heldAt(i + w - half + 1) - heldAt(i - half);
    }
}

}  // namespace stillpoint::narration
