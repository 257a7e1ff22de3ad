#include "dsp/pad_voice.hpp"

#include <gtest/gtest.h>

#include "audio_analysis.hpp"
#include "dsp_test_support.hpp"

namespace stillpoint::dsp {
namespace {

using test::samples;
constexpr double kRate = 48000.0;

struct Breath {
    std::vector<float> fullness = test::breathingFullness(kRate, 1.0, 4.0, 3.0, 4.0, 1.0);
    test::Stereo out;
    Breath() {
        PadVoice pad;
        pad.prepare(kRate);
        out = test::Stereo(static_cast<int>(fullness.size()));
        pad.process(fullness.data(), out.left.data(), out.right.data(), out.frames());
    }
    // The last 0.75 s of each hold.
    const float* emptyBefore() const { return out.l(samples(0.25, kRate)); }
    const float* full() const { return out.l(samples(5.25, kRate)); }
    const float* emptyAfter() const { return out.l(samples(12.25, kRate)); }
    int window() const { return samples(0.75, kRate); }
};

TEST(PadVoice, PitchGlidesUpThreeSemitonesWithTheInhaleAndBack) {
    const Breath b;
    const double empty = test::peakFrequency(b.emptyBefore(), b.window(), kRate, 100.0);
    const double full = test::peakFrequency(b.full(), b.window(), kRate, 100.0);
    const double emptyAgain = test::peakFrequency(b.emptyAfter(), b.window(), kRate, 100.0);
    EXPECT_NEAR(empty, 174.6, 174.6 * 0.01);
    EXPECT_NEAR(full, 207.7, 207.7 * 0.01);
    EXPECT_NEAR(emptyAgain, 174.6, 174.6 * 0.01);
}

TEST(PadVoice, BrightnessRisesWithTheInhaleAndFallsWithTheExhale) {
    const Breath b;
    const double empty = test::spectralCentroid(b.emptyBefore(), b.window(), kRate);
    const double full = test::spectralCentroid(b.full(), b.window(), kRate);
    const double emptyAgain = test::spectralCentroid(b.emptyAfter(), b.window(), kRate);
    EXPECT_GT(full, empty * 1.3) << empty << " -> " << full;
    EXPECT_LT(emptyAgain, full / 1.3);
    EXPECT_NEAR(emptyAgain, empty, empty * 0.15);
    // Soft: even when full, the weight sits well below 3 kHz.
    EXPECT_LT(full, 1000.0);
}

TEST(PadVoice, SitsAtTheNominalLevel) {
    const Breath b;
    const int mid = samples(3.0, kRate);  // mid-inhale
    for (const float* channel :
         {b.out.l(mid - samples(0.5, kRate)), b.out.r(mid - samples(0.5, kRate))})
        EXPECT_NEAR(test::rmsDbfs(channel, samples(1.0, kRate)), -20.0, 1.5);
    EXPECT_NEAR(test::rmsDbfs(b.full(), b.window()), -20.0, 1.5);
    EXPECT_NEAR(test::rmsDbfs(b.emptyBefore(), b.window()), -20.0, 1.5);
}

TEST(PadVoice, GlidesWithoutClicks) {
    const Breath b;
    // Every harmonic above 8 kHz is below -100 dB; a click would be broadband.
    EXPECT_LT(test::worstHighBandPowerDb(b.out.left.data(), b.out.frames(), kRate, 8000.0), -90.0);
    EXPECT_LT(test::worstHighBandPowerDb(b.out.right.data(), b.out.frames(), kRate, 8000.0), -90.0);
}

TEST(PadVoice, LeftAndRightDiffer) {
    const Breath b;
    double diff = 0.0;
    for (int i = 0; i < b.out.frames(); ++i) diff += std::abs(b.out.left[i] - b.out.right[i]);
    EXPECT_GT(diff / b.out.frames(), 0.01);
}

TEST(PadVoice, AnyBlockSplitGivesIdenticalOutput) {
    for (const double rate : test::kSweepRates) {
        SCOPED_TRACE(rate);
        const auto fullness = test::breathingFullness(rate, 0.2, 0.6, 0.2, 0.6, 0.2);
        test::Scenario<PadVoice> scenario;
        scenario.frames = static_cast<int>(fullness.size());
        scenario.events.emplace_back(samples(1.0, rate), [](PadVoice& p) { p.reset(); });
        scenario.process = [&](PadVoice& p, int offset, float* l, float* r, int n) {
            p.process(fullness.data() + offset, l, r, n);
        };
        test::expectSplitInvariant<PadVoice>(
            [rate] {
                PadVoice p;
                p.prepare(rate);
                return p;
            },
            scenario);
    }
}

}  // namespace
}  // namespace stillpoint::dsp
