#include "dsp/binaural_beat.hpp"

#include <gtest/gtest.h>

#include "audio_analysis.hpp"
#include "dsp_test_support.hpp"

namespace stillpoint::dsp {
namespace {

using test::samples;

test::Stereo renderBeat(double rate, double carrier, double beat, double seconds) {
    BinauralBeat b;
    b.prepare(rate);
    b.configure(carrier, beat);
    test::Stereo out(samples(seconds, rate));
    b.process(out.left.data(), out.right.data(), out.frames());
    return out;
}

TEST(BinauralBeat, EachEarHearsItsOwnSide) {
    struct Case {
        double carrier, beat;
    };
    for (double rate : {44100.0, 48000.0, 96000.0}) {
        for (const Case c :
             {Case{200.0, 6.0}, Case{100.0, 2.5}, Case{440.0, 10.0}, Case{1000.0, 40.0}}) {
            const auto out = renderBeat(rate, c.carrier, c.beat, 2.0);
            EXPECT_NEAR(test::peakFrequency(out.left.data(), out.frames(), rate),
                        c.carrier - c.beat / 2, 1.0)
                << c.carrier << "/" << c.beat << " at " << rate;
            EXPECT_NEAR(test::peakFrequency(out.right.data(), out.frames(), rate),
                        c.carrier + c.beat / 2, 1.0)
                << c.carrier << "/" << c.beat << " at " << rate;
            EXPECT_NEAR(test::rmsDbfs(out.left.data(), out.frames()), -20.0, 0.1);
            EXPECT_NEAR(test::rmsDbfs(out.right.data(), out.frames()), -20.0, 0.1);
        }
    }
}

TEST(BinauralBeat, ReconfiguringGlidesWithoutAJump) {
    constexpr double kRate = 48000.0;
    BinauralBeat b;
    b.prepare(kRate);
    b.configure(200.0, 6.0);
    test::Stereo out(samples(8.0, kRate));
    const int half = samples(2.0, kRate);
    b.process(out.left.data(), out.right.data(), half);
    b.configure(300.0, 10.0);
    b.process(out.left.data() + half, out.right.data() + half, out.frames() - half);
    // A pure sine of amplitude 0.1414 at 305 Hz steps at most 0.0056 per sample.
    EXPECT_LT(test::maxAbsStep(out.right.data(), out.frames()),
              0.1414 * 2 * 3.1416 * 305.5 / kRate);
    // Still mid-glide 1 s after, arrived after 2 s.
    const double mid = test::peakFrequency(out.r(samples(2.9, kRate)), samples(0.2, kRate), kRate);
    EXPECT_GT(mid, 220.0);
    EXPECT_LT(mid, 290.0);
    const double end = test::peakFrequency(out.r(samples(4.0, kRate)), samples(4.0, kRate), kRate);
    EXPECT_NEAR(end, 305.0, 1.0);
    EXPECT_EQ(test::worstHighBandPowerDb(out.left.data(), out.frames(), kRate, 2000.0) < -90.0,
              true);
}

TEST(BinauralBeat, AnyBlockSplitGivesIdenticalOutput) {
    for (const double rate : test::kSweepRates) {
        SCOPED_TRACE(rate);
        test::Scenario<BinauralBeat> scenario;
        scenario.frames = samples(4.0, rate);
        scenario.events = {
            {0, [](BinauralBeat& b) { b.configure(180.0, 4.0); }},
            {samples(1.0, rate), [](BinauralBeat& b) { b.configure(400.0, 12.0); }},
            {samples(2.0, rate), [](BinauralBeat& b) { b.configure(150.0, 1.0); }},
        };
        scenario.process = [](BinauralBeat& b, int, float* l, float* r, int n) {
            b.process(l, r, n);
        };
        test::expectSplitInvariant<BinauralBeat>(
            [rate] {
                BinauralBeat b;
                b.prepare(rate);
                return b;
            },
            scenario);
    }
}

}  // namespace
}  // namespace stillpoint::dsp
