// PlanOptions::paceBpm: the listener's own pace for every breathe step of
// the flow, steady, in whole cycles; `pace: resonance` steps and the
// grounding section keep theirs; a pace outside the safe range is refused.
#include <gtest/gtest.h>

#include "stillpoint/pace_range.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

constexpr const char* kSession = R"(title: Paces
sections:
  - name: One
    steps:
      - breathe: {pattern: coherent, cycles: 4, pace: 7}
      - breathe: {pattern: coherent, duration: 1m}
      - breathe:
          pattern: coherent
          duration: 2m
          ramp: {from: 6, to: 4.5}
      - breathe: {pattern: coherent, duration: 1m, pace: resonance}
grounding:
  - breathe: {pattern: coherent, cycles: 3, pace: 5}
)";

Session parsed() {
    ParseResult result = parseSession(kSession, "paces.yaml");
    EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.front().format();
    return result.session.value_or(Session{});
}

Program planned(double bpm) {
    PlanOptions options;
    options.paceBpm = bpm;
    options.resonanceBpm = 5.5;
    PlanResult result = planSession(parsed(), options);
    EXPECT_TRUE(result.program.has_value())
        << (result.diagnostics.empty() ? "" : result.diagnostics.front().format());
    return result.program.value_or(Program{});
}

TEST(ListenerPace, EveryWrittenPaceBreathesTheListenersSteadily) {
    const Program program = planned(8.0);
    ASSERT_EQ(program.steps.size(), 5u);
    for (int i = 0; i < 3; ++i) {
        const PlannedStep& step = program.steps[static_cast<std::size_t>(i)];
        EXPECT_DOUBLE_EQ(step.paceBpm, 8.0) << i;
        EXPECT_DOUBLE_EQ(step.rampToBpm, 8.0) << i;
        EXPECT_DOUBLE_EQ(step.rampSeconds, 0.0) << i;
    }
    // cycles: 4 stays 4 breaths, each 60/8 = 7.5 s.
    EXPECT_EQ(program.steps[0].cycles, 4);
    EXPECT_DOUBLE_EQ(program.steps[0].lengthSeconds, 30.0);
    // duration: 1m is 8 whole breaths at 8/min, still a minute.
    EXPECT_EQ(program.steps[1].cycles, 8);
    EXPECT_DOUBLE_EQ(program.steps[1].lengthSeconds, 60.0);
    // The written ramp (6 to 4.5) becomes 16 steady breaths over its 2 minutes.
    EXPECT_EQ(program.steps[2].cycles, 16);
    EXPECT_DOUBLE_EQ(program.steps[2].lengthSeconds, 120.0);
}

TEST(ListenerPace, ADurationKeepsItsLengthToTheNearestWholeBreath) {
    const Program program = planned(7.0);
    // 1 min at 7/min is 7 breaths; 2 min is 14.
    EXPECT_EQ(program.steps[1].cycles, 7);
    EXPECT_DOUBLE_EQ(program.steps[1].lengthSeconds, 60.0);
    EXPECT_EQ(program.steps[2].cycles, 14);
    // 1 min at 13/min: 13 breaths of 60/13 s.
    const Program faster = planned(13.0);
    EXPECT_EQ(faster.steps[1].cycles, 13);
    EXPECT_NEAR(faster.steps[1].lengthSeconds, 60.0, 1e-9);
    // 1 min at 4.75/min: 4.75 rounds to 5 whole breaths, 63.2 s.
    const Program slower = planned(4.75);
    EXPECT_EQ(slower.steps[1].cycles, 5);
    EXPECT_NEAR(slower.steps[1].lengthSeconds, 5 * 60.0 / 4.75, 1e-9);
}

TEST(ListenerPace, ResonanceStepsAndGroundingKeepTheirPaces) {
    const Program program = planned(12.0);
    const PlannedStep& resonance = program.steps[3];
    EXPECT_TRUE(resonance.resonancePace);
    EXPECT_DOUBLE_EQ(resonance.paceBpm, 5.5);
    EXPECT_EQ(resonance.cycles, 6);  // 5.5 breaths in a minute, rounded to whole ones
    const PlannedStep& grounding = program.steps[4];
    EXPECT_EQ(grounding.section, program.groundingSection);
    EXPECT_DOUBLE_EQ(grounding.paceBpm, 5.0);
    EXPECT_DOUBLE_EQ(grounding.lengthSeconds, 36.0);
}

TEST(ListenerPace, WithoutItEveryStepKeepsItsWrittenPace) {
    PlanOptions options;
    options.resonanceBpm = 5.5;
    const PlanResult result = planSession(parsed(), options);
    ASSERT_TRUE(result.program.has_value());
    EXPECT_DOUBLE_EQ(result.program->steps[0].paceBpm, 7.0);
    EXPECT_DOUBLE_EQ(result.program->steps[2].paceBpm, 6.0);
    EXPECT_DOUBLE_EQ(result.program->steps[2].rampToBpm, 4.5);
}

TEST(ListenerPace, APaceOutsideTheSafeRangeIsRefused) {
    for (const double bpm : {kListenerPaceRange.lowestBpm - 0.1, kListenerPaceRange.highestBpm + 1,
                             kEnginePaceRange.lowestBpm, 0.0}) {
        PlanOptions options;
        options.paceBpm = bpm;
        options.resonanceBpm = 5.5;
        const PlanResult result = planSession(parsed(), options);
        EXPECT_FALSE(result.program.has_value()) << bpm;
        ASSERT_EQ(result.diagnostics.size(), 1u) << bpm;
        EXPECT_EQ(result.diagnostics.front().format(),
                  "error: the listener's pace " + paceText(bpm) +
                      " breaths/min is outside the safe range; give a pace from 4.5 to 20 "
                      "breaths/min, e.g. 6")
            << bpm;
    }
    PlanOptions edge;
    edge.resonanceBpm = 5.5;
    for (const double bpm : {4.5, 20.0}) {
        edge.paceBpm = bpm;
        EXPECT_TRUE(planSession(parsed(), edge).program.has_value()) << bpm;
    }
}

}  // namespace
}  // namespace stillpoint
