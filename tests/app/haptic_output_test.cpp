// The app's outputs: the Haptic bus (the 170 Hz carrier of the breath) comes
// out on the output the therapist chose and nowhere else, and a profile's
// haptics and layer volumes reach the engine. Rendered through the app's
// ProcessorHost and the plugin's processor, as a device plays them.
#include <gtest/gtest.h>

#include "app_render.hpp"

namespace stillpoint::app::test {
namespace {

constexpr double kSeconds = 12.0;

TEST(HapticOutput, SlotsCountOnlyOpenOutputsAndNeverTakeTheStereoPair) {
    const auto open = outputs({0, 1, 3, 4, 5});
    EXPECT_EQ(ProcessorHost::hapticSlot(open, 4), 3);
    EXPECT_EQ(ProcessorHost::hapticSlot(open, 3), 2);
    EXPECT_EQ(ProcessorHost::hapticSlot(open, 2), ProcessorHost::kOff);  // closed
    EXPECT_EQ(ProcessorHost::hapticSlot(open, 1), ProcessorHost::kOff);  // the right side
    EXPECT_EQ(ProcessorHost::hapticSlot(open, ProcessorHost::kOff), ProcessorHost::kOff);
    EXPECT_EQ(ProcessorHost::hapticSlot(outputs({2, 3, 6}), 6), 2);
}

TEST(HapticOutput, TheCarrierComesOutOnTheChosenOutputAndNowhereElse) {
    // Device outputs 0, 1, 3, 4, 5 open: the callback gets them as slots 0..4.
    const auto open = outputs({0, 1, 3, 4, 5});
    const auto routed = renderFromStart(breathingSession(), {}, open, 4, kSeconds);
    const auto off = renderFromStart(breathingSession(), {}, open, ProcessorHost::kOff, kSeconds);
    ASSERT_EQ(routed.size(), 5u);
    ASSERT_EQ(off.size(), 5u);

    const auto& haptic = routed[3];  // device output 4
    EXPECT_GT(rms(haptic, 4.0, kSeconds), 0.05);
    EXPECT_GT(powerShareAt(haptic, kLraCarrierHz, 4.0, 9.0), 0.7);
    EXPECT_LT(powerShareAt(routed[0], kLraCarrierHz, 4.0, 9.0), 0.05);
    for (const int silent : {2, 4}) EXPECT_EQ(peak(routed[silent], 0.0), 0.0f) << "slot " << silent;
    for (const int silent : {2, 3, 4}) EXPECT_EQ(peak(off[silent], 0.0), 0.0f) << "slot " << silent;
    // The stereo pair is the same sound to the sample, routed or not: nothing leaks into it.
    EXPECT_GT(rms(routed[0], 4.0, kSeconds), 0.01);
    EXPECT_EQ(routed[0], off[0]);
    EXPECT_EQ(routed[1], off[1]);
}

TEST(ProfileReachesTheEngine, HapticCapLimitsTheCarrier) {
    const auto open = outputs({0, 1, 2});
    ClientProfile capped;
    capped.hapticCap = 0.25;
    const auto full = renderFromStart(breathingSession(), {}, open, 2, kSeconds);
    const auto low = renderFromStart(breathingSession(), capped, open, 2, kSeconds);
    ASSERT_EQ(low.size(), 3u);
    EXPECT_LE(peak(low[2], 0.0), 0.25f + 1e-4f);
    EXPECT_GT(peak(low[2], 0.0), 0.15f);
    EXPECT_GT(peak(full[2], 0.0), 2.0f * peak(low[2], 0.0));
}

TEST(ProfileReachesTheEngine, HapticsOffSilenceTheCarrier) {
    ClientProfile off;
    off.haptics = false;
    const auto out = renderFromStart(breathingSession(), off, outputs({0, 1, 2}), 2, kSeconds);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_LT(peak(out[2], 1.0), 1e-6f);  // after the 0.5 s glide
    EXPECT_GT(rms(out[0], 4.0, kSeconds), 0.01);
}

TEST(ProfileReachesTheEngine, LayerVolumesChangeTheMix) {
    ClientProfile quieter;
    quieter.layerTrimDb.fill(-12.0);
    const auto open = outputs({0, 1});
    const auto own = renderFromStart(breathingSession(), {}, open, ProcessorHost::kOff, kSeconds);
    const auto low =
        renderFromStart(breathingSession(), quieter, open, ProcessorHost::kOff, kSeconds);
    ASSERT_EQ(low.size(), 2u);
    const double db = 20.0 * std::log10(rms(low[0], 4.0, kSeconds) / rms(own[0], 4.0, kSeconds));
    EXPECT_NEAR(db, -12.0, 1.0);
}

}  // namespace
}  // namespace stillpoint::app::test
