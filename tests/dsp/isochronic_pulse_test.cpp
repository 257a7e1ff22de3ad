#include "dsp/isochronic_pulse.hpp"

#include <gtest/gtest.h>

#include "audio_analysis.hpp"
#include "dsp_test_support.hpp"

namespace stillpoint::dsp {
namespace {

using test::samples;
constexpr double kRate = 48000.0;

test::Stereo renderPulse(double carrier, double rate, double seconds) {
    IsochronicPulse p;
    p.prepare(kRate);
    p.configure(carrier, rate);
    test::Stereo out(samples(seconds, kRate));
    p.process(out.left.data(), out.right.data(), out.frames());
    return out;
}

/// Samples where the gate opens: |x| first exceeds half its peak after at
/// least `quiet` samples below a tenth of it.
std::vector<int> onsets(const std::vector<float>& x, int quiet) {
    const double peak = test::maxAbs(x.data(), static_cast<int>(x.size()));
    std::vector<int> found;
    int below = 0;
    bool armed = false;
    for (int i = 0; i < static_cast<int>(x.size()); ++i) {
        const double a = std::abs(x[static_cast<std::size_t>(i)]);
        below = a < 0.1 * peak ? below + 1 : 0;
        if (below >= quiet) armed = true;
        if (armed && a > 0.5 * peak) {
            found.push_back(i);
            armed = false;
        }
    }
    return found;
}

TEST(IsochronicPulse, PulsesAtItsRate) {
    struct Case {
        double carrier, rate;
    };
    for (const Case c :
         {Case{180.0, 6.0}, Case{400.0, 10.0}, Case{1000.0, 40.0}, Case{100.0, 0.5}}) {
        const auto out = renderPulse(c.carrier, c.rate, c.rate < 1.0 ? 12.0 : 4.0);
        const int carrierPeriod = samples(1.0 / c.carrier, kRate);
        const auto starts = onsets(out.left, 2 * carrierPeriod);
        ASSERT_GE(starts.size(), 3u) << c.rate;
        const double period = static_cast<double>(starts.back() - starts.front()) /
                              static_cast<double>(starts.size() - 1) / kRate;
        EXPECT_NEAR(period, 1.0 / c.rate, 1.5 / c.carrier) << c.carrier << "/" << c.rate;
        EXPECT_EQ(out.left, out.right);
    }
}

TEST(IsochronicPulse, GateIsHalfOnAndAveragesTheNominalLevel) {
    const auto out = renderPulse(200.0, 5.0, 4.0);
    EXPECT_NEAR(test::rmsDbfs(out.left.data(), out.frames()), -20.0, 0.2);
    // Off half the time: exact zeros.
    int zeros = 0;
    for (float x : out.left) zeros += x == 0.0f ? 1 : 0;
    EXPECT_NEAR(static_cast<double>(zeros) / out.frames(), 0.5, 0.01);
}

TEST(IsochronicPulse, EdgesAreRampedNotClicked) {
    for (double rate : {2.0, 10.0, 40.0}) {
        const auto out = renderPulse(1000.0, rate, 2.0);
        const double peak = test::maxAbs(out.left.data(), out.frames());
        // The carrier alone steps by up to peak * 2 pi f / fs; the gate adds
        // a small fraction of that, a click would add much more.
        const double carrierStep = peak * 2.0 * 3.14159265 * 1000.0 / kRate;
        EXPECT_LT(test::maxAbsStep(out.left.data(), out.frames()), 1.1 * carrierStep) << rate;
    }
}

TEST(IsochronicPulse, AnyBlockSplitGivesIdenticalOutput) {
    for (const double rate : test::kSweepRates) {
        SCOPED_TRACE(rate);
        test::Scenario<IsochronicPulse> scenario;
        scenario.frames = samples(5.0, rate);
        scenario.events = {
            {0, [](IsochronicPulse& p) { p.configure(220.0, 7.0); }},
            {samples(1.3, rate), [](IsochronicPulse& p) { p.configure(330.0, 12.0); }},
            {samples(3.0, rate), [](IsochronicPulse& p) { p.configure(110.0, 1.0); }},
        };
        scenario.process = [](IsochronicPulse& p, int, float* l, float* r, int n) {
            p.process(l, r, n);
        };
        test::expectSplitInvariant<IsochronicPulse>(
            [rate] {
                IsochronicPulse p;
                p.prepare(rate);
                return p;
            },
            scenario);
    }
}

}  // namespace
}  // namespace stillpoint::dsp
