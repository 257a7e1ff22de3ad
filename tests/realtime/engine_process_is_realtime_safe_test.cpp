// The audio thread never allocates, frees or locks: Engine::process over a
// whole session, with every layer and the haptic track on, every live command
// and every haptic setting exercised, is
// watched by a RealtimeGuard and must make zero such calls. That includes
// publishing the session state after each block (the engine runs its plan
// ahead after every command and through a hold) and reading it back.
#include <gtest/gtest.h>

#include <iterator>
#include <mutex>
#include <vector>

#include "realtime_guard.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::test {
namespace {

TEST(RealtimeGuard, SeesAllocationsAndLocks) {
    // The guard must be able to fail, or the test below proves nothing.
    RealtimeGuard guard;
    // Explicit calls (a new-expression pair may be optimised away).
    void* volatile block = ::operator new(64);
    ::operator delete(block);
    std::mutex m;
    m.lock();
    m.unlock();
    const auto v = guard.violations();
    EXPECT_GE(v.allocations, 1);
    EXPECT_GE(v.frees, 1);
    EXPECT_GE(v.locks, 1);
}

TEST(EngineProcess, NeverAllocatesFreesOrLocksOverAWholeSession) {
    const char* yaml = R"(
title: every layer
defaults:
  tone: pad
  bed: pink
  binaural: {carrier: 200, beat: 6}
  isochronic: {carrier: 180, rate: 5}
sections:
  - name: one
    steps:
      - bell: bowl
      - say: A line that plays as silence for now.
      - breathe: {pattern: sigh, cycles: 2, tone: wave}
      - breathe: {pattern: box, cycles: 2, tone: bowl}
  - name: two
    steps:
      - breathe: {pattern: coherent, duration: 1m, ramp: {from: 10, to: 6}, tone: pad}
      - bell: chime
      - checkin: How is this?
      - scan: {direction: up, length: short}
)";
    auto parsed = parseSession(yaml, "rt.yaml");
    ASSERT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    ASSERT_TRUE(planned.program);
    // Every spoken step speaks: the voice layer and its ducking are on the audio path too.
    ASSERT_TRUE(narrateProgram(*planned.program).ok);
    ASSERT_FALSE(planned.program->narration->steps.empty());
    Engine engine;
    engine.load(std::make_shared<const Program>(std::move(*planned.program)));
    EngineConfig config;
    config.maxBlockFrames = 256;
    config.haptics.signal = HapticSignal::Lra;  // the haptic track and its carrier too
    engine.prepare(config);

    std::vector<float> left(256), right(256), haptic(256);
    float* out[3] = {left.data(), right.data(), haptic.data()};
    RealtimeViolations worst;
    long blocks = 0;
    struct Timed {
        long at;  // seconds
        Command command;
    };
    const Timed script[] = {
        {5, {CommandType::SetPace, 0, 4.0}},
        {6, {CommandType::SetPattern, 3, 0.0}},  // box, from the next whole breath
        {8, {CommandType::SetLayerGain, static_cast<int>(LayerId::Bed), -30.0}},
        {10, {CommandType::Pause, 0, 0.0}},
        {14, {CommandType::Resume, 0, 0.0}},
        {20, {CommandType::Hold, 0, 0.0}},
        {30, {CommandType::SetPattern, 0, 0.0}},  // handed back to the session
        {40, {CommandType::Release, 0, 0.0}},
        {50, {CommandType::NextSection, 0, 0.0}},
        {60, {CommandType::PrevSection, 0, 0.0}},
        {70, {CommandType::NextSection, 0, 0.0}},
        {90, {CommandType::Grounding, 0, 0.0}},
        {110, {CommandType::Pause, 0, 0.0}},
        {112, {CommandType::Resume, 0, 0.0}},
        {140, {CommandType::Stop, 0, 0.0}},
    };
    std::size_t next = 0;
    const int sizes[] = {256, 64, 1, 100, 255, 32};
    while (!engine.finished()) {
        // Commands are pushed from a control thread in real use; the queue is
        // wait-free on both sides, so pushing here keeps the test single-threaded.
        // Every command, spread over the session (the last one stops it).
        const auto at = engine.position();
        if (next < std::size(script) && at >= script[next].at * 48000) {
            ASSERT_TRUE(engine.pushCommand(script[next].command));
            ++next;
        }
        RealtimeGuard guard;
        // The listener's haptic settings, from any thread: atomics, never a lock.
        if (blocks == 3000) engine.setHaptics(true, 0.3);
        if (blocks == 4000) engine.setHapticActuator(HapticSignal::Shaker);
        if (blocks == 5000) engine.setHaptics(false, 0.3);
        if (blocks == 6000) engine.setHaptics(true, 1.0);
        engine.process(out, sizes[blocks % 6]);
        (void)engine.hapticIntensity();
        // The session state is published in process(); reading it (a plugin
        // does, on this thread) and setting the preparation progress are
        // real-time safe too.
        const SessionState state = engine.state();
        engine.setPreparationProgress(static_cast<int>(blocks % 11), 10);
        const auto v = guard.violations();
        ASSERT_EQ(state.generation, static_cast<std::uint64_t>(blocks) + 2)
            << "one state per block";
        worst.allocations += v.allocations;
        worst.frees += v.frees;
        worst.locks += v.locks;
        ++blocks;
        Event e;
        while (engine.popEvent(e)) {
        }
    }
    EXPECT_EQ(next, std::size(script));  // every command was sent
    EXPECT_GT(engine.position(), 140 * 48000);
    EXPECT_EQ(worst.allocations, 0);
    EXPECT_EQ(worst.frees, 0);
    EXPECT_EQ(worst.locks, 0);
}

TEST(EngineProcess, AnchoredLinesAndACheckinWaitingForContinueNeverAllocateOrLock) {
    const char* yaml = R"(
title: anchored and waiting
defaults: {tone: pad, bed: brown}
sections:
  - name: one
    steps:
      - breathe:
          pattern: extended-exhale
          cycles: 2
          lines: [{at: exhale, say: Let it go.}, {at: inhale, say: And in.}]
      - checkin: {prompt: "How is this?", wait: 5s}
      - breathe: {pattern: coherent, cycles: 1}
)";
    auto parsed = parseSession(yaml, "rt-wait.yaml");
    ASSERT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    ASSERT_TRUE(planned.program);
    ASSERT_TRUE(narrateProgram(*planned.program).ok);
    Engine engine;
    engine.load(std::make_shared<const Program>(std::move(*planned.program)));
    EngineConfig config;
    config.maxBlockFrames = 128;
    config.waitAtCheckins = true;
    engine.prepare(config);

    std::vector<float> left(128), right(128);
    float* out[2] = {left.data(), right.data()};
    RealtimeViolations worst;
    int lines = 0;
    std::int64_t waitingSince = -1;
    bool continued = false;
    while (!engine.finished()) {
        // Ten seconds into the wait: Continue (the queue is wait-free on both sides).
        const bool goOn =
            waitingSince >= 0 && !continued && engine.position() > waitingSince + 10 * 48000;
        if (goOn) {
            ASSERT_TRUE(engine.pushCommand({CommandType::Continue, 0, 0.0}));
        }
        continued = continued || goOn;
        RealtimeGuard guard;
        engine.setWaitAtCheckins(true);  // from any thread: an atomic, never a lock
        engine.process(out, 128);
        const auto v = guard.violations();
        worst.allocations += v.allocations;
        worst.frees += v.frees;
        worst.locks += v.locks;
        Event e;
        while (engine.popEvent(e)) {
            if (e.type == EventType::LineSpoken) ++lines;
            if (e.type == EventType::WaitingForContinue) waitingSince = e.sample;
        }
        ASSERT_LT(engine.position(), 600 * 48000) << "the checkin never went on";
    }
    EXPECT_EQ(lines, 3);  // two anchored lines and the prompt
    EXPECT_TRUE(continued);
    EXPECT_EQ(worst.allocations, 0);
    EXPECT_EQ(worst.frees, 0);
    EXPECT_EQ(worst.locks, 0);
}

TEST(EngineProcess, GroundingAndStopBehindAFullQueueNeverAllocateOrLock) {
    auto parsed = parseSession(R"(
title: full queue
defaults: {tone: pad, bed: pink}
sections:
  - name: one
    steps:
      - breathe: {pattern: coherent, cycles: 4}
)",
                               "rt-full.yaml");
    ASSERT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    ASSERT_TRUE(planned.program);
    Engine engine;
    engine.load(std::make_shared<const Program>(std::move(*planned.program)));
    EngineConfig config;
    config.maxBlockFrames = 128;
    engine.prepare(config);

    std::vector<float> left(128), right(128);
    float* out[2] = {left.data(), right.data()};
    RealtimeViolations worst;
    bool grounded = false, stopped = false;
    while (!engine.finished() && engine.position() < 120 * 48000) {
        RealtimeGuard guard;
        // Both sides under the guard: the producer's latch is wait-free too.
        if (!grounded && engine.position() >= 3 * 48000) {
            while (engine.pushCommand({CommandType::Continue, 0, 0.0})) {
            }
            grounded = engine.pushCommand({CommandType::Grounding, 0, 0.0});
        }
        if (!stopped && engine.position() >= 6 * 48000) {
            while (engine.pushCommand({CommandType::Continue, 0, 0.0})) {
            }
            stopped = engine.pushCommand({CommandType::Stop, 0, 0.0});
        }
        engine.process(out, 128);
        const auto v = guard.violations();
        worst.allocations += v.allocations;
        worst.frees += v.frees;
        worst.locks += v.locks;
        Event e;
        while (engine.popEvent(e)) {
        }
    }
    EXPECT_TRUE(grounded);
    EXPECT_TRUE(stopped);
    EXPECT_TRUE(engine.finished());  // the Stop behind the full queue ended it
    EXPECT_LT(engine.position(), 10 * 48000);
    EXPECT_EQ(worst.allocations, 0);
    EXPECT_EQ(worst.frees, 0);
    EXPECT_EQ(worst.locks, 0);
}

}  // namespace
}  // namespace stillpoint::test
