// The planner: whole breath cycles from durations, ramps that agree with the
// PaceLaw, regions left out, and a timeline whose parts add up.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "session/speech_markup.hpp"
#include "stillpoint/pace_law.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

Session parse(const std::string& body, const std::string& head = "") {
    ParseResult result = parseSession("title: Plan\n" + head + "sections:\n" + body, "plan.yaml");
    for (const Diagnostic& d : result.diagnostics)
        if (d.severity == Severity::Error) ADD_FAILURE() << d.format();
    return result.session.value_or(Session{});
}

Program plan(const Session& session, const PlanOptions& options = {}) {
    PlanResult result = planSession(session, options);
    for (const Diagnostic& d : result.diagnostics)
        if (d.severity == Severity::Error) ADD_FAILURE() << d.format();
    return result.program.value_or(Program{});
}

Program planSteps(const std::string& steps, const std::string& head = "") {
    return plan(parse("  - name: One\n    steps:\n" + steps, head));
}

TEST(Planner, CyclesRunAtThePatternsOwnPace) {
    const Program program = planSteps("      - breathe: {pattern: box, cycles: 4}\n");
    ASSERT_EQ(program.flowStepCount(), 1);
    const PlannedStep& step = program.steps[0];
    EXPECT_EQ(step.kind, StepKind::Breathe);
    EXPECT_EQ(step.cycles, 4);
    EXPECT_DOUBLE_EQ(step.paceBpm, 60.0 / 16.0);
    EXPECT_DOUBLE_EQ(step.rampToBpm, step.paceBpm);
    EXPECT_DOUBLE_EQ(step.rampSeconds, 0.0);
    EXPECT_NEAR(step.lengthSeconds, 64.0, 1e-9);
    ASSERT_EQ(program.patterns.size(), 2u);  // box, and extended-exhale for grounding
    EXPECT_EQ(program.patterns[step.pattern].name, "box");
}

TEST(Planner, DurationBecomesWholeCyclesAndTheBreathIsFinished) {
    // resonance: 5.5 breaths a minute; 100 s is 9.17 cycles -> 9 whole ones.
    const Program program = planSteps("      - breathe: {pattern: resonance, duration: 100s}\n");
    const PlannedStep& step = program.steps.at(0);
    EXPECT_EQ(step.cycles, 9);
    EXPECT_NEAR(step.lengthSeconds, 9 * 60.0 / 5.5, 1e-9);
}

TEST(Planner, AShortDurationStillBreathesOnce) {
    const Program program = planSteps("      - breathe: {pattern: box, duration: 2s}\n");
    EXPECT_EQ(program.steps.at(0).cycles, 1);
    EXPECT_NEAR(program.steps.at(0).lengthSeconds, 16.0, 1e-9);
}

TEST(Planner, PaceScalesThePattern) {
    const Program program = planSteps("      - breathe: {pattern: box, duration: 1m, pace: 6}\n");
    const PlannedStep& step = program.steps.at(0);
    EXPECT_DOUBLE_EQ(step.paceBpm, 6.0);
    EXPECT_EQ(step.cycles, 6);
    EXPECT_NEAR(step.lengthSeconds, 60.0, 1e-9);
}

TEST(Planner, RampWithOverFollowsThePaceLaw) {
    const Program program = planSteps(
        "      - breathe: {pattern: coherent, duration: 3m, ramp: {from: 12, to: 6, over: 2m}}\n");
    const PlannedStep& step = program.steps.at(0);
    EXPECT_DOUBLE_EQ(step.paceBpm, 12.0);
    EXPECT_DOUBLE_EQ(step.rampToBpm, 6.0);
    EXPECT_DOUBLE_EQ(step.rampSeconds, 120.0);
    const PaceLaw law{12.0, 6.0, 120.0};
    EXPECT_EQ(step.cycles, std::llround(law.cyclesAfter(180.0)));  // 18 gliding + 6 resting
    EXPECT_EQ(step.cycles, 24);
    EXPECT_DOUBLE_EQ(step.lengthSeconds, law.secondsFor(24));
}

TEST(Planner, RampWithoutOverGlidesAcrossTheWholeDuration) {
    const Program program =
        planSteps("      - breathe: {pattern: coherent, duration: 3m, ramp: {from: 12, to: 6}}\n");
    const PlannedStep& step = program.steps.at(0);
    EXPECT_DOUBLE_EQ(step.rampSeconds, 180.0);
    EXPECT_EQ(step.cycles, 27);  // an average of 9 a minute for three minutes
    EXPECT_NEAR(step.lengthSeconds, 180.0, 1e-9);
}

TEST(Planner, RampWithoutOverGlidesAcrossTheWholeCycleCount) {
    const Program program =
        planSteps("      - breathe: {pattern: coherent, cycles: 9, ramp: {from: 12, to: 6}}\n");
    const PlannedStep& step = program.steps.at(0);
    const double glide = 120.0 * 9 / (12.0 + 6.0);
    EXPECT_DOUBLE_EQ(step.rampSeconds, glide);
    const PaceLaw law{12.0, 6.0, glide};
    EXPECT_NEAR(law.cyclesAfter(glide), 9.0, 1e-9);  // the glide ends with the last breath
    EXPECT_DOUBLE_EQ(step.lengthSeconds, law.secondsFor(9));
    EXPECT_NEAR(step.lengthSeconds, glide, 1e-9);
}

TEST(Planner, LinesOnTheBreathGetTheBreathsTheyNeed) {
    // extended-exhale: inhales start at 0, 10, 20 s, exhales at 4, 14, 24 s.
    const Program program = planSteps(
        "      - breathe:\n"
        "          pattern: extended-exhale\n"
        "          cycles: 1\n"
        "          lines:\n"
        "            - {at: exhale, say: One two three four five six seven eight nine ten eleven "
        "twelve.}\n"
        "            - {at: inhale, say: In.}\n"
        "            - {say: Out.}\n");
    const PlannedStep& step = program.steps[0];
    EXPECT_EQ(step.writtenCycles, 1);
    ASSERT_EQ(step.lines.size(), 3u);
    EXPECT_EQ(step.lines[1], "In.");
    EXPECT_EQ(step.lineAnchors, (std::vector<BreathPhase>{BreathPhase::Exhale, BreathPhase::Inhale,
                                                          BreathPhase::Exhale}));
    // 12 words: 12 / 2.2 + 0.8 s from 4 s, past the inhale at 10 s: "In." at 20 s,
    // "Out." at the exhale at 24 s, until 25.25 s: the breath ends at 30 s.
    EXPECT_EQ(step.cycles, 3);
    EXPECT_NEAR(step.lengthSeconds, 30.0, 1e-9);
}

TEST(Planner, LinesThatFitLeaveTheWrittenBreaths) {
    const Program program =
        planSteps("      - breathe: {pattern: extended-exhale, cycles: 6, lines: [{say: Out.}]}\n");
    EXPECT_EQ(program.steps[0].cycles, 6);
    EXPECT_EQ(program.steps[0].writtenCycles, 6);
    EXPECT_NEAR(program.steps[0].lengthSeconds, 60.0, 1e-9);
}

TEST(Planner, ToneComesFromTheStepOrTheDefaults) {
    const Program program =
        planSteps("      - breathe: {cycles: 1}\n      - breathe: {cycles: 1, tone: bowl}\n",
                  "defaults: {tone: wave}\n");
    EXPECT_EQ(program.steps.at(0).tone, ToneTimbre::Wave);
    EXPECT_EQ(program.steps.at(1).tone, ToneTimbre::Bowl);
}

TEST(Planner, PatternsAreResolvedOnceEach) {
    const Program program = planSteps(
        "      - breathe: {pattern: calm, cycles: 1}\n"
        "      - breathe: {cycles: 1}\n"
        "      - breathe: {pattern: calm, cycles: 2}\n",
        "patterns: {calm: {inhale: 4, exhale: 6}}\n");
    // calm, resonance, and extended-exhale for the built-in grounding section.
    ASSERT_EQ(program.patterns.size(), 3u);
    EXPECT_EQ(program.patterns[0].name, "calm");
    EXPECT_EQ(program.patterns[1].name, "resonance");  // the default default
    EXPECT_EQ(program.steps[0].pattern, 0);
    EXPECT_EQ(program.steps[1].pattern, 1);
    EXPECT_EQ(program.steps[2].pattern, 0);
    EXPECT_NEAR(program.steps[0].lengthSeconds, 10.0, 1e-9);
}

TEST(Planner, ASessionPatternReplacesThePresetOfTheSameName) {
    const Program program = planSteps("      - breathe: {pattern: box, cycles: 1}\n",
                                      "patterns: {box: {inhale: 2, exhale: 2}}\n");
    EXPECT_NEAR(program.steps.at(0).lengthSeconds, 4.0, 1e-9);
}

TEST(Planner, BellPauseSayAndCheckinLengths) {
    const Program program = planSteps(
        "      - bell: {kind: chime, ring: 12s}\n"
        "      - pause: 7s\n"
        "      - say: One two three four five six seven eight nine ten eleven.\n"
        "      - checkin: {prompt: \"Ready?\", wait: 20s}\n");
    ASSERT_EQ(program.flowStepCount(), 4);
    EXPECT_EQ(program.steps[0].kind, StepKind::Bell);
    EXPECT_EQ(program.steps[0].bell, BellKind::Chime);
    EXPECT_DOUBLE_EQ(program.steps[0].lengthSeconds, 12.0);
    EXPECT_DOUBLE_EQ(program.steps[1].lengthSeconds, 7.0);
    EXPECT_EQ(program.steps[2].lines,
              std::vector<std::string>{"One two three four five six seven eight nine ten eleven."});
    EXPECT_DOUBLE_EQ(program.steps[2].lengthSeconds, 11 / 2.2 + detail::kSentenceRestSeconds);
    EXPECT_EQ(program.steps[3].lines, std::vector<std::string>{"Ready?"});
    EXPECT_DOUBLE_EQ(program.steps[3].lengthSeconds, estimateSpeechSeconds("Ready?") + 20.0);
}

TEST(Planner, ScanSpeaksOneLinePerRegionAtItsLength) {
    const Program program = planSteps(
        "      - scan: {regions: [feet, lower_back], length: short}\n"
        "      - scan: {regions: [hands]}\n"
        "      - scan: {regions: [jaw, face], length: long}\n");
    ASSERT_EQ(program.steps.at(0).lines.size(), 2u);
    // The first line of every scan offers to skip; the variants run on across the session.
    EXPECT_EQ(program.steps[0].lines[0],
              "Any area can be skipped: if a place does not feel right to notice, simply rest "
              "with your breath instead. To begin, you might notice your feet.");
    EXPECT_EQ(program.steps[0].lines[1],
              "If it feels right, your attention can rest on your lower back.");
    // Standard adds an invitation to notice; long adds the breath and a way back.
    EXPECT_EQ(program.steps[1].lines.at(0),
              "As before, any area can be skipped, and you can rest with your breath whenever you "
              "like. To begin, you could be curious about your hands. There may be "
              "tingling, pressure, or stillness.");
    // The face's way back is the feet on the floor (the legs' is the hands).
    EXPECT_EQ(program.steps[2].lines.at(1),
              "When you're ready, you can simply sense your face. Sometimes there is "
              "the touch of clothing or air, or hardly anything. ... You could let the "
              "breath come and go here, in its own rhythm. [pause 3s] At any moment, your "
              "attention can settle on your feet on the floor.");
    EXPECT_EQ(program.steps[2].lineIds,
              (std::vector<std::string>{"scan.en.long.jaw.4.start3", "scan.en.long.face.5"}));
    EXPECT_EQ(program.steps[0].lineIds, (std::vector<std::string>{"scan.en.short.feet.1.start1",
                                                                  "scan.en.short.lower_back.2"}));
    // Each region is given its time (10, 20, 40 s), or the time its words take when longer:
    // the skip offer makes a short scan's first line longer than 10 s.
    ASSERT_GT(estimateSpeechSeconds(program.steps[0].lines[0]), 10.0);
    EXPECT_DOUBLE_EQ(program.steps[0].lengthSeconds,
                     estimateSpeechSeconds(program.steps[0].lines[0]) + 10.0);
    EXPECT_DOUBLE_EQ(program.steps[1].lengthSeconds,
                     std::max(20.0, estimateSpeechSeconds(program.steps[1].lines[0])));
    EXPECT_DOUBLE_EQ(program.steps[2].lengthSeconds, 80.0);
}

TEST(Planner, AvoidLeavesRegionsOutFromTheSessionAndTheOptions) {
    const Session session =
        parse("  - name: One\n    steps:\n      - scan: {regions: [feet, chest, throat, jaw]}\n",
              "avoid: [chest]\n");
    PlanOptions options;
    options.avoid = {"throat"};
    const Program program = plan(session, options);
    // The line after the gap moves on without naming what was left out.
    ASSERT_EQ(program.steps.at(0).lines.size(), 2u);
    EXPECT_NE(program.steps[0].lines[0].find("your feet."), std::string::npos);
    EXPECT_EQ(
        program.steps[0].lines[1].rfind("Letting that go, your attention can rest on your jaw.", 0),
        0u);
    EXPECT_DOUBLE_EQ(program.steps[0].lengthSeconds, 40.0);
}

TEST(Planner, AScanWithEveryRegionAvoidedBecomesAShortPauseWithAWarning) {
    const Session session =
        parse("  - name: One\n    steps:\n      - scan: {regions: [chest, throat]}\n",
              "avoid: [chest, throat]\n");
    const PlanResult result = planSession(session);
    ASSERT_TRUE(result.program);
    const PlannedStep& step = result.program->steps.at(0);
    EXPECT_EQ(step.kind, StepKind::Pause);
    EXPECT_DOUBLE_EQ(step.lengthSeconds, 5.0);
    EXPECT_TRUE(result.program->silentSpeechSteps.empty());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].severity, Severity::Warning);
    EXPECT_EQ(result.diagnostics[0].line, 6);
    EXPECT_EQ(result.diagnostics[0].file, "plan.yaml");
}

TEST(Planner, AnUnknownRegionInTheOptionsIsAnError) {
    const Session session = parse("  - name: One\n    steps:\n      - pause: 1\n");
    PlanOptions options;
    options.avoid = {"shoulder"};
    const PlanResult result = planSession(session, options);
    EXPECT_FALSE(result.program);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, 0);
    EXPECT_NE(result.diagnostics[0].message.find("'shoulder'"), std::string::npos);
    EXPECT_NE(result.diagnostics[0].hint.find("did you mean 'shoulders'? body regions: feet"),
              std::string::npos);
}

TEST(Planner, StartTimesAddUpAndSectionsIndexTheirSteps) {
    const Session session = parse(
        "  - name: First\n    steps:\n      - pause: 3s\n      - bell: chime\n"
        "  - name: Second\n    steps:\n      - say: Hello there.\n      - breathe: {pattern: box, "
        "cycles: 2}\n"
        "      - scan: {regions: [hands]}\n"
        "  - name: Third\n    steps:\n      - checkin: OK?\n");
    const Program program = plan(session);
    ASSERT_EQ(program.flowStepCount(), 6);
    double expectedStart = 0.0;
    for (int i = 0; i < program.flowStepCount(); ++i) {
        const PlannedStep& step = program.steps[static_cast<std::size_t>(i)];
        EXPECT_DOUBLE_EQ(step.startSeconds, expectedStart);
        expectedStart += step.lengthSeconds;
    }
    EXPECT_DOUBLE_EQ(program.lengthSeconds, expectedStart);

    ASSERT_EQ(program.sections.size(), 4u);  // three, then grounding
    EXPECT_EQ(program.groundingSection, 3);
    const int firstSteps[] = {0, 2, 5};
    const int stepCounts[] = {2, 3, 1};
    for (int s = 0; s < 3; ++s) {
        EXPECT_EQ(program.sections[s].firstStep, firstSteps[s]);
        EXPECT_EQ(program.sections[s].stepCount, stepCounts[s]);
        EXPECT_DOUBLE_EQ(program.sections[s].startSeconds,
                         program.steps[firstSteps[s]].startSeconds);
        for (int i = 0; i < stepCounts[s]; ++i)
            EXPECT_EQ(program.steps[firstSteps[s] + i].section, s);
    }
    EXPECT_EQ(program.sections[1].name, "Second");
    EXPECT_EQ(program.silentSpeechSteps, (std::vector<int>{2, 4, 5}));
    EXPECT_EQ(program.steps[3].pos.line, 10);
}

TEST(Planner, TheProgramCarriesTitleSourceAndSound) {
    const Program program =
        planSteps("      - pause: 1\n", "defaults: {bed: drone, pattern: box}\n");
    EXPECT_EQ(program.title, "Plan");
    EXPECT_EQ(program.sourcePath, "plan.yaml");
    EXPECT_EQ(program.sound.bed, BedKind::Drone);
    EXPECT_EQ(program.sound.pattern, "box");
}

TEST(Planner, AHandBuiltSessionWithAnUnknownPatternIsAnError) {
    Session session;
    session.sourcePath = "code";
    BreatheStep breathe;
    breathe.pattern = "nope";
    breathe.cycles = 1;
    session.sections.push_back({"One", {}, {Step{{3, 5}, breathe}}});
    const PlanResult result = planSession(session);
    EXPECT_FALSE(result.program);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, 3);
    EXPECT_NE(result.diagnostics[0].message.find("unknown pattern 'nope'"), std::string::npos);
}

TEST(StepKindNames, MatchTheFormat) {
    EXPECT_EQ(toString(StepKind::Breathe), "breathe");
    EXPECT_EQ(toString(StepKind::Pause), "pause");
    EXPECT_EQ(toString(StepKind::Bell), "bell");
    EXPECT_EQ(toString(StepKind::Say), "say");
    EXPECT_EQ(toString(StepKind::Scan), "scan");
    EXPECT_EQ(toString(StepKind::Checkin), "checkin");
}

TEST(Planner, EverySessionGetsAGroundingSectionAfterItsFlow) {
    const Program builtIn = planSteps("      - pause: 3s\n");
    ASSERT_EQ(builtIn.groundingSection, 1);
    const PlannedSection& grounding = builtIn.sections[1];
    EXPECT_EQ(grounding.name, "Grounding");
    EXPECT_EQ(grounding.firstStep, builtIn.flowStepCount());
    EXPECT_DOUBLE_EQ(builtIn.lengthSeconds, 3.0);  // grounding is not part of the flow
    bool slowBreathing = false;
    for (int i = grounding.firstStep; i < grounding.firstStep + grounding.stepCount; ++i) {
        const PlannedStep& step = builtIn.steps[static_cast<std::size_t>(i)];
        slowBreathing |= step.kind == StepKind::Breathe && step.paceBpm <= 5.0;
    }
    EXPECT_TRUE(slowBreathing);

    const Program own = plan(parse("  - name: One\n    steps:\n      - pause: 3s\n",
                                   "grounding:\n  - say: Feet on the floor.\n  - pause: 4s\n"));
    ASSERT_EQ(own.groundingSection, 1);
    EXPECT_EQ(own.sections[1].stepCount, 2);
    EXPECT_EQ(own.steps[2].kind, StepKind::Pause);
}

}  // namespace
}  // namespace stillpoint
