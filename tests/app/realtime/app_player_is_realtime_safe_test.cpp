// The app's audio path: AppPlayer::render, through every control (play,
// hold, sections, pace, layer volumes, pause, resume, stop, play again from
// the top, a new session), makes no allocation, free or lock on the audio
// thread. The controls themselves run outside the guard (message thread).
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <thread>
#include <vector>

#include "app_player.hpp"
#include "realtime_guard.hpp"

namespace stillpoint::test {
namespace {

TEST(AppPlayerRender, NeverAllocatesFreesOrLocksThroughEveryControl) {
    app::AppPlayer player;
    player.prepare(48000.0);
    ASSERT_EQ(player.load(plugin::bundledSessions().front(), {}), "");
    app::ClientProfile louder;
    louder.layerTrimDb = {3.0, -6.0, 0.0, 2.0, -10.0, -10.0};
    louder.paceBpm = 5.0;

    const std::vector<std::pair<int, std::function<void()>>> controls = {
        {50, [&] { player.play(); }},
        {400, [&] { player.setHold(true); }},
        {500, [&] { player.setHold(false); }},
        {600, [&] { player.next(); }},
        {800, [&] { player.previous(); }},
        {1000, [&] { player.faster(); }},
        {1100, [&] { player.applyProfile(louder); }},
        {1200, [&] { player.pause(); }},
        {1500, [&] { player.play(); }},
        {1700, [&] { player.grounding(); }},
        {2100, [&] { player.stop(); }},
        {2500, [&] { player.play(); }},  // after the end: from the top
        {2900, [&] { player.load(plugin::bundledSessions().back(), louder); }},
        {2950, [&] { player.play(); }},
    };
    std::vector<float> left(512), right(512);
    float* out[2] = {left.data(), right.data()};
    RealtimeViolations seen;
    std::size_t next = 0;
    bool paused = false, finished = false;
    for (int block = 0; block < 3400; ++block) {
        if (next < controls.size() && controls[next].first == block) controls[next++].second();
        {
            RealtimeGuard guard;
            player.render(out, 2, 1 + block % 512);
            const auto v = guard.violations();
            seen.allocations += v.allocations;
            seen.frees += v.frees;
            seen.locks += v.locks;
        }
        paused = paused || player.state().paused;
        finished = finished || player.state().finished;
        if (player.display().relocating.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(11));
    }
    EXPECT_EQ(next, controls.size());
    EXPECT_TRUE(paused);
    EXPECT_TRUE(finished);  // the stop came through
    EXPECT_EQ(seen.allocations, 0);
    EXPECT_EQ(seen.frees, 0);
    EXPECT_EQ(seen.locks, 0);
}

}  // namespace
}  // namespace stillpoint::test
