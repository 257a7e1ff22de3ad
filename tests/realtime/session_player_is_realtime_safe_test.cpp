// The plugin's audio path: SessionPlayer::process, including host jumps,
// a stopped transport, a session change and the swap to an engine the
// worker built aside, while the preparation's worker makes the voice and
// feeds it to the playing engine, and reading the playing engine's session
// state (the line it speaks), makes no allocation, free or lock on the
// audio thread.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "realtime_guard.hpp"
#include "session_player.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::test {
namespace {

std::shared_ptr<const Program> plan(const std::string& yaml) {
    auto parsed = parseSession(yaml, "player-rt.yaml");
    EXPECT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    EXPECT_TRUE(planned.program);
    return std::make_shared<const Program>(std::move(*planned.program));
}

TEST(SessionPlayerProcess, NeverAllocatesFreesOrLocksThroughJumpsStopsAndSwaps) {
    plugin::SessionPlayer player;
    // Words no cache has seen: the lines are made while the session plays.
    const std::string unique = std::to_string(std::time(nullptr));
    player.setProgram(plan(R"(
title: a
defaults: {tone: pad, bed: pink}
sections:
  - name: one
    steps:
      - say: Rest here a moment, )" +
                           unique + R"(.
      - bell: bowl
      - breathe: {pattern: coherent, cycles: 3}
      - say: And once more, )" +
                           unique + R"(.
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
    int whilePreparing = 0;  // blocks played while the voice was still being made
    auto generation = player.engineGeneration();
    // `played` counts the blocks that moved the session on: the schedule
    // below is in those, however long the workers take.
    for (int block = 0, played = 0, acted = -1; played < 3000 && block < 30000; ++block) {
        plugin::HostTransport transport{host, true, false};
        const bool once = std::exchange(acted, played) != played;
        if (once && (played == 200 || played == 900))
            transport.sample = host = 48000 * 10;                        // jumps
        if (once && played == 500) player.setProgram(second);            // a new session
        if (played >= 1400 && played < 1500) transport.playing = false;  // stopped
        if (once && played == 1500) player.pushCommand({CommandType::SetPace, 0, 5.0});
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
        if (player.preparationProgress().phase != PreparationPhase::Ready) ++whilePreparing;
        if (player.engineGeneration() != generation) {
            generation = player.engineGeneration();
            ++swaps;
        }
        // Give the workers time, as a device's period would: while an engine
        // is built, holds silence for its first gains or waits for its lines.
        const SessionState state = player.playingState();
        if (player.relocating() || !state.started || state.waitingForNarration)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        else
            ++played;
    }
    EXPECT_GE(swaps, 3);       // two jumps and a session change came through the worker
    EXPECT_GT(linesShown, 0);  // the voice spoke and the state said so
    EXPECT_GT(whilePreparing, 0);
    EXPECT_EQ(seen.allocations, 0);
    EXPECT_EQ(seen.frees, 0);
    EXPECT_EQ(seen.locks, 0);
}

}  // namespace
}  // namespace stillpoint::test
