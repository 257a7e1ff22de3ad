// The app's audio path: the device callback of ProcessorHost, which runs the
// plugin's processor (its control queue, parameters and SessionPlayer) and
// routes the haptic to a third output, through every control (play, hold,
// sections, pace, a profile's levels and haptic cap, pause, resume,
// grounding, stop behind a full control queue, play again from the top, a
// new session), makes no allocation, free or lock on the audio thread. The controls themselves run
// outside the guard (message thread).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <thread>
#include <vector>

#include "../app_render.hpp"
#include "app_player.hpp"
#include "realtime_guard.hpp"

namespace stillpoint::test {
namespace {

TEST(AppPlayerRender, NeverAllocatesFreesOrLocksThroughEveryControl) {
    app::AppPlayer player;
    juce::BigInteger open;
    open.setRange(0, 3, true);
    player.host().setHapticChannel(2);
    player.host().prepare(48000.0, 512, open);
    ASSERT_EQ(player.load(plugin::bundledSessions().front(), {}), "");
    ClientProfile louder;
    louder.layerTrimDb = {3.0, -6.0, 0.0, 2.0, -10.0, -10.0};
    louder.paceBpm = 5.0;
    louder.hapticCap = 0.5;

    const std::vector<std::pair<int, std::function<void()>>> controls = {
        {50, [&] { player.play(); }},
        {400, [&] { player.setHold(true); }},
        {500, [&] { player.setHold(false); }},
        {600, [&] { player.next(); }},
        {800, [&] { player.previous(); }},
        {1000, [&] { player.faster(); }},
        {1100, [&] { player.applyProfile(louder); }},
        {1150, [&] { player.applyProfile({}); }},
        {1160, [&] { player.applyProfile(louder); }},
        {1200, [&] { player.pause(); }},
        {1500, [&] { player.play(); }},
        {1700, [&] { player.grounding(); }},
        {2100,
         [&] {
             // Behind a full control queue: the latched Stop is taken too.
             while (player.processor().control({plugin::ControlType::Play})) {
             }
             player.stop();
         }},
        {2500, [&] { player.play(); }},  // after the end: from the top
        {2900, [&] { player.load(plugin::bundledSessions().back(), louder); }},
        {2950, [&] { player.play(); }},
    };
    std::vector<float> left(512), right(512), haptic(512);
    float* out[3] = {left.data(), right.data(), haptic.data()};
    float hapticPeak = 0.0f;
    RealtimeViolations seen;
    std::size_t next = 0;
    bool paused = false, finished = false;
    for (int block = 0; block < 3400; ++block) {
        if (next < controls.size() && controls[next].first == block) controls[next++].second();
        {
            RealtimeGuard guard;
            player.host().audioDeviceIOCallbackWithContext(nullptr, 0, out, 3, 1 + block % 512, {});
            const auto v = guard.violations();
            seen.allocations += v.allocations;
            seen.frees += v.frees;
            seen.locks += v.locks;
        }
        for (int i = 0; i < 1 + block % 512; ++i)
            hapticPeak = std::max(hapticPeak, std::fabs(haptic[i]));
        paused = paused || player.state().paused;
        finished = finished || player.state().finished;
        if (app::test::engineComing(player.display()))
            std::this_thread::sleep_for(std::chrono::milliseconds(11));
    }
    EXPECT_EQ(next, controls.size());
    EXPECT_TRUE(paused);
    EXPECT_TRUE(finished);        // the stop came through
    EXPECT_GT(hapticPeak, 0.0f);  // the haptic output was played too
    EXPECT_EQ(seen.allocations, 0);
    EXPECT_EQ(seen.frees, 0);
    EXPECT_EQ(seen.locks, 0);
}

}  // namespace
}  // namespace stillpoint::test
