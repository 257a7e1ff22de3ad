// Program versions arriving while the audio thread plays (a session whose
// lines are made on a worker as it sounds) never make process() allocate,
// free or lock: the newest version is taken with one atomic exchange, the
// one it leaves is handed back to be released on the worker, and the gains
// the worker measures glide in through atomics. Lines are made slowly here,
// so versions land between blocks and the session waits at a late line too.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "realtime_guard.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/session_parser.hpp"
#include "stillpoint/session_preparation.hpp"

namespace stillpoint::test {
namespace {

TEST(EngineProcess, ProgramVersionsArrivingWhileItPlaysNeverAllocateFreeOrLock) {
    const char* yaml = R"(
title: made while it plays
defaults: {tone: pad, bed: pink}
sections:
  - name: one
    steps:
      - say: The first line.
      - pause: 1s
      - say: The second line.
      - breathe: {pattern: box, cycles: 1, lines: [{at: inhale, say: In.}]}
      - say: The third line.
      - say: The last line.
)";
    auto parsed = parseSession(yaml, "rt.yaml");
    ASSERT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    ASSERT_TRUE(planned.program);
    PreparationSettings settings;
    settings.narration.narrateGrounding = false;
    SessionPreparation preparation(*planned.program, settings);
    // A slow synthesiser: each step's lines take a while of wall time.
    preparation.setBeforeStepHook(
        [](int) { std::this_thread::sleep_for(std::chrono::milliseconds(30)); });
    Engine engine;
    engine.load(preparation.initialProgram());
    EngineConfig config;
    config.maxBlockFrames = 256;
    config.calibrateLoudness = false;
    config.holdForLoudnessGains = true;
    engine.prepare(config);
    preparation.start(
        [&](std::shared_ptr<const Program> v) { return engine.updateProgram(v); },
        [&](const LoudnessGains& g) { engine.setLoudnessGains(g.masterGainDb, g.voiceTrimDb); });

    std::vector<float> left(256), right(256);
    float* out[2] = {left.data(), right.data()};
    RealtimeViolations worst;
    long blocks = 0;
    const int sizes[] = {256, 64, 1, 100, 255, 32};
    while (!engine.finished() && blocks < 2'000'000) {
        RealtimeGuard guard;
        engine.process(out, sizes[blocks % 6]);
        const auto v = guard.violations();
        worst.allocations += v.allocations;
        worst.frees += v.frees;
        worst.locks += v.locks;
        ++blocks;
        Event e;
        while (engine.popEvent(e)) {
        }
        // Faster than real time, but not so fast that every line is late.
        if (blocks % 64 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    preparation.wait();
    ASSERT_TRUE(preparation.report().ok) << preparation.report().error;
    EXPECT_TRUE(engine.finished());
    EXPECT_GT(engine.narrationWaitFrames(), 0);  // the first line came late: a wait was played
    EXPECT_EQ(worst.allocations, 0);
    EXPECT_EQ(worst.frees, 0);
    EXPECT_EQ(worst.locks, 0);
}

}  // namespace
}  // namespace stillpoint::test
