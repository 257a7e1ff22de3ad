// The bounds a session's time must keep (session_limits.hpp): one rest, the
// rests written inside a line, the whole planned session. Each is refused
// where it is written, by the reader or the planner, before anything is
// prepared.
#include <gtest/gtest.h>

#include <string>

#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

std::string sessionWithSteps(const std::string& steps) {
    return "title: Bounds\nsections:\n  - name: One\n    steps:\n" + steps;
}

/// The only diagnostic of parsing (and, when that succeeds, planning) `text`.
Diagnostic onlyProblem(const std::string& text) {
    const ParseResult parsed = parseSession(text, "bounds.yaml");
    Diagnostics diagnostics = parsed.diagnostics;
    if (parsed.session) diagnostics = planSession(*parsed.session).diagnostics;
    EXPECT_EQ(diagnostics.size(), 1u);
    return diagnostics.empty() ? Diagnostic{} : diagnostics.front();
}

bool plans(const std::string& text) {
    const ParseResult parsed = parseSession(text, "bounds.yaml");
    return parsed.session && planSession(*parsed.session).program.has_value();
}

std::string repeated(const std::string& step, int times) {
    std::string steps;
    for (int i = 0; i < times; ++i) steps += step;
    return steps;
}

TEST(SessionBounds, APauseStepMayLastAnHourAndNoLonger) {
    EXPECT_TRUE(plans(sessionWithSteps("      - pause: 1h\n")));
    const Diagnostic d = onlyProblem(sessionWithSteps("      - pause: 1h0m1s\n"));
    EXPECT_EQ(
        d.format(),
        "bounds.yaml:5:16: error: pause 1h0m1s is longer than the 1h allowed; use at most 1h");
}

TEST(SessionBounds, ACheckinWaitIsARestToo) {
    const Diagnostic d =
        onlyProblem(sessionWithSteps("      - checkin: {prompt: Ready, wait: 2h}\n"));
    EXPECT_EQ(d.line, 5);
    EXPECT_EQ(d.column, 40);
    EXPECT_EQ(d.message, "wait 2h is longer than the 1h allowed");
}

TEST(SessionBounds, TwelveHoursPlanAndTheStepThatCrossesThemIsAnError) {
    EXPECT_TRUE(plans(sessionWithSteps(repeated("      - pause: 1h\n", 12))));
    const Diagnostic d = onlyProblem(sessionWithSteps(repeated("      - pause: 1h\n", 14)));
    EXPECT_EQ(d.line, 5 + 12);  // the 13th hour
    EXPECT_EQ(d.column, 9);
    EXPECT_EQ(d.message,
              "the session runs 13h by the end of this step, longer than the 12h allowed");
    EXPECT_EQ(d.hint,
              "keep a session to at most 12h (shorten steps, or split it into several "
              "sessions)");
}

TEST(SessionBounds, BreathCyclesCountTowardTheLength) {
    // 10000 breaths at one a minute: a week of breathing from one short line.
    const Diagnostic d =
        onlyProblem(sessionWithSteps("      - breathe: {pattern: box, cycles: 10000, pace: 1}\n"));
    EXPECT_EQ(d.line, 5);
    EXPECT_EQ(d.message,
              "the session runs 166h40m by the end of this step, longer than the 12h allowed");
}

TEST(SessionBounds, ScansCountTowardTheLength) {
    const std::string scan = "      - scan: {direction: up, length: long}\n";
    const ParseResult one = parseSession(sessionWithSteps(scan), "bounds.yaml");
    ASSERT_TRUE(one.session);
    const double scanSeconds = planSession(*one.session).program.value().lengthSeconds;
    ASSERT_GT(scanSeconds, 10 * 60.0);  // every region, 40 s each at least
    const auto fitting = static_cast<int>(12 * 3600 / scanSeconds);
    EXPECT_TRUE(plans(sessionWithSteps(repeated(scan, fitting))));
    const Diagnostic d = onlyProblem(sessionWithSteps(repeated(scan, fitting + 5)));
    EXPECT_EQ(d.line, 5 + fitting);  // the first scan past twelve hours
    EXPECT_NE(d.message.find("the session runs"), std::string::npos) << d.format();
}

TEST(SessionBounds, TheGroundingSectionIsBoundedOnItsOwnClock) {
    const std::string text =
        sessionWithSteps("      - pause: 1h\n") + "grounding:\n" + repeated("  - pause: 1h\n", 13);
    const Diagnostic d = onlyProblem(text);
    EXPECT_EQ(d.line, 7 + 12);
    EXPECT_EQ(d.message,
              "the grounding section runs 13h by the end of this step, longer than the 12h "
              "allowed");
}

TEST(SessionBounds, ARestInsideALineIsAMinuteAtMostAndNamedWhereItIsWritten) {
    EXPECT_TRUE(plans(sessionWithSteps("      - say: Rest [pause 1m] and come back.\n")));
    const Diagnostic d =
        onlyProblem(sessionWithSteps("      - say: Rest here [pause 24h] and come back.\n"));
    EXPECT_EQ(d.line, 5);
    EXPECT_EQ(d.column, 24);
    EXPECT_EQ(d.message, "'[pause 24h]' is longer than the 1m a rest inside a line may be");
    EXPECT_EQ(d.hint,
              "use at most [pause 1m]; for a longer rest, end the line and add a pause step");
}

TEST(SessionBounds, TheRestsOfOneLineAddUpToTwoMinutesAtMost) {
    const Diagnostic d =
        onlyProblem(sessionWithSteps("      - breathe:\n          cycles: 3\n          lines:\n"
                                     "            - say: A [pause 1m] b [pause 1m]\n"
                                     "                c [pause 1m] d.\n"));
    // The third, on the folded line below: the same text found again.
    EXPECT_EQ(d.line, 9);
    EXPECT_EQ(d.column, 19);
    EXPECT_EQ(d.message,
              "the rests written in this line add up to 3m here, more than the 2m allowed");
}

TEST(SessionBounds, BadMarkupIsAnErrorAtItsOwnPlace) {
    const ParseResult result =
        parseSession(sessionWithSteps("      - pause: 1\n"
                                      "      - say: Rest here [pause 2x] and breathe.\n"
                                      "      - checkin: Still with me? [pause 3s\n"
                                      "      - say: A [whisper] here.\n"),
                     "bounds.yaml");
    EXPECT_FALSE(result.session);
    ASSERT_EQ(result.diagnostics.size(), 3u);
    EXPECT_EQ(result.diagnostics[0].format(),
              "bounds.yaml:6:24: error: '[pause 2x]' has no valid length; write a length like "
              "[pause 2s] or [pause 0.5s]");
    EXPECT_EQ(result.diagnostics[1].format(),
              "bounds.yaml:7:33: error: '[pause' is not closed; close it: [pause 2s]");
    EXPECT_EQ(result.diagnostics[2].format(),
              "bounds.yaml:8:16: error: unknown markup '[whisper]' in spoken text; the only markup "
              "is a rest, written like [pause 2s]");
}

TEST(SessionBounds, MarkupWrittenWithEscapesIsReportedAtItsText) {
    // "\x5B" is '[': the file does not spell the markup, so the text's own place is named.
    const Diagnostic d = onlyProblem(sessionWithSteps("      - say: \"Rest \\x5Bpause 2h]\"\n"));
    EXPECT_EQ(d.line, 5);
    EXPECT_EQ(d.column, 14);
}

}  // namespace
}  // namespace stillpoint
