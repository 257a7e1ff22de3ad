// The limiter's building blocks against plain reference computations.
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <vector>

#include "dsp/limiter_envelope.hpp"
#include "dsp/random.hpp"
#include "dsp/sliding_minimum.hpp"

namespace stillpoint::dsp {
namespace {

/// Gains in (0, 1]: mostly 1, with dips of random depth and length.
std::vector<float> requiredGains(int n, std::uint32_t seed) {
    Xorshift32 rng(seed);
    std::vector<float> g(static_cast<std::size_t>(n), 1.0f);
    for (int i = 0; i < n;) {
        const int gap = static_cast<int>(rng.nextU32() % 200u);
        const int length = 1 + static_cast<int>(rng.nextU32() % 60u);
        for (int k = i + gap; k < std::min(n, i + gap + length); ++k)
            g[static_cast<std::size_t>(k)] = 0.2f + 0.4f * (rng.nextBipolar() + 1.0f);
        i += gap + length;
    }
    return g;
}

TEST(SlidingMinimum, MatchesABruteForceMinimum) {
    for (int window : {1, 2, 7, 51, 97}) {
        SlidingMinimum m;
        m.prepare(window);
        const auto x = requiredGains(20000, static_cast<std::uint32_t>(window));
        for (int i = 0; i < static_cast<int>(x.size()); ++i) {
            float expected = 1.0f;
            for (int k = std::max(0, i - window + 1); k <= i; ++k)
                expected = std::min(expected, x[static_cast<std::size_t>(k)]);
            ASSERT_EQ(m.push(x[static_cast<std::size_t>(i)]), expected)
                << "window " << window << " at " << i;
            bool ones = true;
            for (int k = std::max(0, i - window + 1); k <= i; ++k)
                ones = ones && x[static_cast<std::size_t>(k)] == 1.0f;
            ASSERT_EQ(m.allOnes(), ones) << "window " << window << " at " << i;
        }
    }
}

TEST(SlidingMinimum, SkippingOnesIsTheSameAsPushingThem) {
    SlidingMinimum a, b;
    a.prepare(13);
    b.prepare(13);
    const auto x = requiredGains(5000, 3u);
    for (int i = 0; i < static_cast<int>(x.size()); ++i) {
        const float v = x[static_cast<std::size_t>(i)];
        if (a.allOnes() && v == 1.0f && i % 3 == 0) {
            const int run = 1 + i % 40;
            for (int k = 0; k < run; ++k) a.push(1.0f);
            b.pushOnes(run);
        }
        ASSERT_EQ(a.push(v), b.push(v)) << i;
    }
}

TEST(LimiterEnvelope, NeverAboveARequirementInItsHoldAndReturnsExactlyToOne) {
    constexpr int kAttack = 34, kGuard = 8, kHold = kAttack + 2 * kGuard + 1;
    LimiterEnvelope env;
    env.prepare(48000.0, kHold, kAttack, 0.2);
    auto required = requiredGains(48000, 9u);
    required.resize(required.size() + 3 * 48000, 1.0f);  // then 3 s of quiet: release is 200 ms
    std::vector<float> gain(required.size());
    for (std::size_t done = 0; done < required.size(); done += 100)
        env.run(required.data() + done, gain.data() + done,
                static_cast<int>(std::min<std::size_t>(100, required.size() - done)));
    // The gain at output time t applies to the requirement made at t - attack - guard;
    // it must not exceed any requirement within guard samples of that.
    for (std::size_t t = kAttack + 2 * kGuard; t < required.size(); ++t) {
        const std::size_t centre = t - kAttack - kGuard;
        for (std::size_t k = centre - kGuard; k <= centre + kGuard; ++k)
            ASSERT_LE(gain[t], required[k] * 1.000001f) << t << " vs requirement at " << k;
    }
    for (std::size_t t = 1; t < gain.size(); ++t)
        ASSERT_LT(std::abs(gain[t] - gain[t - 1]), 0.03f) << t;
    EXPECT_EQ(gain.back(), 1.0f);
    EXPECT_TRUE(env.isIdle());
}

}  // namespace
}  // namespace stillpoint::dsp
