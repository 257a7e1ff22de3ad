// When underruns count as repeated, and what buffer comes next.
#include "live/buffer_adapter.hpp"

#include <gtest/gtest.h>

namespace {

using namespace stillpoint::cli::live;
using Clock = UnderrunWatch::Clock;
using namespace std::chrono_literals;

TEST(UnderrunWatch, ThreeWithinTenSecondsAreRepeatedSpreadOutTheyAreNot) {
    UnderrunWatch watch(kRepeatCount, kRepeatWindow);
    const auto t0 = Clock::time_point{} + 100s;
    EXPECT_FALSE(watch.repeated(0, t0));
    EXPECT_FALSE(watch.repeated(1, t0 + 1s));
    EXPECT_FALSE(watch.repeated(2, t0 + 6s));
    // The first has left the 10 s window when the third comes.
    EXPECT_FALSE(watch.repeated(3, t0 + 11500ms));
    // A fourth within 10 s of the second and third.
    EXPECT_TRUE(watch.repeated(4, t0 + 12s));
}

TEST(UnderrunWatch, SeveralAtOnceCountEachAndForgetIgnoresASettlingStream) {
    UnderrunWatch watch(3, 10s);
    const auto t0 = Clock::time_point{} + 100s;
    EXPECT_TRUE(watch.repeated(3, t0));
    watch.forget(t0 + 1s);
    EXPECT_FALSE(watch.repeated(10, t0 + 500ms));  // settling: not judged, not remembered
    EXPECT_FALSE(watch.repeated(10, t0 + 2s));
    EXPECT_FALSE(watch.repeated(12, t0 + 3s));
    EXPECT_TRUE(watch.repeated(13, t0 + 4s));
}

TEST(LargerBuffer, DoublesTheLargerOfAskedAndGrantedUpTo8192) {
    OpenedOutput opened;
    opened.requestedFrames = 1024;
    opened.bufferFrames = 1024;
    EXPECT_EQ(largerBuffer(opened), 2048u);
    opened.bufferFrames = 256;  // JACK: the server's period
    EXPECT_EQ(largerBuffer(opened), 2048u);
    opened.requestedFrames = 64;
    opened.bufferFrames = 3000;  // a device that rounds up
    EXPECT_EQ(largerBuffer(opened), 6000u);
    opened.requestedFrames = 6000;
    EXPECT_EQ(largerBuffer(opened), 8192u);
    opened.requestedFrames = 8192;
    EXPECT_EQ(largerBuffer(opened), std::nullopt);
}

}  // namespace
