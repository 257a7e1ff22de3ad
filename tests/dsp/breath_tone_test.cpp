#include "dsp/breath_tone.hpp"

#include <gtest/gtest.h>

#include "audio_analysis.hpp"
#include "dsp_test_support.hpp"

namespace stillpoint::dsp {
namespace {

using test::samples;
constexpr double kRate = 48000.0;

BreathTone preparedTone() {
    BreathTone t;
    t.prepare(kRate);
    return t;
}

/// Drives a tone: process `seconds` at constant fullness, appending to `out`.
struct Driver {
    BreathTone tone = preparedTone();
    test::Stereo out;
    float fullness = 0.5f;

    void run(double seconds) {
        const int n = samples(seconds, kRate);
        const int start = out.frames();
        out.left.resize(static_cast<std::size_t>(start + n), 0.0f);
        out.right.resize(static_cast<std::size_t>(start + n), 0.0f);
        const std::vector<float> f(static_cast<std::size_t>(n), fullness);
        for (int done = 0; done < n; done += 256) {
            const int m = std::min(256, n - done);
            if (!tone.isSilent())
                tone.process(f.data() + done, out.left.data() + start + done,
                             out.right.data() + start + done, m);
        }
    }
};

TEST(BreathTone, StartsSilentAndFadesInOverTwoSeconds) {
    Driver d;
    EXPECT_TRUE(d.tone.isSilent());
    d.tone.setTimbre(ToneTimbre::Pad);
    EXPECT_TRUE(d.tone.isSilent());  // chosen, but not switched on
    d.tone.setActive(true);
    EXPECT_FALSE(d.tone.isSilent());
    d.run(4.0);
    // Rising through the fade (its last quarter second is nearly flat: smoothstep).
    const auto levels =
        test::windowedRms(d.out.left.data(), samples(1.75, kRate), samples(0.25, kRate));
    for (std::size_t i = 1; i < levels.size(); ++i) EXPECT_GT(levels[i], levels[i - 1]) << i;
    EXPECT_LT(test::maxAbs(d.out.left.data(), samples(0.02, kRate)),
              1e-3);  // the first 20 ms: barely there
    EXPECT_NEAR(test::rmsDbfs(d.out.l(samples(2.5, kRate)), samples(1.5, kRate)), -20.0, 1.5);
}

TEST(BreathTone, SwitchedOffReachesExactSilenceAndSaysSo) {
    for (ToneTimbre timbre : {ToneTimbre::Pad, ToneTimbre::Wave, ToneTimbre::Bowl}) {
        Driver d;
        d.tone.setTimbre(timbre);
        d.tone.setActive(true);
        d.tone.onPhaseChange(BreathPhase::Inhale);
        d.run(3.0);
        d.tone.setActive(false);
        d.run(1.0);
        EXPECT_FALSE(d.tone.isSilent());
        d.run(1.01);  // the fade is 2 s
        EXPECT_TRUE(d.tone.isSilent()) << static_cast<int>(timbre);
        d.run(1.0);
        const int fadeEnd = samples(5.0, kRate);
        for (int i = fadeEnd; i < d.out.frames(); ++i) {
            ASSERT_EQ(d.out.left[i], 0.0f) << i;
            ASSERT_EQ(d.out.right[i], 0.0f) << i;
        }
        // The fade itself glides down: each quarter second quieter than the last.
        const auto levels = test::windowedRms(d.out.l(samples(3.0, kRate)), samples(2.0, kRate),
                                              samples(0.25, kRate));
        if (timbre != ToneTimbre::Bowl) {
            for (std::size_t i = 1; i < levels.size(); ++i)
                EXPECT_LT(levels[i], levels[i - 1])
                    << "timbre " << static_cast<int>(timbre) << " window " << i;
        }
        test::expectClean(d.out);
    }
}

TEST(BreathTone, TimbreCrossfadeHasNoDiscontinuity) {
    Driver d;
    d.tone.setTimbre(ToneTimbre::Pad);
    d.tone.setActive(true);
    d.run(3.0);
    d.tone.setTimbre(ToneTimbre::Wave);
    d.run(3.0);
    d.tone.setTimbre(ToneTimbre::Pad);
    d.run(3.0);
    const int second = samples(1.0, kRate);
    // The steady timbres' own largest steps...
    const double padStep = test::maxAbsStep(d.out.l(samples(2.0, kRate)), second);
    const double waveStep = test::maxAbsStep(d.out.l(samples(5.0, kRate)), second);
    // ...bound the steps through both crossfades (1.5 s each).
    const double fadeStep = std::max(test::maxAbsStep(d.out.l(samples(3.0, kRate)), 2 * second),
                                     test::maxAbsStep(d.out.l(samples(6.0, kRate)), 2 * second));
    EXPECT_LT(fadeStep, 1.2 * std::max(padStep, waveStep));
    // The level holds through the crossfade (equal-power curve), within 1.5 dB.
    const auto levels =
        test::windowedRms(d.out.l(samples(2.5, kRate)), samples(2.5, kRate), samples(0.25, kRate));
    const auto [lo, hi] = std::minmax_element(levels.begin(), levels.end());
    EXPECT_LT(20.0 * std::log10(*hi / *lo), 3.0);
    test::expectClean(d.out);
}

TEST(BreathTone, BowlStrikesOnPhaseChangesTurnsLouderThanHolds) {
    Driver d;
    d.tone.setTimbre(ToneTimbre::Bowl);
    d.tone.setActive(true);
    d.run(2.0);  // fully faded in, nothing struck yet: quiet
    EXPECT_EQ(test::maxAbs(d.out.left.data(), d.out.frames()), 0.0);
    d.tone.onPhaseChange(BreathPhase::Inhale);
    d.run(1.0);
    const double turn = test::rms(d.out.l(samples(2.0, kRate)), samples(1.0, kRate));
    d.tone.setActive(false);  // let it die, then strike a hold on a fresh tone
    Driver h;
    h.tone.setTimbre(ToneTimbre::Bowl);
    h.tone.setActive(true);
    h.run(2.0);
    h.tone.onPhaseChange(BreathPhase::HoldIn);
    h.run(1.0);
    const double hold = test::rms(h.out.l(samples(2.0, kRate)), samples(1.0, kRate));
    EXPECT_GT(hold, 0.0);
    EXPECT_NEAR(20.0 * std::log10(turn / hold), 6.0, 0.5);
    // A turn strikes 1.76 dB over a full-velocity bell (the bowl matched to the pad in loudness).
    EXPECT_NEAR(20.0 * std::log10(turn), -20.0 + 1.76, 1.5);
}

TEST(BreathTone, PhaseChangesStrikeNothingWithOtherTimbresOrWhenOff) {
    Driver d;
    d.tone.setTimbre(ToneTimbre::Bowl);
    d.tone.onPhaseChange(BreathPhase::Inhale);  // not active
    EXPECT_TRUE(d.tone.isSilent());
    d.tone.setActive(true);
    d.run(2.5);
    EXPECT_EQ(test::maxAbs(d.out.left.data(), d.out.frames()), 0.0);
}

TEST(BreathTone, NoneIsSilent) {
    Driver d;
    d.tone.setTimbre(ToneTimbre::None);
    d.tone.setActive(true);
    EXPECT_TRUE(d.tone.isSilent());
    d.tone.setTimbre(ToneTimbre::Pad);
    d.run(2.5);
    d.tone.setTimbre(ToneTimbre::None);
    d.run(1.6);
    EXPECT_TRUE(d.tone.isSilent());
}

TEST(BreathTone, AnyBlockSplitGivesIdenticalOutput) {
    for (const double rate : test::kSweepRates) {
        SCOPED_TRACE(rate);
        const auto fullness = test::breathingFullness(rate, 0.5, 2.0, 0.5, 2.0, 7.0);
        test::Scenario<BreathTone> scenario;
        scenario.frames = static_cast<int>(fullness.size());
        auto at = [rate](double s) { return samples(s, rate); };
        scenario.events = {
            {0, [](BreathTone& t) { t.setTimbre(ToneTimbre::Pad); }},
            {at(0.1), [](BreathTone& t) { t.setActive(true); }},
            {at(1.0), [](BreathTone& t) { t.setTimbre(ToneTimbre::Wave); }},
            {at(1.7), [](BreathTone& t) { t.setTimbre(ToneTimbre::Bowl); }},  // mid-crossfade
            {at(2.5), [](BreathTone& t) { t.onPhaseChange(BreathPhase::HoldIn); }},
            {at(3.0), [](BreathTone& t) { t.onPhaseChange(BreathPhase::Exhale); }},
            {at(4.0), [](BreathTone& t) { t.setActive(false); }},
            {at(6.5),
             [](BreathTone& t) {  // from silence
                 t.setTimbre(ToneTimbre::Pad);
                 t.setActive(true);
             }},
            {at(8.0), [](BreathTone& t) { t.setTimbre(ToneTimbre::None); }},
            {at(10.0), [](BreathTone& t) { t.setTimbre(ToneTimbre::Wave); }},
        };
        scenario.process = [&](BreathTone& t, int offset, float* l, float* r, int n) {
            if (!t.isSilent()) t.process(fullness.data() + offset, l, r, n);  // as the mixer does
        };
        test::expectSplitInvariant<BreathTone>(
            [rate] {
                BreathTone t;
                t.prepare(rate);
                return t;
            },
            scenario);
    }
}

}  // namespace
}  // namespace stillpoint::dsp
