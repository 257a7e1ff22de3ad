// The voice layer plays a clip kept at its synthesiser's rate at the
// engine's: the tone comes through at its level and time, and the images a
// plain interpolation leaves above the clip's Nyquist stay far down.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "narration/compact_clip.hpp"
#include "played_line.hpp"

namespace stillpoint {
namespace {

/// Amplitude of the `hz` component of x (Goertzel, Hann window).
double amplitudeAt(const std::vector<float>& x, std::size_t from, std::size_t n, double hz,
                   double rate) {
    const double w = 2.0 * std::numbers::pi * hz / rate;
    double s1 = 0.0, s2 = 0.0, windowSum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double hann = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / (n - 1));
        windowSum += hann;
        const double s = hann * x[from + i] + 2.0 * std::cos(w) * s1 - s2;
        s2 = s1;
        s1 = s;
    }
    const double power = s1 * s1 + s2 * s2 - 2.0 * std::cos(w) * s1 * s2;
    return 2.0 * std::sqrt(std::max(power, 0.0)) / windowSum;
}

/// A 1 kHz tone of `seconds` at 16 kHz, amplitude 0.25, as a line.
SpokenLine toneLine(double hz, double seconds) {
    const double rate = 16000.0;
    std::vector<float> samples(static_cast<std::size_t>(seconds * rate));
    for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i] = 0.25f * static_cast<float>(std::sin(2.0 * std::numbers::pi * hz * i / rate));
    return SpokenLine{"tone", 0, narration::compactClip(samples, rate)};
}

void expectCleanAt(double outputRate) {
    const SpokenLine line = toneLine(1000.0, 1.0);
    const auto played = test::playedLine(line, outputRate);
    EXPECT_EQ(static_cast<std::int64_t>(played.size()), line.lengthFramesAt(outputRate));
    EXPECT_EQ(played.size(), static_cast<std::size_t>(outputRate));  // one second, to the frame
    const std::size_t from = played.size() / 4;
    const std::size_t n = played.size() / 2;
    const double tone = amplitudeAt(played, from, n, 1000.0, outputRate);
    EXPECT_NEAR(20.0 * std::log10(tone / 0.25), 0.0, 0.05) << outputRate;
    // Images of the tone around the clip's rate (16 kHz +- 1 kHz).
    for (const double image : {15000.0, 17000.0}) {
        const double level = amplitudeAt(played, from, n, image, outputRate);
        EXPECT_LT(20.0 * std::log10(level / tone + 1e-12), -60.0) << image << " at " << outputRate;
    }
}

TEST(VoiceResampling, AClipAt16kHzPlaysCleanAt48kHz) {
    expectCleanAt(48000.0);  // weights for three repeating phases
}

TEST(VoiceResampling, AClipAt16kHzPlaysCleanAt44100Hz) {
    expectCleanAt(44100.0);  // a fraction for every frame
}

TEST(VoiceResampling, ALineStartsOnItsFirstSampleAndKeepsItsRests) {
    // A click at the clip's sample 800 (50 ms), after a rest of 1600 frames at 40 ms.
    std::vector<float> samples(1600, 0.0f);
    samples[800] = 0.5f;
    SpokenLine line{"click", 0, narration::compactClip(samples, 16000.0, {{640, 1600}})};
    const auto played = test::playedLine(line, 48000.0);
    // Heard at (800 + 1600) / 16000 s = 150 ms: the kernel is symmetric, its peak on time.
    const auto peak = std::max_element(played.begin(), played.end(),
                                       [](float a, float b) { return std::abs(a) < std::abs(b); });
    EXPECT_EQ(peak - played.begin(), 3 * 2400);
    EXPECT_EQ(static_cast<std::int64_t>(played.size()), 3 * 3200);
}

}  // namespace
}  // namespace stillpoint
