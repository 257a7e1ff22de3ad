// `avoid` on every spoken line: region words with their synonyms, and what
// the planner says in place of a line that names an avoided region.
#include <gtest/gtest.h>

#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

TEST(RegionWords, OneEntryPerRegionInTheSameOrder) {
    ASSERT_EQ(regionWords().size(), bodyRegions().size());
    for (std::size_t i = 0; i < bodyRegions().size(); ++i)
        EXPECT_EQ(regionWords()[i].region, bodyRegions()[i]);
}

TEST(RegionWords, SynonymsOnWordBoundariesInAnyCase) {
    using Regions = std::vector<std::string>;
    EXPECT_EQ(regionsNamedIn("Feel your RIBS rise."), Regions{"chest"});
    EXPECT_EQ(regionsNamedIn("the breastbone and the heart area"), Regions{"chest"});
    EXPECT_EQ(regionsNamedIn("Your lower back, then your shoulder blades."),
              (Regions{"lower_back", "upper_back", "shoulders"}));
    EXPECT_EQ(regionsNamedIn("the pelvic floor"), Regions{"pelvis"});
    EXPECT_TRUE(regionsNamedIn("A ship, a chestnut, a hipster, ahead.").empty());
    EXPECT_TRUE(regionsNamedIn("You can open your eyes and look around.").empty());
}

const char* kSession = R"(title: Avoiding
avoid: [chest]
sections:
  - name: S
    steps:
      - say:
          text: Notice your chest rise and fall.
          if-avoided: {throat: Rest your attention on the throat., chest: Notice your hands resting.}
      - say: Let your ribs soften.
      - checkin: {prompt: "How does the breastbone feel?", wait: 5s}
      - breathe:
          pattern: extended-exhale
          cycles: 2
          lines:
            - {at: exhale, say: Breathe into the chest.}
            - {at: exhale, say: And out., if-avoided: {feet: Out.}}
      - say: Feet on the floor.
)";

TEST(AvoidedLines, SaidWithTheAlternativeOrLeftOutWithAWarning) {
    const ParseResult parsed = parseSession(kSession, "avoiding.yaml");
    ASSERT_TRUE(parsed.session) << parsed.diagnostics.front().format();
    const PlanResult planned = planSession(*parsed.session);
    ASSERT_TRUE(planned.program);
    const auto& steps = planned.program->steps;

    EXPECT_EQ(steps[0].kind, StepKind::Say);
    EXPECT_EQ(steps[0].lines, std::vector<std::string>{"Notice your hands resting."});
    // Left out: a quiet pause as long as the line would have been.
    EXPECT_EQ(steps[1].kind, StepKind::Pause);
    EXPECT_DOUBLE_EQ(steps[1].lengthSeconds, estimateSpeechSeconds("Let your ribs soften."));
    // A check-in is never lost: it asks in neutral words.
    EXPECT_EQ(steps[2].kind, StepKind::Checkin);
    EXPECT_EQ(steps[2].lines,
              std::vector<std::string>{"How are you, right now? Take whatever time you need."});
    EXPECT_EQ(steps[3].lines, std::vector<std::string>{"And out."});
    EXPECT_EQ(steps[3].lineAnchors.size(), 1u);
    EXPECT_EQ(steps[4].lines, std::vector<std::string>{"Feet on the floor."});

    ASSERT_EQ(planned.diagnostics.size(), 3u);
    const int lines[] = {9, 10, 15};
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(planned.diagnostics[i].severity, Severity::Warning);
        EXPECT_EQ(planned.diagnostics[i].rule, "care.avoided-region-spoken");
        EXPECT_EQ(planned.diagnostics[i].line, lines[i]);
    }
    EXPECT_EQ(planned.diagnostics[2].column, 15);
}

TEST(AvoidedLines, AListenersAvoidListReachesEveryLineToo) {
    const ParseResult parsed = parseSession(kSession, "avoiding.yaml");
    ASSERT_TRUE(parsed.session);
    PlanOptions options;
    options.avoid = {"feet"};
    const PlanResult planned = planSession(*parsed.session, options);
    ASSERT_TRUE(planned.program);
    EXPECT_EQ(planned.program->steps[3].lines.back(), "Out.");
    EXPECT_EQ(planned.program->steps[4].kind, StepKind::Pause);
    EXPECT_EQ(planned.diagnostics.back().message,
              "this line names the feet, an avoided region, and has no if-avoided text for it");
    EXPECT_EQ(planned.diagnostics.back().line, 17);
}

TEST(AvoidedLines, WithoutAvoidEveryLineIsSaidAsWritten) {
    const std::string text =
        std::string(kSession).replace(std::string(kSession).find("avoid: [chest]\n"), 15, "");
    const ParseResult parsed = parseSession(text, "avoiding.yaml");
    ASSERT_TRUE(parsed.session);
    const PlanResult planned = planSession(*parsed.session);
    ASSERT_TRUE(planned.program);
    EXPECT_TRUE(planned.diagnostics.empty());
    EXPECT_EQ(planned.program->steps[0].lines,
              std::vector<std::string>{"Notice your chest rise and fall."});
    EXPECT_EQ(planned.program->steps[1].kind, StepKind::Say);
    EXPECT_EQ(planned.program->steps[3].lines.size(), 2u);
}

TEST(AvoidedLines, AnIfAvoidedKeyMustBeABodyRegion) {
    const ParseResult parsed = parseSession(
        "title: T\nsections:\n  - name: S\n    steps:\n"
        "      - say: {text: Hello., if-avoided: {chets: Hi.}}\n",
        "bad.yaml");
    EXPECT_FALSE(parsed.session);
    ASSERT_EQ(parsed.diagnostics.size(), 1u);
    EXPECT_EQ(parsed.diagnostics[0].line, 5);
    EXPECT_EQ(parsed.diagnostics[0].column, 42);
    EXPECT_EQ(parsed.diagnostics[0].message,
              "unknown key 'chets' in if-avoided (keys are body regions)");
    EXPECT_EQ(parsed.diagnostics[0].hint.rfind("did you mean 'chest'?", 0), 0u)
        << parsed.diagnostics[0].hint;
}

}  // namespace
}  // namespace stillpoint
