// Where an engine may start while a SessionPreparation still makes the lines
// (canStartFrom, the rule the plugin's player and the C API's restore share):
// at the start at once; further on once the gains are known and the lines
// reach 1 s past the place. And the preparation's done listener: its last act.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <climits>
#include <cmath>
#include <limits>
#include <thread>

#include "stillpoint/session_parser.hpp"
#include "stillpoint/session_preparation.hpp"

namespace stillpoint::test {
namespace {

constexpr double kRate = 48000.0;
constexpr std::int64_t kSecond = 48000;
const auto kMargin = static_cast<std::int64_t>(kStartCoverSeconds * kRate);

Program planned() {
    auto parsed = parseSession(R"(title: start
defaults: {bed: brown, tone: none}
sections:
  - name: one
    steps:
      - bell: {kind: bowl, ring: 4s}
      - say: Let the breath settle.
      - pause: 2s
      - say: Feel the weight of the body.
)",
                               "start.yaml");
    EXPECT_TRUE(parsed.session);
    auto plan = planSession(*parsed.session);
    EXPECT_TRUE(plan.program);
    return std::move(*plan.program);
}

/// `program` with its lines made up to (not including) step `pendingFrom`.
Program linesMadeBefore(Program program, int pendingFrom) {
    program.pendingSpeechFrom = pendingFrom;
    return program;
}

std::int64_t startOf(const Program& program, int step) {
    return std::llround(program.steps[static_cast<std::size_t>(step)].startSeconds * kRate);
}

TEST(StartFrom, TheLinesReachToTheFirstSpeakingStepNotMadeYet) {
    const Program program = planned();
    ASSERT_EQ(program.flowStepCount(), 4);  // the built-in grounding follows
    EXPECT_EQ(linesReachTo(linesMadeBefore(program, 0), kRate), startOf(program, 1));
    EXPECT_EQ(linesReachTo(linesMadeBefore(program, 2), kRate), startOf(program, 3));
    EXPECT_EQ(linesReachTo(linesMadeBefore(program, INT_MAX), kRate),
              std::numeric_limits<std::int64_t>::max());
}

TEST(StartFrom, TheStartAlwaysAndLaterOnceTheLinesReachAMarginPast) {
    const Program none = linesMadeBefore(planned(), 0);
    const std::int64_t firstLine = startOf(none, 1);
    EXPECT_TRUE(canStartFrom(none, false, 0, kRate));         // holds for its gains in silence
    EXPECT_FALSE(canStartFrom(none, false, kSecond, kRate));  // no gains yet
    EXPECT_TRUE(canStartFrom(none, true, firstLine - kMargin - 1, kRate));
    EXPECT_FALSE(canStartFrom(none, true, firstLine - kMargin, kRate));
    EXPECT_FALSE(canStartFrom(none, true, firstLine + kSecond, kRate));

    const Program first = linesMadeBefore(planned(), 2);
    EXPECT_TRUE(canStartFrom(first, true, firstLine + kSecond, kRate));
    EXPECT_FALSE(canStartFrom(first, true, startOf(first, 3) - kMargin, kRate));
    const Program all = linesMadeBefore(planned(), INT_MAX);
    EXPECT_TRUE(canStartFrom(all, true, startOf(all, 3) + 60 * kSecond, kRate));
}

TEST(StartFrom, ThePreparationsLastActIsTheDoneListener) {
    const Program program = planned();
    PreparationSettings settings;
    settings.engine.sampleRate = kRate;
    settings.engine.calibrateLoudness = false;
    settings.narration.narrateGrounding = false;
    std::atomic<int> calls{0};
    std::atomic<PreparationPhase> said{PreparationPhase::Narrating};
    {
        SessionPreparation preparation(program, settings);
        preparation.start({}, {}, [&](PreparationPhase phase) {
            said.store(phase);
            ++calls;
        });
        preparation.wait();
        EXPECT_EQ(preparation.progress().phase, PreparationPhase::Ready);
    }
    EXPECT_EQ(calls.load(), 1);
    EXPECT_EQ(said.load(), PreparationPhase::Ready);

    // Stopped at its first line: Failed, told once, before stop() returns.
    calls = 0;
    std::atomic<bool> atFirstLine{false};
    SessionPreparation stopped(program, settings);
    stopped.setBeforeStepHook([&](int) {
        atFirstLine.store(true);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));  // stop() comes meanwhile
    });
    stopped.start({}, {}, [&](PreparationPhase phase) {
        said.store(phase);
        ++calls;
    });
    while (!atFirstLine.load()) std::this_thread::yield();
    stopped.stop();
    EXPECT_EQ(calls.load(), 1);
    EXPECT_EQ(said.load(), PreparationPhase::Failed);
    EXPECT_EQ(stopped.progress().phase, PreparationPhase::Failed);
}

}  // namespace
}  // namespace stillpoint::test
