// `pace: resonance`: a breathe step at the listener's resonance pace, given
// by the plan options (a client profile, `--resonance`); without one, an
// error at the pace's line and column.
#include <gtest/gtest.h>

#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

constexpr const char* kSession = R"(title: Resonance
sections:
  - name: One
    steps:
      - breathe: {cycles: 4, pace: 7}
      - breathe:
          duration: 2m
          pace: resonance
)";

Session parsed() {
    ParseResult result = parseSession(kSession, "resonance.yaml");
    EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.front().format();
    return result.session.value_or(Session{});
}

TEST(ResonancePace, BreathesTheListenersResonancePace) {
    PlanOptions options;
    options.resonanceBpm = 5.0;
    const PlanResult result = planSession(parsed(), options);
    ASSERT_TRUE(result.program.has_value());
    const PlannedStep& fixed = result.program->steps[0];
    const PlannedStep& resonance = result.program->steps[1];
    EXPECT_FALSE(fixed.resonancePace);
    EXPECT_DOUBLE_EQ(fixed.paceBpm, 7.0);
    EXPECT_TRUE(resonance.resonancePace);
    EXPECT_DOUBLE_EQ(resonance.paceBpm, 5.0);
    EXPECT_DOUBLE_EQ(resonance.rampToBpm, 5.0);
    EXPECT_EQ(resonance.cycles, 10);  // two minutes at 5/min
    EXPECT_DOUBLE_EQ(resonance.lengthSeconds, 120.0);
}

TEST(ResonancePace, KeepsAGivenPaceInsideTheSafeRange) {
    PlanOptions options;
    options.resonanceBpm = 12.0;
    const PlanResult result = planSession(parsed(), options);
    ASSERT_TRUE(result.program.has_value());
    EXPECT_DOUBLE_EQ(result.program->steps[1].paceBpm, 7.0);
    options.resonanceBpm = 2.0;
    EXPECT_DOUBLE_EQ(planSession(parsed(), options).program->steps[1].paceBpm, 4.5);
}

TEST(ResonancePace, WithoutAResonancePaceIsAnErrorAtThePace) {
    const PlanResult result = planSession(parsed(), {});
    EXPECT_FALSE(result.program.has_value());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics.front().format(),
              "resonance.yaml:8:17: error: pace: resonance needs the listener's resonance pace; "
              "give it with --resonance BPM (found by `stillpoint resonance`) or a client profile, "
              "or write a number, e.g. pace: 5.5");
}

TEST(ResonancePace, AnotherWordIsAnErrorNamingBothForms) {
    const ParseResult result = parseSession(
        "title: T\nsections:\n  - name: One\n    steps:\n      - breathe: {cycles: 2, pace: "
        "resonant}\n",
        "t.yaml");
    ASSERT_FALSE(result.diagnostics.empty());
    EXPECT_EQ(result.diagnostics.front().format(),
              "t.yaml:5:36: error: pace must be a number or resonance, not 'resonant'; use a value "
              "from 1 to 30 breaths/min, or resonance for the listener's resonance pace");
}

}  // namespace
}  // namespace stillpoint
