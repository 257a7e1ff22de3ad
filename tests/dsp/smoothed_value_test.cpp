#include "dsp/smoothed_value.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace stillpoint::dsp {
namespace {

TEST(SmoothedValue, RampsLinearlyAndLandsExactlyOnTarget) {
    SmoothedValue v;
    v.prepare(1000.0, 0.1);  // 100 steps
    v.snapTo(0.0f);
    v.setTarget(1.0f);
    EXPECT_TRUE(v.isRamping());
    EXPECT_EQ(v.remainingSteps(), 100);
    float previous = v.current();
    for (int i = 0; i < 100; ++i) {
        const float x = v.next();
        EXPECT_NEAR(x - previous, 0.01f, 1e-5f) << i;
        previous = x;
    }
    EXPECT_EQ(v.current(), 1.0f);
    EXPECT_FALSE(v.isRamping());
    EXPECT_EQ(v.next(), 1.0f);
}

TEST(SmoothedValue, FillRampMatchesNextBitForBit) {
    SmoothedValue a, b;
    a.prepare(48000.0, 0.05);
    b.prepare(48000.0, 0.05);
    a.snapTo(0.25f);
    b.snapTo(0.25f);
    a.setTarget(0.9f);
    b.setTarget(0.9f);
    std::vector<float> ramp(3000);
    int done = 0;
    for (int n : {1, 7, 100, 2000, 892}) {
        b.fillRamp(ramp.data() + done, n);
        done += n;
    }
    for (int i = 0; i < 3000; ++i) ASSERT_EQ(a.next(), ramp[static_cast<std::size_t>(i)]) << i;
}

TEST(SmoothedValue, NewTargetMidRampStartsFromWhereItIs) {
    SmoothedValue v;
    v.prepare(1000.0, 0.1);
    v.snapTo(0.0f);
    v.setTarget(1.0f);
    for (int i = 0; i < 50; ++i) v.next();
    const float here = v.current();
    v.setTarget(0.0f);
    EXPECT_EQ(v.current(), here);
    EXPECT_EQ(v.remainingSteps(), 100);
    EXPECT_NEAR(v.next(), here - here / 100.0f, 1e-6f);
}

TEST(SmoothedValue, SnapAndSkip) {
    SmoothedValue v;
    v.prepare(1000.0, 0.01);
    v.snapTo(0.5f);
    EXPECT_FALSE(v.isRamping());
    EXPECT_EQ(v.current(), 0.5f);
    v.setTarget(0.0f);
    v.skip(4);
    EXPECT_EQ(v.remainingSteps(), 6);
    v.skip(100);
    EXPECT_EQ(v.current(), 0.0f);
    EXPECT_FALSE(v.isRamping());
}

}  // namespace
}  // namespace stillpoint::dsp
