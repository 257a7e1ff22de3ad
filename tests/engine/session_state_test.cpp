// The session state the engine publishes after each block: after every
// live command the remaining time, the section's extent and the line being
// spoken agree, to the sample, with what playing on then does. The truth is
// the played session itself: the Finished event's session sample, the
// SectionStarted and LineSpoken events.
#include <gtest/gtest.h>

#include <functional>

#include "session_rendering.hpp"
#include "stillpoint/session_timeline.hpp"

namespace stillpoint::test {
namespace {

// A low rate and large blocks keep whole sessions fast to play; the state's
// arithmetic is the same at any rate.
constexpr double kRate = 8000.0;
constexpr int kBlock = 512;

std::int64_t at(double seconds) {
    return std::llround(seconds * kRate);
}

// Written from docs/session-format.md alone: spoken steps, breath lines, a
// checkin, a bell, and a grounding section of its own.
const char* kWritten = R"(stillpoint: 1
title: State check
defaults: {pattern: coherent, tone: pad, bed: pink}
sections:
  - name: Settling
    steps:
      - say: Welcome. Let the chair hold you.
      - pause: 3s
      - breathe:
          pattern: extended-exhale
          cycles: 3
          lines:
            - {at: exhale, say: And let the breath go.}
            - {at: inhale, say: "Breathing in, slowly."}
  - name: Middle
    steps:
      - checkin: {prompt: "How is this for you?", wait: 6s}
      - breathe: {pattern: box, cycles: 2, pace: 4}
      - bell: chime
  - name: Closing
    steps:
      - say: Thank you.
      - pause: 2s
grounding:
  - say: Feel your feet on the floor.
  - breathe: {pattern: extended-exhale, cycles: 2, pace: 5}
)";

struct Played {
    std::vector<SessionState> states;  ///< after each block
    std::vector<std::size_t>
        commandBlocks;  ///< index of the state after the block that took each command
    std::vector<Event> events;
    std::int64_t finishClock = -1;
    bool stopped = false;  ///< a Stop ended it (its own, shorter fade)
};

/// Before each block, `drive` sees the last state and may push commands.
using Driver = std::function<std::vector<Command>(const SessionState&)>;

Played play(const std::shared_ptr<const Program>& program, const Driver& drive,
            bool waitAtCheckins = false, int block = kBlock) {
    EngineConfig config;
    config.sampleRate = kRate;
    config.maxBlockFrames = block;
    config.waitAtCheckins = waitAtCheckins;
    config.calibrateLoudness = false;  // a level, not a time: the state is the same either way
    Engine engine;
    engine.load(program);
    engine.prepare(config);
    std::vector<float> left(static_cast<std::size_t>(block)), right(left.size());
    float* out[2] = {left.data(), right.data()};
    Played played;
    SessionState last = engine.state();
    // A hard bound: no test session plays longer than 20 minutes.
    for (std::int64_t n = 0; !last.finished && n < at(20 * 60) / block; ++n) {
        for (const Command& command : drive(last)) {
            EXPECT_TRUE(engine.pushCommand(command));
            played.commandBlocks.push_back(played.states.size());
            played.stopped = played.stopped || command.type == CommandType::Stop;
        }
        engine.process(out, block);
        last = engine.state();
        played.states.push_back(last);
        for (Event e; engine.popEvent(e);) {
            played.events.push_back(e);
            if (e.type == EventType::Finished) played.finishClock = e.sessionSample;
        }
    }
    EXPECT_TRUE(last.finished) << "the session did not finish";
    return played;
}

/// One command at output time `seconds` (the first block at or after it).
Driver once(double seconds, Command command) {
    auto sent = std::make_shared<bool>(false);
    return [=](const SessionState& s) -> std::vector<Command> {
        if (*sent || s.outputSample < at(seconds)) return {};
        *sent = true;
        return {command};
    };
}

/// Commands in order, each at its output time.
Driver inOrder(std::vector<std::pair<double, Command>> commands) {
    auto next = std::make_shared<std::size_t>(0);
    return [=](const SessionState& s) -> std::vector<Command> {
        std::vector<Command> due;
        while (*next < commands.size() && s.outputSample >= at(commands[*next].first))
            due.push_back(commands[(*next)++].second);
        return due;
    };
}

/// Session sample of the next SectionStarted at or after `from` (after the
/// section that began at `sectionStart`), or -1.
std::int64_t nextSectionStart(const Played& p, std::int64_t from, std::int64_t sectionStart) {
    for (const auto& e : p.events)
        if (e.type == EventType::SectionStarted && e.sessionSample >= from &&
            e.sessionSample > sectionStart)
            return e.sessionSample;
    return -1;
}

/// From state `first` on (no command after it): remaining, the session's end
/// and the section's extent are exact.
void expectPlanExactFrom(const Played& p, std::size_t first, const std::string& label) {
    int checked = 0;
    const std::int64_t fadeOut = at(p.stopped ? kStopFadeSeconds : kSessionFadeOutSeconds);
    for (std::size_t i = first; i < p.states.size(); ++i) {
        const SessionState& s = p.states[i];
        if (s.finished) break;
        ++checked;
        ASSERT_FALSE(s.remainingAtLeast) << label << " at state " << i;
        ASSERT_EQ(s.endSample, p.finishClock) << label << " at session sample " << s.sessionSample;
        ASSERT_EQ(s.remainingFrames, p.finishClock - s.sessionSample) << label << " at state " << i;
        // Through the final fade too: the section ended where it began, at any block size.
        if (s.section < 0) continue;
        const std::int64_t next = nextSectionStart(p, s.sessionSample, s.sectionStart);
        const std::int64_t sectionEnd = next >= 0 ? next : p.finishClock - fadeOut;
        ASSERT_EQ(s.sectionStart + s.sectionLength, sectionEnd)
            << label << ": section " << s.section << " at session sample " << s.sessionSample;
    }
    EXPECT_GT(checked, 0) << label;
}

/// At every state, the line it names is the one the voice is saying: the last
/// LineSpoken before its session sample, not yet ended or cut by a step.
void expectCaptionsExact(const Program& program, const Played& p, const std::string& label) {
    int spoken = 0;
    const Event* line = nullptr;
    bool cut = false;
    std::size_t seen = 0;  // events before the state's sample (states are in clock order)
    for (const SessionState& s : p.states) {
        // A cue at the state's own sample acts at the start of the next block.
        for (; seen < p.events.size() && p.events[seen].sessionSample < s.sessionSample; ++seen) {
            const Event& e = p.events[seen];
            if (e.type == EventType::LineSpoken) line = &e, cut = false;
            if (e.type == EventType::StepStarted && line && e.sessionSample > line->sessionSample)
                cut = true;
        }
        int step = -1, index = -1;
        std::int64_t end = 0;
        if (line && !cut) {
            const auto& clip = program.narration->steps[static_cast<std::size_t>(line->index)]
                                                       [static_cast<std::size_t>(line->value)];
            end = line->sessionSample + clip.lengthFramesAt(kRate);
            if (s.sessionSample < end && !s.finished) {
                step = line->index;
                index = static_cast<int>(line->value);
            }
        }
        ASSERT_EQ(s.lineStep, step)
            << label << " at session sample " << s.sessionSample << " (last line from "
            << (line ? line->sessionSample : -1) << " to " << end << (cut ? ", cut" : "")
            << "; state " << s.lineStart << ".." << s.lineEnd << ", finish " << p.finishClock
            << ")";
        ASSERT_EQ(s.lineIndex, index) << label << " at session sample " << s.sessionSample;
        if (index < 0) continue;
        ++spoken;
        ASSERT_EQ(s.lineStart, line->sessionSample) << label;
        ASSERT_EQ(s.lineEnd, end) << label;
        ASSERT_EQ(lineCaption(program, s),
                  program.narration
                      ->steps[static_cast<std::size_t>(step)][static_cast<std::size_t>(index)]
                      .caption);
        ASSERT_FALSE(lineCaption(program, s).empty()) << label;
    }
    EXPECT_GT(spoken, 0) << label << ": no state named a line";
}

std::size_t lastCommandState(const Played& p) {
    EXPECT_FALSE(p.commandBlocks.empty());
    return p.commandBlocks.empty() ? 0 : p.commandBlocks.back();
}

/// Every command of the vocabulary that changes the plan, each on its own run.
void expectExactAfterEachCommand(const std::shared_ptr<const Program>& program, double t,
                                 const std::string& name) {
    const auto checkAfter = [&](const Driver& drive, const std::string& label) {
        const Played p = play(program, drive);
        expectPlanExactFrom(p, lastCommandState(p), name + " " + label);
        expectCaptionsExact(*program, p, name + " " + label);
        return p;
    };
    {
        SCOPED_TRACE("untouched");
        const Played p = play(program, [](const SessionState&) { return std::vector<Command>{}; });
        expectPlanExactFrom(p, 0, name + " untouched");
        expectCaptionsExact(*program, p, name + " untouched");
        EXPECT_EQ(p.finishClock, planTimeline(*program, kRate).lengthFrames);
    }
    checkAfter(once(t, {CommandType::NextSection}), "next");
    checkAfter(once(t, {CommandType::PrevSection}), "previous");
    checkAfter(inOrder({{t, {CommandType::NextSection}}, {t + 3, {CommandType::PrevSection}}}),
               "next then previous");
    {
        const Played p = checkAfter(once(t, {CommandType::Grounding}), "grounding");
        const SessionState& after = p.states.back();
        EXPECT_TRUE(p.states[lastCommandState(p)].groundingActive) << name;
        EXPECT_TRUE(after.finished);
        EXPECT_EQ(p.states[lastCommandState(p) + at(2) / kBlock].section,
                  program->groundingSection);
    }
    {
        const Played p =
            checkAfter(inOrder({{t, {CommandType::Hold}}, {t + 25, {CommandType::Release}}}),
                       "hold then release");
        // While held, remaining is a lower bound: never more than what was really left.
        int held = 0;
        for (std::size_t i = p.commandBlocks[0]; i < p.commandBlocks[1]; ++i) {
            const SessionState& s = p.states[i];
            EXPECT_TRUE(s.holding);
            EXPECT_TRUE(s.remainingAtLeast);
            EXPECT_LE(s.remainingFrames, p.finishClock - s.sessionSample);
            ++held;
        }
        EXPECT_GT(held, 0);
    }
    checkAfter(once(t, {CommandType::SetPace, 0, 4.0}), "pace 4");
    checkAfter(once(t, {CommandType::SetPace, 0, 9.0}), "pace 9");
    checkAfter(once(t, {CommandType::SetPattern, 1}), "pattern 1");
    {
        const Played p =
            checkAfter(inOrder({{t, {CommandType::Pause}}, {t + 6, {CommandType::Resume}}}),
                       "pause then resume");
        // Paused, the session clock and so the remaining time stand still.
        const SessionState& paused = p.states[p.commandBlocks[1] - 1];
        const SessionState& before = p.states[p.commandBlocks[1] - 2];
        EXPECT_TRUE(paused.paused);
        EXPECT_EQ(paused.sessionSample, before.sessionSample);
        EXPECT_EQ(paused.remainingFrames, before.remainingFrames);
        EXPECT_GT(paused.outputSample, before.outputSample);
    }
    checkAfter(once(t, {CommandType::Stop}), "stop");
}

/// Live play: at a checkin the state says it waits, remaining is a lower
/// bound; after Continue it is exact.
void expectExactAfterContinue(const std::shared_ptr<const Program>& program,
                              const std::string& name, int block = kBlock) {
    auto waitedBlocks = std::make_shared<int>(0);
    const Played p = play(
        program,
        [=](const SessionState& s) -> std::vector<Command> {
            if (!s.waitingForContinue) return {};
            if (++*waitedBlocks == static_cast<int>(at(4) / block))
                return {{CommandType::Continue}};
            return {};
        },
        true, block);
    ASSERT_EQ(p.commandBlocks.size(), 1u) << name;
    const std::size_t answered = p.commandBlocks[0];
    int waiting = 0;
    for (std::size_t i = 0; i < answered; ++i) {
        const SessionState& s = p.states[i];
        EXPECT_TRUE(s.remainingAtLeast) << name << " before Continue, state " << i;
        if (!s.waitingForContinue) continue;
        ++waiting;
        // Waiting, remaining is what is left once it goes on: exactly the rest
        // after the wait (Continue acts at the start of its block).
        ASSERT_EQ(s.remainingFrames, p.finishClock - p.states[answered - 1].sessionSample) << name;
    }
    EXPECT_GT(waiting, 0) << name;
    EXPECT_FALSE(p.states[answered].waitingForContinue);
    expectPlanExactFrom(p, answered, name + " continue");
    expectCaptionsExact(*program, p, name + " continue");
}

TEST(SessionState, WrittenSessionIsExactAfterEveryCommand) {
    const auto program = programFromText(kWritten);
    ASSERT_TRUE(program);
    expectExactAfterEachCommand(program, 14.0, "written");
}

TEST(SessionState, WrittenSessionIsExactAfterContinueAtTheCheckin) {
    const auto program = programFromText(kWritten);
    ASSERT_TRUE(program);
    expectExactAfterContinue(program, "written");
}

// Small blocks: the engine walks the plan every 50 ms while it waits or
// holds, not at every block. In between, a waiting checkin's end is carried
// forward exactly; a hold's end is what releasing at the last walk would
// give: never later than releasing now, never earlier than releasing 50 ms
// (and a block) ago.
TEST(SessionState, SmallBlocksStayExactWhileWaitingAndHolding) {
    constexpr int kSmall = 64;
    const auto program = programFromText(kWritten);
    ASSERT_TRUE(program);
    expectExactAfterContinue(program, "written, 64-frame blocks", kSmall);
    const auto heldThenReleased = [&](double holdAt, double releaseAt) {
        return play(program,
                    inOrder({{holdAt, {CommandType::Hold}}, {releaseAt, {CommandType::Release}}}),
                    false, kSmall);
    };
    for (const double holdAt : {9.0, 14.0, 30.0}) {  // in a line, in the breathing, at the checkin
        const Played p = heldThenReleased(holdAt, holdAt + 6);
        ASSERT_EQ(p.commandBlocks.size(), 2u);
        expectPlanExactFrom(p, lastCommandState(p), "written, 64-frame blocks, hold then release");
        for (std::size_t i = p.commandBlocks[0]; i < p.commandBlocks[1]; ++i)
            ASSERT_TRUE(p.states[i].holding && p.states[i].remainingAtLeast) << "state " << i;
        // A few held states, each against releases now and 50 ms and a block before.
        for (const double after : {0.5, 2.0, 3.3, 5.1}) {
            const std::size_t i = p.commandBlocks[0] + static_cast<std::size_t>(at(after) / kSmall);
            const SessionState& s = p.states[i];
            const double now = static_cast<double>(s.outputSample + kSmall) / kRate;
            const std::int64_t releasedNow = heldThenReleased(holdAt, now).finishClock;
            const std::int64_t releasedBefore =
                heldThenReleased(holdAt, now - 0.05 - static_cast<double>(kSmall) / kRate)
                    .finishClock;
            EXPECT_LE(s.endSample, releasedNow) << "hold at " << holdAt << ", +" << after << " s";
            EXPECT_GE(s.endSample, releasedBefore)
                << "hold at " << holdAt << ", +" << after << " s";
        }
    }
}

TEST(SessionState, ShippedGroundingSessionIsExactAfterEveryCommand) {
    const auto program =
        programFromFile(std::string(STILLPOINT_ASSETS_DIR) + "/sessions/grounding-5-4-3-2-1.yaml");
    ASSERT_TRUE(program);
    expectExactAfterEachCommand(program, 40.0, "grounding-5-4-3-2-1");
    expectExactAfterContinue(program, "grounding-5-4-3-2-1");
}

TEST(SessionState, ShippedBodyScanIsExactAfterEveryCommand) {
    const auto program =
        programFromFile(std::string(STILLPOINT_ASSETS_DIR) + "/sessions/body-scan-5.yaml");
    ASSERT_TRUE(program);
    expectExactAfterEachCommand(program, 100.0, "body-scan-5");
}

TEST(SessionState, ShippedArriveAndBreatheIsExactAfterEveryCommand) {
    const auto program =
        programFromFile(std::string(STILLPOINT_ASSETS_DIR) + "/sessions/arrive-and-breathe.yaml");
    ASSERT_TRUE(program);
    // Into the ramped breathing (6 to 5.5 breaths/min), where pace and pattern matter most.
    expectExactAfterEachCommand(program, 170.0, "arrive-and-breathe");
}

TEST(SessionState, NamesTheSectionAndCountsBlocks) {
    const auto program = programFromText(kWritten);
    ASSERT_TRUE(program);
    const Played p = play(program, once(1.0, {CommandType::SetPace, 0, 5.0}));
    EXPECT_EQ(p.states.front().generation + p.states.size() - 1, p.states.back().generation);
    bool sawMiddle = false;
    for (const SessionState& s : p.states) {
        ASSERT_EQ(s.sampleRate, kRate);
        if (s.section < 0) continue;
        ASSERT_STREQ(s.sectionName,
                     program->sections[static_cast<std::size_t>(s.section)].name.c_str());
        sawMiddle = sawMiddle || std::string_view(s.sectionName) == "Middle";
        if (s.breathPhase >= 0 && s.sessionSample > at(20)) {
            ASSERT_DOUBLE_EQ(s.paceBpm, 5.0);
        }
    }
    EXPECT_TRUE(sawMiddle);
}

TEST(SessionState, PreparationProgressIsPublishedFromAnyThread) {
    Engine engine;
    EXPECT_FALSE(engine.state().preparing);
    engine.setPreparationProgress(3, 10);
    SessionState s = engine.state();
    EXPECT_EQ(s.linesReady, 3);
    EXPECT_EQ(s.linesTotal, 10);
    EXPECT_TRUE(s.preparing);
    engine.setPreparationProgress(12, 10);  // never more ready than there are
    s = engine.state();
    EXPECT_EQ(s.linesReady, 10);
    EXPECT_FALSE(s.preparing);
}

TEST(SessionTimeline, AgreesWithAPlayedSessionToTheSample) {
    const auto program = programFromText(kWritten);
    ASSERT_TRUE(program);
    const SessionTimeline timeline = planTimeline(*program, kRate);
    const Played p = play(program, [](const SessionState&) { return std::vector<Command>{}; });
    EXPECT_EQ(timeline.lengthFrames, p.finishClock);
    std::vector<Event> sections = p.events, lines = p.events;
    std::erase_if(sections, [](const Event& e) { return e.type != EventType::SectionStarted; });
    std::erase_if(lines, [](const Event& e) { return e.type != EventType::LineSpoken; });
    std::vector<TimelineSection> flow;
    for (const auto& s : timeline.sections)
        if (!s.grounding) flow.push_back(s);
    ASSERT_EQ(flow.size(), sections.size());
    for (std::size_t i = 0; i < flow.size(); ++i) {
        EXPECT_EQ(flow[i].index, sections[i].index);
        EXPECT_EQ(flow[i].start, sections[i].sessionSample);
        const std::int64_t end = i + 1 < sections.size()
                                     ? sections[i + 1].sessionSample
                                     : p.finishClock - at(kSessionFadeOutSeconds);
        EXPECT_EQ(flow[i].start + flow[i].length, end) << flow[i].name;
    }
    std::vector<TimelineLine> flowLines;
    for (const auto& l : timeline.lines)
        if (!l.grounding) flowLines.push_back(l);
    ASSERT_EQ(flowLines.size(), lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(flowLines[i].step, lines[i].index);
        EXPECT_EQ(flowLines[i].line, static_cast<int>(lines[i].value));
        EXPECT_EQ(flowLines[i].start, lines[i].sessionSample);
        const auto& spoken = program->narration->steps[static_cast<std::size_t>(lines[i].index)]
                                                      [static_cast<std::size_t>(lines[i].value)];
        EXPECT_EQ(flowLines[i].end, flowLines[i].start + spoken.lengthFramesAt(kRate));
        EXPECT_EQ(flowLines[i].caption,
                  lineCaption(*program, flowLines[i].step, flowLines[i].line));
    }
    EXPECT_EQ(flowLines.front().caption, "Welcome. Let the chair hold you.");
    // The grounding section, on its own clock from 0, with its two steps' words.
    ASSERT_EQ(timeline.sections.back().name, program->sections.back().name);
    EXPECT_TRUE(timeline.sections.back().grounding);
    EXPECT_EQ(timeline.sections.back().start, 0);
    EXPECT_EQ(timeline.lines.back().caption, "Feel your feet on the floor.");
    EXPECT_TRUE(timeline.lines.back().grounding);
}

}  // namespace
}  // namespace stillpoint::test
