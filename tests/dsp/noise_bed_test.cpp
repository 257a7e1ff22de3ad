#include "dsp/noise_bed.hpp"

#include <gtest/gtest.h>

#include "audio_analysis.hpp"
#include "dsp_test_support.hpp"

namespace stillpoint::dsp {
namespace {

using test::samples;
constexpr double kRate = 48000.0;

NoiseBed preparedBed() {
    NoiseBed b;
    b.prepare(kRate);
    return b;
}

/// `seconds` of a bed that has been `kind` for 3.5 s already (past its fade-in).
test::Stereo steadyBed(BedKind kind, double seconds, double rate = kRate) {
    NoiseBed bed;
    bed.prepare(rate);
    bed.setKind(kind);
    test::Stereo warmUp(samples(3.5, rate));
    bed.process(warmUp.left.data(), warmUp.right.data(), warmUp.frames());
    test::Stereo out(samples(seconds, rate));
    bed.process(out.left.data(), out.right.data(), out.frames());
    return out;
}

double correlation(const test::Stereo& s) {
    double lr = 0, ll = 0, rr = 0;
    for (int i = 0; i < s.frames(); ++i) {
        lr += static_cast<double>(s.left[i]) * s.right[i];
        ll += static_cast<double>(s.left[i]) * s.left[i];
        rr += static_cast<double>(s.right[i]) * s.right[i];
    }
    return lr / std::sqrt(ll * rr);
}

TEST(NoiseBed, PinkFallsThreeDecibelsPerOctave) {
    for (double rate : {44100.0, 48000.0, 96000.0}) {
        const auto out = steadyBed(BedKind::Pink, 10.0, rate);
        EXPECT_NEAR(
            test::spectralSlopeDbPerOctave(out.left.data(), out.frames(), rate, 100.0, 3000.0),
            -3.0, 1.0)
            << rate;
    }
}

TEST(NoiseBed, BrownFallsSixDecibelsPerOctave) {
    const auto out = steadyBed(BedKind::Brown, 10.0);
    EXPECT_NEAR(test::spectralSlopeDbPerOctave(out.left.data(), out.frames(), kRate, 100.0, 3000.0),
                -6.0, 1.0);
}

TEST(NoiseBed, DronePeaksAtItsRoot) {
    const auto out = steadyBed(BedKind::Drone, 10.0);
    EXPECT_NEAR(test::peakFrequency(out.left.data(), out.frames(), kRate, 40.0), 87.31,
                87.31 * 0.02);
    EXPECT_NEAR(test::peakFrequency(out.right.data(), out.frames(), kRate, 40.0), 87.31,
                87.31 * 0.02);
    // Soft: almost nothing above 3 kHz.
    EXPECT_LT(test::highBandPowerDb(out.left.data(), out.frames(), kRate, 3000.0), -60.0);
}

TEST(NoiseBed, EveryKindSitsAtTheNominalLevelWithNoOffset) {
    for (BedKind kind : {BedKind::Pink, BedKind::Brown, BedKind::Drone}) {
        const auto out = steadyBed(kind, 10.0);
        for (const auto* channel : {&out.left, &out.right}) {
            EXPECT_NEAR(test::rmsDbfs(channel->data(), out.frames()), -20.0, 1.0)
                << static_cast<int>(kind);
            EXPECT_LT(std::abs(test::mean(channel->data(), out.frames())), 0.003)
                << static_cast<int>(kind);
        }
        test::expectClean(out);
    }
}

TEST(NoiseBed, NoisesAreDecorrelatedAcrossChannelsAndTheDroneDiffers) {
    EXPECT_LT(std::abs(correlation(steadyBed(BedKind::Pink, 5.0))), 0.1);
    EXPECT_LT(std::abs(correlation(steadyBed(BedKind::Brown, 5.0))), 0.15);
    EXPECT_LT(correlation(steadyBed(BedKind::Drone, 5.0)), 0.95);
}

TEST(NoiseBed, KindsCrossfadeAndNoneFadesToSilence) {
    NoiseBed bed = preparedBed();
    EXPECT_TRUE(bed.isSilent());
    bed.setKind(BedKind::Pink);
    test::Stereo out(samples(14.0, kRate));
    auto run = [&](double from, double to) {
        bed.process(out.left.data() + samples(from, kRate), out.right.data() + samples(from, kRate),
                    samples(to - from, kRate));
    };
    run(0.0, 4.0);
    bed.setKind(BedKind::Drone);
    run(4.0, 8.0);
    bed.setKind(BedKind::None);
    run(8.0, 11.0);
    EXPECT_TRUE(bed.isSilent());
    run(11.0, 14.0);
    // Fading in from nothing over 3 s: the first 100 ms are far down, then it grows.
    EXPECT_LT(test::rmsDbfs(out.left.data(), samples(0.1, kRate)), -40.0);
    const auto rising =
        test::windowedRms(out.left.data(), samples(1.5, kRate), samples(0.25, kRate));
    for (std::size_t i = 1; i < rising.size(); ++i) EXPECT_GT(rising[i], rising[i - 1]) << i;
    // Through the crossfade the level stays within a few dB of nominal.
    for (double level :
         test::windowedRms(out.l(samples(3.0, kRate)), samples(5.0, kRate), samples(0.5, kRate)))
        EXPECT_NEAR(20.0 * std::log10(level), -20.0, 2.0);
    for (int i = samples(11.0, kRate); i < out.frames(); ++i) ASSERT_EQ(out.left[i], 0.0f);
    test::expectClean(out);
}

TEST(NoiseBed, AnyBlockSplitGivesIdenticalOutput) {
    for (const double rate : test::kSweepRates) {
        SCOPED_TRACE(rate);
        test::Scenario<NoiseBed> scenario;
        scenario.frames = samples(9.0, rate);
        scenario.events = {
            {0, [](NoiseBed& b) { b.setKind(BedKind::Brown); }},
            {samples(1.0, rate), [](NoiseBed& b) { b.setKind(BedKind::Drone); }},
            {samples(2.0, rate), [](NoiseBed& b) { b.setKind(BedKind::Pink); }},  // mid-crossfade
            {samples(4.0, rate), [](NoiseBed& b) { b.setKind(BedKind::None); }},
            {samples(7.5, rate), [](NoiseBed& b) { b.setKind(BedKind::Drone); }},  // from silence
        };
        scenario.process = [](NoiseBed& b, int, float* l, float* r, int n) { b.process(l, r, n); };
        test::expectSplitInvariant<NoiseBed>(
            [rate] {
                NoiseBed b;
                b.prepare(rate);
                return b;
            },
            scenario);
    }
}

}  // namespace
}  // namespace stillpoint::dsp
