// The player's status line shows the engine's SessionState and nothing it
// works out itself: section, breath, what it waits for, time left (a lower
// bound said as one), the words being spoken and narration in preparation.
#include <gtest/gtest.h>

#include <cstring>

#include "live/status_line.hpp"

namespace stillpoint::cli::live {
namespace {

Program spokenProgram() {
    Program program;
    auto narration = std::make_shared<Narration>();
    narration->steps.resize(3);
    SpokenLine line;
    line.caption = "Notice the floor beneath your feet, and the weight it holds for you today.";
    narration->steps[2].push_back(line);
    program.narration = narration;
    return program;
}

SessionState breathingState() {
    SessionState s;
    s.sampleRate = 48000.0;
    s.section = 1;
    std::strcpy(s.sectionName, "Breathing");
    s.breathPhase = static_cast<int>(BreathPhase::Exhale);
    s.paceBpm = 5.5;
    s.outputSample = 65 * 48000;
    s.remainingFrames = 247 * 48000;
    return s;
}

TEST(StatusFromState, ShowsTheSectionBreathAndTimeLeft) {
    const Program program = spokenProgram();
    const StatusView view = statusFromState(breathingState(), program, false);
    EXPECT_EQ(formatStatus(view),
              "Breathing | exhale 5.5/min | 1:05, 4:07 left | DSP 0.0% | underruns 0");
}

TEST(StatusFromState, AHoldSaysAtLeastAndTheWordsBeingSpokenFollow) {
    const Program program = spokenProgram();
    SessionState s = breathingState();
    s.holding = true;
    s.remainingAtLeast = true;
    s.lineStep = 2;
    s.lineIndex = 0;
    s.linesReady = 12;
    s.linesTotal = 40;
    EXPECT_EQ(
        formatStatus(statusFromState(s, program, false)),
        "Breathing | exhale 5.5/min | held | 1:05, at least 4:07 left | DSP 0.0% | "
        "underruns 0 | voice 12/40 | \"Notice the floor beneath your feet, and the weig...\"");
}

TEST(StatusFromState, TheHeartIsTheSessionStates) {
    const Program program = spokenProgram();
    SessionState s = breathingState();
    EXPECT_EQ(statusFromState(s, program, false).heart, "");  // no heart stream
    s.heart.connected = true;
    s.heart.live = true;
    s.heart.heartRateBpm = 62.4;
    s.heart.beats = 40;
    EXPECT_EQ(formatStatus(statusFromState(s, program, false)),
              "Breathing | exhale 5.5/min | 1:05, 4:07 left | DSP 0.0% | underruns 0 | 62 bpm");
    s.heart.coherenceValid = true;
    s.heart.coherence = 0.714;
    EXPECT_EQ(statusFromState(s, program, false).heart, "62 bpm, coherence 0.71");
    s.heart.live = false;
    EXPECT_EQ(statusFromState(s, program, false).heart, "heart lost");
}

TEST(StatusFromState, WaitingGroundingPausedAndStoppingAreSaid) {
    const Program program = spokenProgram();
    SessionState s = breathingState();
    s.waitingForContinue = true;
    EXPECT_EQ(statusFromState(s, program, false).state, "waiting - press Enter to go on");
    s.waitingForContinue = false;
    s.groundingActive = true;
    EXPECT_EQ(statusFromState(s, program, false).state, "grounding");
    s.paused = true;
    EXPECT_EQ(statusFromState(s, program, false).state, "paused");
    EXPECT_EQ(statusFromState(s, program, true).state, "stopping");
}

}  // namespace
}  // namespace stillpoint::cli::live
