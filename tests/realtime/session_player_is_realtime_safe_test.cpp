// The plugin's audio path: SessionPlayer::process, including host jumps,
// a stopped transport, a session change and the swap to an engine the
// worker built aside (narrated there), and reading the playing engine's
// session state (the line it speaks), makes no allocation, free or lock on
// the audio thread.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "realtime_guard.hpp"
#include "session_player.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::test {
namespace {

std::shared_ptr<const Program> plan(const char* yaml) {
    auto parsed = parseSession(yaml, "player-rt.yaml");
    EXPECT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    EXPECT_TRUE(planned.program);
    return std::make_shared<const Program>(std::move(*planned.program));
}

TEST(SessionPlayerProcess, NeverAllocatesFreesOrLocksThroughJumpsStopsAndSwaps) {
    plugin::SessionPlayer player;
    player.setProgram(plan(R"(
title: a
defaults: {tone: pad, bed: pink}
sections:
  - name: one
    steps:
      - say: Rest here a moment.
      - bell: bowl
      - breathe: {pattern: coherent, cycles: 3}
      - say: And once more.
)"));
    player.prepare(48000.0);
    const auto second = plan(R"(
title: b
defaults: {tone: wave, bed: brown}
sections:
  - name: one
    steps:
      - breathe: {pattern: box, cycles: 3}
)");

    std::vector<float> left(512), right(512);
    float* out[2] = {left.data(), right.data()};
    RealtimeViolations seen;
    std::int64_t host = 0;
    int swaps = 0;
    int linesShown = 0;
    auto generation = player.engineGeneration();
    for (int block = 0; block < 3000; ++block) {
        plugin::HostTransport transport{host, true, false};
        if (block == 200 || block == 900) transport.sample = host = 48000 * 10;  // jumps
        if (block == 500) player.setProgram(second);                             // a new session
        if (block >= 1400 && block < 1500) transport.playing = false;            // stopped
        if (block == 1500) player.pushCommand({CommandType::SetPace, 0, 5.0});
        {
            RealtimeGuard guard;
            player.process(out, 1 + block % 512, transport);
            Event e;
            while (player.popEvent(e)) {
            }
            if (player.playingState().lineIndex >= 0) ++linesShown;
            const auto v = guard.violations();
            seen.allocations += v.allocations;
            seen.frees += v.frees;
            seen.locks += v.locks;
        }
        if (transport.playing) host += 1 + block % 512;
        if (player.engineGeneration() != generation) {
            generation = player.engineGeneration();
            ++swaps;
        }
        // Give the worker time, as a device's period would.
        if (player.relocating()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    EXPECT_GE(swaps, 3);       // two jumps and a session change came through the worker
    EXPECT_GT(linesShown, 0);  // the voice spoke and the state said so
    EXPECT_EQ(seen.allocations, 0);
    EXPECT_EQ(seen.frees, 0);
    EXPECT_EQ(seen.locks, 0);
}

}  // namespace
}  // namespace stillpoint::test
