#include "dsp/modal_bell.hpp"

#include <gtest/gtest.h>

#include "audio_analysis.hpp"
#include "dsp_test_support.hpp"

namespace stillpoint::dsp {
namespace {

using test::samples;

test::Stereo strikeAndRing(BellVoicing voicing, double rate, double seconds,
                           float velocity = 1.0f) {
    ModalBell bell;
    bell.prepare(rate);
    bell.strike(voicing, velocity);
    test::Stereo out(samples(seconds, rate));
    bell.process(out.left.data(), out.right.data(), out.frames());
    return out;
}

struct Expected {
    BellVoicing voicing;
    double fundamentalHz;
};

TEST(ModalBell, RingsAtItsFundamentalAtEveryRate) {
    for (double rate : {44100.0, 48000.0, 96000.0}) {
        for (const Expected& e :
             {Expected{BellVoicing::Bowl, 220.0}, Expected{BellVoicing::Chime, 880.0},
              Expected{BellVoicing::BreathBowl, 330.0}}) {
            const auto out = strikeAndRing(e.voicing, rate, 3.0);
            const double peak = test::peakFrequency(out.left.data(), out.frames(), rate, 50.0);
            EXPECT_NEAR(peak, e.fundamentalHz, 0.02 * e.fundamentalHz)
                << "voicing " << static_cast<int>(e.voicing) << " at " << rate;
        }
    }
}

TEST(ModalBell, AStrikeMeasuresTheNominalLevelOverItsFirstSecond) {
    constexpr double kRate = 48000.0;
    for (BellVoicing v : {BellVoicing::Bowl, BellVoicing::Chime, BellVoicing::BreathBowl}) {
        const auto out = strikeAndRing(v, kRate, 1.0);
        EXPECT_NEAR(test::rmsDbfs(out.left.data(), out.frames()), -20.0, 1.5)
            << static_cast<int>(v);
        EXPECT_NEAR(test::rmsDbfs(out.right.data(), out.frames()), -20.0, 1.5)
            << static_cast<int>(v);
        EXPECT_LT(test::maxAbs(out.left.data(), out.frames()), 0.5);
    }
}

TEST(ModalBell, BowlDecaysSecondBySecond) {
    constexpr double kRate = 48000.0;
    const auto out = strikeAndRing(BellVoicing::Bowl, kRate, 14.0);
    std::vector<float> mono(out.left.size());
    for (std::size_t i = 0; i < mono.size(); ++i) mono[i] = out.left[i] + out.right[i];
    const auto levels = test::windowedRms(mono.data(), out.frames(), samples(1.0, kRate));
    ASSERT_EQ(levels.size(), 14u);
    for (std::size_t i = 1; i < levels.size(); ++i)
        EXPECT_LT(levels[i], levels[i - 1]) << "second " << i;
    // A long ring: after 12 s it is still there, but more than 40 dB down.
    const double drop = 20.0 * std::log10(levels[0] / levels[12]);
    EXPECT_GT(drop, 40.0);
    EXPECT_LT(drop, 75.0);
}

TEST(ModalBell, ChimeAndBreathBowlAreShorter) {
    constexpr double kRate = 48000.0;
    for (BellVoicing v : {BellVoicing::Chime, BellVoicing::BreathBowl}) {
        const auto out = strikeAndRing(v, kRate, 6.0);
        const auto levels = test::windowedRms(out.left.data(), out.frames(), samples(1.0, kRate));
        const double drop = 20.0 * std::log10(levels[0] / levels[5]);  // over 5 s
        EXPECT_GT(drop, 45.0) << static_cast<int>(v);
    }
}

TEST(ModalBell, TheMalletLeavesNoClick) {
    constexpr double kRate = 48000.0;
    for (BellVoicing v : {BellVoicing::Bowl, BellVoicing::Chime, BellVoicing::BreathBowl}) {
        const auto out = strikeAndRing(v, kRate, 2.0);
        const int attack = samples(0.01, kRate);
        const double peak = test::maxAbs(out.left.data(), out.frames());
        // The onset rises: no single step is a sizeable part of the peak...
        EXPECT_LT(test::maxAbsStep(out.left.data(), attack), 0.25 * peak) << static_cast<int>(v);
        // ...and the mallet adds no step beyond what the ring right after it has.
        const double ringStep = test::maxAbsStep(out.l(attack), samples(0.1, kRate));
        EXPECT_LT(test::maxAbsStep(out.left.data(), attack), 1.25 * ringStep)
            << static_cast<int>(v);
        // A click would be broadband: nothing above 6 kHz (all modes are below 3 kHz).
        EXPECT_LT(test::highBandPowerDb(out.left.data(), 2048, kRate, 6000.0), -60.0)
            << static_cast<int>(v);
    }
}

TEST(ModalBell, OverlappingStrikesAdd) {
    constexpr double kRate = 48000.0;
    const int frames = samples(3.0, kRate);
    const int second = samples(1.0, kRate);
    auto renderWith = [&](bool first, bool later) {
        ModalBell bell;
        bell.prepare(kRate);
        test::Stereo out(frames);
        if (first) bell.strike(BellVoicing::Bowl, 1.0f);
        bell.process(out.left.data(), out.right.data(), second);
        if (later) {
            bell.strike(BellVoicing::Bowl, 0.7f);
            bell.strike(BellVoicing::Chime, 0.5f);
        }
        bell.process(out.left.data() + second, out.right.data() + second, frames - second);
        return out;
    };
    const auto a = renderWith(true, false);
    const auto b = renderWith(false, true);
    const auto both = renderWith(true, true);
    double worst = 0.0;
    for (int i = 0; i < frames; ++i) {
        worst =
            std::max(worst, std::abs(static_cast<double>(both.left[i]) - a.left[i] - b.left[i]));
        worst =
            std::max(worst, std::abs(static_cast<double>(both.right[i]) - a.right[i] - b.right[i]));
    }
    EXPECT_LT(worst, 1e-5);  // float rounding only
    EXPECT_GT(test::maxAbs(b.left.data(), frames), 0.05);
}

TEST(ModalBell, StrikesAtTheSameMomentAddTheirVelocities) {
    constexpr double kRate = 48000.0;
    const auto single = strikeAndRing(BellVoicing::Chime, kRate, 0.5, 0.8f);
    ModalBell bell;
    bell.prepare(kRate);
    bell.strike(BellVoicing::Chime, 0.5f);
    bell.strike(BellVoicing::Chime, 0.3f);
    test::Stereo twice(single.frames());
    bell.process(twice.left.data(), twice.right.data(), twice.frames());
    for (int i = 0; i < single.frames(); ++i) ASSERT_NEAR(twice.left[i], single.left[i], 1e-6) << i;
}

TEST(ModalBell, FallsToExactSilenceAndSaysSo) {
    constexpr double kRate = 48000.0;
    ModalBell bell;
    bell.prepare(kRate);
    EXPECT_TRUE(bell.isSilent());
    bell.strike(BellVoicing::BreathBowl, 1.0f);
    EXPECT_FALSE(bell.isSilent());
    test::Stereo out(samples(20.0, kRate));
    int silentAt = -1;
    for (int done = 0; done < out.frames(); done += 480) {
        bell.process(out.left.data() + done, out.right.data() + done, 480);
        if (silentAt < 0 && bell.isSilent()) silentAt = done;
    }
    ASSERT_GT(silentAt, 0);
    EXPECT_LT(silentAt, samples(16.0, kRate));
    for (int i = silentAt + 480; i < out.frames(); ++i) ASSERT_EQ(out.left[i], 0.0f) << i;
    test::expectClean(out);
    // Silent means quiet: the last sound before silence is far below hearing.
    EXPECT_LT(test::maxAbs(out.l(silentAt - 4800), 4800), 1e-5);
}

TEST(ModalBell, AnyBlockSplitGivesIdenticalOutput) {
    for (const double rate : test::kSweepRates) {
        SCOPED_TRACE(rate);
        test::Scenario<ModalBell> scenario;
        scenario.frames = samples(16.0, rate);
        scenario.events = {
            {0, [](ModalBell& b) { b.strike(BellVoicing::BreathBowl, 1.0f); }},
            {20,
             [](ModalBell& b) {
                 b.strike(BellVoicing::BreathBowl, 0.5f);
             }},  // inside the mallet pulse
            {samples(1.0, rate), [](ModalBell& b) { b.strike(BellVoicing::Chime, 0.8f); }},
            {samples(14.0, rate),
             [](ModalBell& b) { b.strike(BellVoicing::BreathBowl, 0.6f); }},  // after silence
        };
        scenario.process = [](ModalBell& b, int, float* l, float* r, int n) {
            if (!b.isSilent()) b.process(l, r, n);  // as the mixer does
        };
        test::expectSplitInvariant<ModalBell>(
            [rate] {
                ModalBell b;
                b.prepare(rate);
                return b;
            },
            scenario);
    }
}

}  // namespace
}  // namespace stillpoint::dsp
