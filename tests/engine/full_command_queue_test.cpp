// A full command queue never loses a Stop or a Grounding: each still acts, at
// once and with its usual fade, after the commands queued before it.
#include <gtest/gtest.h>

#include "session_rendering.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/wait_free_latching_queue.hpp"

namespace stillpoint::test {
namespace {

constexpr double kRate = 48000.0;
constexpr int kBlock = 64;
std::int64_t at(double seconds) {
    return std::llround(seconds * kRate);
}

std::shared_ptr<const Program> twoSections() {
    return programFromText(R"(
title: full queue
defaults: {bed: pink}
sections:
  - name: first
    steps:
      - breathe: {pattern: coherent, cycles: 6}
  - name: second
    steps:
      - pause: 20s
)");
}

/// Plays to `fillAt`, fills the command queue with `filler` until it refuses
/// one, then pushes `urgent` (which must be taken) and plays to the end.
struct FullQueueRun {
    RenderedAudio audio;
    int refusedAfter = 0;  ///< fillers the queue took
    bool urgentTaken = false;
};

FullQueueRun playWithFullQueue(std::shared_ptr<const Program> program, double fillAt,
                               Command filler, CommandType urgent) {
    EngineConfig config;
    config.maxBlockFrames = kBlock;
    Engine engine;
    engine.load(std::move(program));
    engine.prepare(config);
    FullQueueRun run;
    run.audio.sampleRate = kRate;
    run.audio.channels = 2;
    std::vector<float> left(kBlock), right(kBlock);
    float* out[2] = {left.data(), right.data()};
    bool filled = false;
    while (!engine.finished() && engine.position() < at(120)) {
        if (!filled && engine.position() >= at(fillAt)) {
            while (engine.pushCommand(filler) && run.refusedAfter < 100000) ++run.refusedAfter;
            run.urgentTaken = engine.pushCommand({urgent, 0, 0.0});
            // More pushes after it: refused while full, never a second urgent.
            EXPECT_FALSE(engine.pushCommand(filler));
            filled = true;
        }
        engine.process(out, kBlock);
        for (int i = 0; i < kBlock; ++i) {
            run.audio.interleaved.push_back(left[static_cast<std::size_t>(i)]);
            run.audio.interleaved.push_back(right[static_cast<std::size_t>(i)]);
        }
        for (Event e; engine.popEvent(e);) run.audio.events.push_back(e);
    }
    return run;
}

double rms(const std::vector<float>& x, double from, double to) {
    double sum = 0.0;
    for (auto i = at(from); i < at(to); ++i)
        sum += static_cast<double>(x[static_cast<std::size_t>(i)]) * x[static_cast<std::size_t>(i)];
    return std::sqrt(sum / static_cast<double>(at(to) - at(from)));
}

TEST(FullCommandQueue, StopStillFadesOutOverTwoAndAHalfSeconds) {
    // Continue outside a checkin changes nothing: a queue full of no-ops.
    const auto run =
        playWithFullQueue(twoSections(), 7.0, {CommandType::Continue}, CommandType::Stop);
    EXPECT_EQ(run.refusedAfter, 256);
    ASSERT_TRUE(run.urgentTaken);

    const auto finished = eventsOfType(run.audio, EventType::Finished);
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_NEAR(static_cast<double>(finished[0].sample), static_cast<double>(at(9.5)),
                2.0 * kBlock);
    // The level falls over the fade, not at once: still near full just
    // after the Stop, lower at each half second, silent at the end. The fade
    // falls evenly in dB (-30 dB halfway, the tone already gliding off under
    // it): lower, and still clearly heard.
    const auto left = channel(run.audio, 0);
    const double before = rms(left, 6.5, 7.0);
    ASSERT_GT(before, 1e-3);
    const double justAfter = rms(left, 7.05, 7.25);
    const double middle = rms(left, 8.0, 8.25);
    const double late = rms(left, 9.0, 9.25);
    EXPECT_GT(justAfter, 0.5 * before);
    EXPECT_LT(middle, justAfter);
    EXPECT_GT(middle, 0.01 * before);
    EXPECT_LT(late, middle);
    EXPECT_LT(std::abs(left[static_cast<std::size_t>(finished[0].sample - 1)]), 1e-4f);
    EXPECT_GT(expectSmoothAtEvents(run.audio, "stop behind a full queue"), 0);
}

TEST(FullCommandQueue, GroundingStillFadesToTheGroundingSection) {
    const auto program = twoSections();
    const auto run =
        playWithFullQueue(program, 10.0, {CommandType::Continue}, CommandType::Grounding);
    ASSERT_TRUE(run.urgentTaken);
    const auto sections = eventsOfType(run.audio, EventType::SectionStarted);
    ASSERT_EQ(sections.size(), 2u);
    EXPECT_EQ(sections[1].index, program->groundingSection);
    // The 1 s fade to grounding, as with an empty queue.
    EXPECT_NEAR(static_cast<double>(sections[1].sample), static_cast<double>(at(11)), 2.0 * kBlock);
    EXPECT_GT(expectSmoothAtEvents(run.audio, "grounding behind a full queue"), 0);
}

// The queue itself: urgent values take their place in the order.
struct Urgent {
    static constexpr std::size_t kLatches = 2;
    static int latchOf(const int& v) noexcept { return v == -1 ? 0 : v == -2 ? 1 : -1; }
    static int latched(std::size_t kind) noexcept { return kind == 0 ? -1 : -2; }
};

TEST(WaitFreeLatchingQueue, UrgentValuesWaitBehindWhatWasQueuedBeforeThem) {
    rt::WaitFreeLatchingQueue<int, 4, Urgent> queue;
    for (int v = 1; v <= 4; ++v) ASSERT_TRUE(queue.tryPush(v));
    EXPECT_FALSE(queue.tryPush(5));  // full: an ordinary value is refused
    EXPECT_TRUE(queue.tryPush(-2));  // an urgent one latches
    EXPECT_TRUE(queue.tryPush(-2));  // the same again says nothing new
    int v = 0;
    ASSERT_TRUE(queue.tryPop(v));
    EXPECT_EQ(v, 1);
    ASSERT_TRUE(queue.tryPush(6));  // room again: queued after the latched Stop
    std::vector<int> rest;
    while (queue.tryPop(v)) rest.push_back(v);
    EXPECT_EQ(rest, (std::vector<int>{2, 3, 4, -2, 6}));
}

TEST(WaitFreeLatchingQueue, KindsLatchedAtOnePlaceComeOutInKindOrder) {
    rt::WaitFreeLatchingQueue<int, 2, Urgent> queue;
    ASSERT_TRUE(queue.tryPush(1));
    ASSERT_TRUE(queue.tryPush(2));
    EXPECT_TRUE(queue.tryPush(-2));
    EXPECT_TRUE(queue.tryPush(-1));
    std::vector<int> out;
    for (int v = 0; queue.tryPop(v);) out.push_back(v);
    EXPECT_EQ(out, (std::vector<int>{1, 2, -1, -2}));
    queue.tryPush(1);
    queue.tryPush(2);
    queue.tryPush(-1);
    queue.clear();
    int v = 0;
    EXPECT_FALSE(queue.tryPop(v));
}

}  // namespace
}  // namespace stillpoint::test
