#include "dsp/wave_voice.hpp"

#include <gtest/gtest.h>

#include "audio_analysis.hpp"
#include "dsp_test_support.hpp"

namespace stillpoint::dsp {
namespace {

using test::samples;
constexpr double kRate = 48000.0;

struct Breath {
    std::vector<float> fullness = test::breathingFullness(kRate, 1.0, 4.0, 2.0, 4.0, 2.0);
    test::Stereo out;
    Breath() {
        WaveVoice wave;
        wave.prepare(kRate);
        out = test::Stereo(static_cast<int>(fullness.size()));
        wave.process(fullness.data(), out.left.data(), out.right.data(), out.frames());
    }
    const float* emptyBefore() const { return out.l(samples(0.1, kRate)); }
    const float* full() const { return out.l(samples(5.1, kRate)); }
    const float* emptyAfter() const { return out.l(samples(11.1, kRate)); }
    int window() const { return samples(0.9, kRate); }
};

TEST(WaveVoice, BrightensWithTheInhaleAndDarkensWithTheExhale) {
    const Breath b;
    const double empty = test::spectralCentroid(b.emptyBefore(), b.window(), kRate);
    const double full = test::spectralCentroid(b.full(), b.window(), kRate);
    const double emptyAgain = test::spectralCentroid(b.emptyAfter(), b.window(), kRate);
    EXPECT_GT(full, 2.0 * empty) << empty << " -> " << full;
    EXPECT_LT(emptyAgain, full / 2.0);
    EXPECT_NEAR(emptyAgain, empty, 0.15 * empty);
}

TEST(WaveVoice, SwellsTwelveDecibelsAndNeverFallsSilent) {
    const Breath b;
    const double empty = test::rmsDbfs(b.emptyBefore(), b.window());
    const double full = test::rmsDbfs(b.full(), b.window());
    const double emptyAgain = test::rmsDbfs(b.emptyAfter(), b.window());
    EXPECT_NEAR(full - empty, 12.0, 1.0);
    EXPECT_NEAR(empty, -28.0, 1.0);
    EXPECT_NEAR(emptyAgain, empty, 1.0);
    // Mid-breath is the nominal level.
    EXPECT_NEAR(test::rmsDbfs(b.out.l(samples(2.75, kRate)), samples(0.5, kRate)), -20.0, 1.0);
}

TEST(WaveVoice, RisesSmoothly) {
    const Breath b;
    // RMS over 250 ms windows climbs through the inhale with no jump between windows.
    const auto levels =
        test::windowedRms(b.out.l(samples(1.0, kRate)), samples(4.0, kRate), samples(0.25, kRate));
    for (std::size_t i = 1; i < levels.size(); ++i) EXPECT_LT(levels[i] / levels[i - 1], 1.5) << i;
    EXPECT_GT(levels.back(), 3.0 * levels.front());
}

TEST(WaveVoice, ChannelsAreDecorrelated) {
    const Breath b;
    double lr = 0, ll = 0, rr = 0;
    for (int i = 0; i < b.out.frames(); ++i) {
        lr += static_cast<double>(b.out.left[i]) * b.out.right[i];
        ll += static_cast<double>(b.out.left[i]) * b.out.left[i];
        rr += static_cast<double>(b.out.right[i]) * b.out.right[i];
    }
    EXPECT_LT(std::abs(lr / std::sqrt(ll * rr)), 0.1);
}

TEST(WaveVoice, AnyBlockSplitGivesIdenticalOutput) {
    for (const double rate : test::kSweepRates) {
        SCOPED_TRACE(rate);
        const auto fullness = test::breathingFullness(rate, 0.2, 0.6, 0.2, 0.6, 0.2);
        test::Scenario<WaveVoice> scenario;
        scenario.frames = static_cast<int>(fullness.size());
        scenario.events.emplace_back(samples(1.0, rate), [](WaveVoice& w) { w.reset(); });
        scenario.process = [&](WaveVoice& w, int offset, float* l, float* r, int n) {
            w.process(fullness.data() + offset, l, r, n);
        };
        test::expectSplitInvariant<WaveVoice>(
            [rate] {
                WaveVoice w;
                w.prepare(rate);
                return w;
            },
            scenario);
    }
}

}  // namespace
}  // namespace stillpoint::dsp
