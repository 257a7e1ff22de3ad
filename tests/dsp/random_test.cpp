#include "dsp/random.hpp"

#include <gtest/gtest.h>

namespace stillpoint::dsp {
namespace {

TEST(Xorshift32, BipolarStaysInHalfOpenRangeWithZeroMean) {
    Xorshift32 rng(12345u);
    double sum = 0.0, squares = 0.0;
    float lo = 1.0f, hi = -1.0f;
    constexpr int kCount = 1 << 20;
    for (int i = 0; i < kCount; ++i) {
        const float x = rng.nextBipolar();
        ASSERT_GE(x, -1.0f);
        ASSERT_LT(x, 1.0f);
        lo = std::min(lo, x);
        hi = std::max(hi, x);
        sum += x;
        squares += static_cast<double>(x) * x;
    }
    EXPECT_NEAR(sum / kCount, 0.0, 0.005);
    EXPECT_NEAR(squares / kCount, 1.0 / 3.0, 0.005);  // uniform: variance 1/3
    EXPECT_LT(lo, -0.999f);
    EXPECT_GT(hi, 0.999f);
}

TEST(Xorshift32, SameSeedSameStreamOtherSeedOtherStream) {
    Xorshift32 a(7u), b(7u), c(8u);
    int same = 0;
    for (int i = 0; i < 1000; ++i) {
        const float x = a.nextBipolar();
        EXPECT_EQ(x, b.nextBipolar());
        same += x == c.nextBipolar() ? 1 : 0;
    }
    EXPECT_LT(same, 5);
}

TEST(Xorshift32, ZeroSeedDoesNotLockUp) {
    Xorshift32 rng(0u);
    EXPECT_NE(rng.nextU32(), 0u);
}

}  // namespace
}  // namespace stillpoint::dsp
