// One scenario through every front end (scenario.hpp): the C API, the
// plugin's player, the app's controls, OSC into the app's remote, the web
// build and the command line must give the same events at the same samples,
// and the app (directly and over OSC) and the web build must report the
// state those events describe.
//
// The C API places each action on its exact sample and is the reference.
// The plugin's player, the app and the web build (WasmPlayer under Node, in
// 128-frame quanta) act between blocks at the same samples: their events
// must equal the reference's exactly. The command line plays
// against a live JACK clock: its control thread queues an action within a
// buffer of the scripted time and logs where; the C API replays those
// samples, and each of the command line's events must lie within one buffer
// of the replay's (the log's sample is read before the callback that applies
// the command, which may come a buffer later).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "front_ends.hpp"
#include "processor/session_library.hpp"

namespace stillpoint::conformance {
namespace {

/// `got` has `expected`'s events in order, each within `tolerance` samples;
/// the largest difference seen goes to `largest`.
void expectSameEvents(const EventTrace& got, const EventTrace& expected, std::int64_t tolerance,
                      std::int64_t* largest = nullptr) {
    ASSERT_EQ(got.size(), expected.size()) << "got:\n"
                                           << describe(got) << "expected:\n"
                                           << describe(expected);
    for (std::size_t i = 0; i < got.size(); ++i) {
        SCOPED_TRACE("event " + std::to_string(i) + ": expected " + describe(expected[i]) +
                     ", got " + describe(got[i]));
        EXPECT_EQ(got[i].type, expected[i].type);
        EXPECT_EQ(got[i].index, expected[i].index);
        EXPECT_LE(std::llabs(got[i].sample - expected[i].sample), tolerance);
        if (largest)
            *largest =
                std::max<std::int64_t>(*largest, std::llabs(got[i].sample - expected[i].sample));
    }
}

std::int64_t at(double seconds) {
    return std::llround(seconds * kRate);
}

int groundingSection() {
    const auto loaded = plugin::planSessionText({sessionPath(), sessionText()});
    return loaded.program ? loaded.program->groundingSection : -1;
}

/// The reference: the C API with every action on its scripted sample.
const FrontEndRun& reference() {
    static const FrontEndRun run = runCapi(atScriptedSamples());
    return run;
}

/// `run`'s reported states are what the reference's events say at each moment.
void expectSameStates(const FrontEndRun& run);

const TracedEvent* first(const EventTrace& trace, EventType type, int index = -1) {
    for (const auto& e : trace)
        if (e.type == type && (index < 0 || e.index == index)) return &e;
    return nullptr;
}

TEST(Conformance, TheScenarioPlaysAsWrittenThroughTheCApi) {
    const auto& run = reference();
    ASSERT_EQ(run.problem, "");
    const auto& trace = run.events;
    // A command queued before the block at P acts at P plus the limiter's
    // look-ahead (1 ms), where it is heard; the fades follow.
    const std::int64_t lookAhead = at(0.001);
    const auto near = [&](const TracedEvent* e, double seconds) {
        ASSERT_NE(e, nullptr) << describe(trace);
        EXPECT_GE(e->sample, at(seconds)) << describe(*e);
        EXPECT_LE(e->sample, at(seconds) + lookAhead) << describe(*e);
    };
    near(first(trace, EventType::SessionStarted), 0.0);
    near(first(trace, EventType::Paused), 1.0 + 1.5);
    near(first(trace, EventType::Resumed), 3.0);
    near(first(trace, EventType::SectionStarted, 1), 4.0 + 1.0);
    const auto* waiting = first(trace, EventType::WaitingForContinue);
    ASSERT_NE(waiting, nullptr) << describe(trace);
    EXPECT_LT(waiting->sample, at(8.0));  // the prompt has ended; it waits for Continue
    near(first(trace, EventType::StepStarted, waiting->index + 1), 8.0);
    near(first(trace, EventType::SectionStarted, groundingSection()), 13.0 + 1.0);
    near(first(trace, EventType::Finished), 15.0 + 2.5);
    EXPECT_NE(first(trace, EventType::LineSpoken), nullptr);
    EXPECT_NE(first(trace, EventType::BellStruck), nullptr);
    // Box from the next whole breath after 9 s: a phase with a hold, which
    // the session's coherent breathing never has.
    const bool held = std::any_of(trace.begin(), trace.end(), [](const TracedEvent& e) {
        return e.type == EventType::PhaseChanged &&
               e.index == static_cast<int>(BreathPhase::HoldIn) && e.sample > at(9.0);
    });
    EXPECT_TRUE(held) << describe(trace);
    EXPECT_EQ(trace.back().type, EventType::Finished);
    // sp_get_status says what the events say, at each moment.
    expectSameStates(run);
    ASSERT_EQ(run.figures.size(), snapshotSeconds().size());
    EXPECT_GE(run.figures[1].lineStep, -1);
    EXPECT_EQ(run.figures.back().remaining, 0);    // finished
    EXPECT_GT(run.figures[2].remaining, at(4.0));  // the rest of the plan and the fade-out
}

/// The engine's figures where the front end reports them: the reference's, exactly.
void expectSameFigures(const FrontEndRun& run) {
    ASSERT_EQ(run.figures.size(), reference().figures.size());
    for (std::size_t i = 0; i < run.figures.size(); ++i)
        EXPECT_EQ(run.figures[i], reference().figures[i])
            << "at " << snapshotSeconds()[i] << " s: got " << describe(run.figures[i])
            << ", expected " << describe(reference().figures[i]);
}

TEST(Conformance, ThePluginsPlayerGivesTheSameEventsAtTheSameSamples) {
    const auto run = runPluginPlayer(atScriptedSamples());
    ASSERT_EQ(run.problem, "");
    expectSameEvents(run.events, reference().events, 0);
    expectSameStates(run);
    expectSameFigures(run);
}

void expectSameStates(const FrontEndRun& run) {
    const auto& moments = snapshotSeconds();
    ASSERT_EQ(run.snapshots.size(), moments.size());
    for (std::size_t i = 0; i < moments.size(); ++i) {
        const Snapshot expected =
            snapshotAt(reference().events, at(moments[i]), groundingSection());
        EXPECT_EQ(run.snapshots[i], expected)
            << "at " << moments[i] << " s: got " << describe(run.snapshots[i]) << ", expected "
            << describe(expected);
    }
    // The moments are the ones the scenario means.
    EXPECT_TRUE(snapshotAt(reference().events, at(2.8), groundingSection()).paused);
    EXPECT_TRUE(snapshotAt(reference().events, at(7.5), groundingSection()).waiting);
    EXPECT_TRUE(snapshotAt(reference().events, at(14.5), groundingSection()).grounding);
    EXPECT_TRUE(snapshotAt(reference().events, at(18.0), groundingSection()).finished);
}

TEST(Conformance, TheAppsControlsGiveTheSameEventsAndTheStateTheyDescribe) {
    const auto run = runApp(atScriptedSamples(), false);
    ASSERT_EQ(run.problem, "");
    expectSameEvents(run.events, reference().events, 0);
    expectSameStates(run);
    expectSameFigures(run);
}

TEST(Conformance, OscIntoTheAppsRemoteGivesTheSameEventsAndPublishesTheSameState) {
    const auto run = runApp(atScriptedSamples(), true);
    ASSERT_EQ(run.problem, "");
    expectSameEvents(run.events, reference().events, 0);
    expectSameStates(run);
    // The time left it publishes is the engine's (a 32-bit float of seconds).
    ASSERT_EQ(run.remainingSeconds.size(), reference().figures.size());
    for (std::size_t i = 0; i < run.remainingSeconds.size(); ++i)
        EXPECT_NEAR(run.remainingSeconds[i],
                    static_cast<double>(reference().figures[i].remaining) / kRate, 1e-3)
            << i;
}

TEST(Conformance, TheWebBuildGivesTheSameEventsAtTheSameSamplesAndState) {
    if (const std::string missing = webLegUnavailable(); !missing.empty())
        GTEST_SKIP() << "the web leg cannot run: " << missing;
    const auto run = runWeb(atScriptedSamples());
    ASSERT_EQ(run.problem, "");
    expectSameEvents(run.events, reference().events, 0);
    expectSameStates(run);
    expectSameFigures(run);
}

TEST(Conformance, TheCommandLineGivesTheSameEventsWithinABuffer) {
    constexpr int kBuffer = 256;
    std::vector<TimedAction> landed;
    const auto run = runCli(kBuffer, landed);
    ASSERT_EQ(run.problem, "");
    // Every action was sent, in order, within a buffer of its scripted time.
    const auto scripted = atScriptedSamples();
    ASSERT_EQ(landed.size(), scripted.size());
    for (std::size_t i = 0; i < landed.size(); ++i) {
        EXPECT_EQ(landed[i].action, scripted[i].action) << i;
        EXPECT_GE(landed[i].sample, scripted[i].sample) << i;
        EXPECT_LE(landed[i].sample, scripted[i].sample + kBuffer) << i;
    }
    const auto replay = runCapi(landed);
    ASSERT_EQ(replay.problem, "");
    std::int64_t largest = 0;
    expectSameEvents(run.events, replay.events, kBuffer, &largest);
    RecordProperty("events", static_cast<int>(run.events.size()));
    RecordProperty("largest_difference_samples", static_cast<int>(largest));
}

}  // namespace
}  // namespace stillpoint::conformance
