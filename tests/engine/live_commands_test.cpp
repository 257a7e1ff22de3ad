// Live commands: each takes effect at once, is faded, and reports events at
// the samples where it is heard.
#include <gtest/gtest.h>

#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

constexpr double kRate = 48000.0;
std::int64_t at(double seconds) {
    return std::llround(seconds * kRate);
}

std::shared_ptr<const Program> twoSections() {
    return programFromText(R"(
title: live
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

const Event* firstEvent(const RenderedAudio& audio, EventType type, std::int64_t after = 0) {
    for (const auto& e : audio.events)
        if (e.type == type && e.sample >= after) return &e;
    return nullptr;
}

TEST(LiveCommands, PauseFadesToSilenceStopsTheClockAndResumeContinues) {
    const auto audio = playWithCommands(
        twoSections(), {{at(12), {CommandType::Pause}}, {at(20), {CommandType::Resume}}});
    const auto* paused = firstEvent(audio, EventType::Paused);
    const auto* resumed = firstEvent(audio, EventType::Resumed);
    ASSERT_TRUE(paused && resumed);
    // The pause is heard 1.5 s after the command (block-rounded to 64 frames).
    EXPECT_NEAR(static_cast<double>(paused->sample), static_cast<double>(at(13.5)), 64.0);
    const auto left = channel(audio, 0);
    for (auto i = paused->sample; i < resumed->sample; ++i)
        ASSERT_EQ(left[static_cast<std::size_t>(i)], 0.0f) << "not silent while paused at " << i;
    // The session clock stood still for the pause: every later event is late by it.
    const auto pauseLength = resumed->sample - paused->sample;
    const auto* second = firstEvent(audio, EventType::SectionStarted, at(1));
    ASSERT_TRUE(second);
    EXPECT_EQ(second->sessionSample, at(60));
    EXPECT_EQ(second->sample, at(60) + pauseLength);
    EXPECT_GT(expectSmoothAtEvents(audio, "pause"), 0);
}

TEST(LiveCommands, HoldRepeatsTheBreathUntilReleaseThenEndsOnAWholeBreath) {
    const auto audio = playWithCommands(
        twoSections(), {{at(30), {CommandType::Hold}}, {at(95), {CommandType::Release}}});
    const auto* second = firstEvent(audio, EventType::SectionStarted, at(1));
    ASSERT_TRUE(second);
    // Six breaths would end at 60 s; held, the breathing goes on past the
    // release at 95 s and ends on the next whole breath: 100 s.
    EXPECT_EQ(second->sessionSample, at(100));
}

TEST(LiveCommands, NextSectionFadesOutJumpsAndFadesIn) {
    const auto audio = playWithCommands(twoSections(), {{at(10), {CommandType::NextSection}}});
    const auto* second = firstEvent(audio, EventType::SectionStarted, at(1));
    ASSERT_TRUE(second);
    EXPECT_EQ(second->index, 1);
    EXPECT_NEAR(static_cast<double>(second->sample), static_cast<double>(at(11)), 64.0);
    EXPECT_GT(expectSmoothAtEvents(audio, "skip"), 0);
}

TEST(LiveCommands, PrevSectionNearAStartGoesBackOne) {
    const auto audio = playWithCommands(twoSections(), {{at(62), {CommandType::PrevSection}}});
    const auto sections = eventsOfType(audio, EventType::SectionStarted);
    ASSERT_GE(sections.size(), 3u);
    EXPECT_EQ(sections[2].index, 0);  // back to the first section
}

TEST(LiveCommands, SlowerPaceGlidesAndLengthensTheBreaths) {
    const auto audio = playWithCommands(twoSections(), {{at(10), {CommandType::SetPace, 0, 4.0}}});
    const auto phases = eventsOfType(audio, EventType::PhaseChanged);
    ASSERT_GE(phases.size(), 8u);
    // Before: 5 s phases. After the 8 s glide to 4/min: 7.5 s phases.
    EXPECT_EQ(phases[1].sample - phases[0].sample, at(5));
    const auto last = phases.size() - 1;
    EXPECT_NEAR(static_cast<double>(phases[last].sample - phases[last - 1].sample), 7.5 * kRate,
                2.0);
    EXPECT_GT(expectSmoothAtEvents(audio, "pace"), 0);
}

std::shared_ptr<const Program> twoBreatheSteps() {
    return programFromText(R"(
title: live
sections:
  - name: first
    steps:
      - breathe: {pattern: coherent, cycles: 2}
      - breathe: {pattern: coherent, cycles: 2}
      - breathe: {pattern: coherent, cycles: 2}
)");
}

// Sample distance between the phase changes `first` and `first + 1` that come
// after `after`.
std::int64_t phaseLength(const RenderedAudio& audio, std::int64_t after) {
    std::vector<std::int64_t> onsets;
    for (const auto& e : eventsOfType(audio, EventType::PhaseChanged))
        if (e.sessionSample >= after) onsets.push_back(e.sessionSample);
    return onsets.size() < 2 ? 0 : onsets[1] - onsets[0];
}

TEST(LiveCommands, AChosenPaceHoldsThroughLaterStepsUntilHandedBack) {
    // Coherent breathing at 6/min is 5 s in, 5 s out. Slowed to 4/min in the
    // first step, the second step starts at 4/min: 7.5 s phases from its start.
    const auto slowed =
        playWithCommands(twoBreatheSteps(), {{at(2), {CommandType::SetPace, 0, 4.0}}});
    const auto steps = eventsOfType(slowed, EventType::StepStarted);
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_EQ(phaseLength(slowed, steps[1].sessionSample), at(7.5));
    EXPECT_EQ(phaseLength(slowed, steps[2].sessionSample), at(7.5));

    // Pace 0 hands it back: the step in progress glides home, the next one
    // starts at the session's 6/min.
    const auto handedBack = playWithCommands(
        twoBreatheSteps(),
        {{at(2), {CommandType::SetPace, 0, 4.0}}, {at(22), {CommandType::SetPace, 0, 0.0}}});
    const auto later = eventsOfType(handedBack, EventType::StepStarted);
    ASSERT_EQ(later.size(), 3u);
    EXPECT_EQ(phaseLength(handedBack, later[2].sessionSample), at(5.0));
    EXPECT_GT(expectSmoothAtEvents(handedBack, "pace handed back"), 0);
}

/// SetPattern's index for a preset: 1 + its place in breathPresets().
int presetChoice(std::string_view name) {
    const auto& presets = breathPresets();
    for (std::size_t i = 0; i < presets.size(); ++i)
        if (presets[i].name == name) return static_cast<int>(i) + 1;
    ADD_FAILURE() << "no preset " << name;
    return 0;
}

/// (session sample, phase) of every phase change from `from` on.
std::vector<std::pair<std::int64_t, BreathPhase>> phasesFrom(const RenderedAudio& audio,
                                                             std::int64_t from) {
    std::vector<std::pair<std::int64_t, BreathPhase>> phases;
    for (const auto& e : eventsOfType(audio, EventType::PhaseChanged))
        if (e.sessionSample >= from)
            phases.emplace_back(e.sessionSample, static_cast<BreathPhase>(e.index));
    return phases;
}

TEST(LiveCommands, AChosenPatternStartsOnTheNextWholeBreathAndHoldsUntilHandedBack) {
    // Coherent is 5 s in, 5 s out. Box, chosen 2 s in, starts with the next
    // whole breath at 10 s: 4 s in, hold, out, hold, at its own pace. The
    // step's two breaths are one of each, so the next step starts at 26 s,
    // still in box; handed back at 30 s, the session's coherent returns with
    // the next whole breath, at 42 s, and the step ends a breath later.
    using enum BreathPhase;
    const auto audio = playWithCommands(twoBreatheSteps(),
                                        {{at(2), {CommandType::SetPattern, presetChoice("box")}},
                                         {at(30), {CommandType::SetPattern, 0}}});
    const auto phases = phasesFrom(audio, at(9));
    const std::vector<std::pair<std::int64_t, BreathPhase>> expected = {
        {at(10), Inhale}, {at(14), HoldIn}, {at(18), Exhale}, {at(22), HoldOut},
        {at(26), Inhale}, {at(30), HoldIn}, {at(34), Exhale}, {at(38), HoldOut},
        {at(42), Inhale}, {at(47), Exhale}, {at(52), Inhale}, {at(57), Exhale}};
    ASSERT_GE(phases.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(phases[i].first, expected[i].first) << "phase change " << i;
        EXPECT_EQ(phases[i].second, expected[i].second) << "phase change " << i;
    }
    const auto steps = eventsOfType(audio, EventType::StepStarted);
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_EQ(steps[1].sessionSample, at(26));
    EXPECT_EQ(steps[2].sessionSample, at(52));
    EXPECT_GT(expectSmoothAtEvents(audio, "pattern change"), 0);
}

TEST(LiveCommands, AChosenPatternBreathesAtAChosenPaceAndIgnoresUnknownPresets) {
    // Box chosen with a pace of 7.5/min: 2 s phases from the next whole breath.
    const auto audio = playWithCommands(twoBreatheSteps(),
                                        {{at(1), {CommandType::SetPace, 0, 6.0}},
                                         {at(2), {CommandType::SetPattern, presetChoice("box")}},
                                         {at(3), {CommandType::SetPattern, 99}},
                                         {at(4), {CommandType::SetPace, 0, 7.5}}});
    const auto phases = phasesFrom(audio, at(26));
    ASSERT_GE(phases.size(), 5u);
    bool held = false;
    for (std::size_t i = 1; i < 5; ++i) {
        EXPECT_EQ(phases[i].first - phases[i - 1].first, at(2)) << "phase change " << i;
        held |= phases[i].second == BreathPhase::HoldIn;
    }
    EXPECT_TRUE(held);  // box, not the session's coherent (which never holds)
}

TEST(LiveCommands, GroundingFadesToTheGroundingSectionAndEndsAfterIt) {
    const auto program = twoSections();
    const auto audio = playWithCommands(program, {{at(10), {CommandType::Grounding}}});
    const auto sections = eventsOfType(audio, EventType::SectionStarted);
    ASSERT_EQ(sections.size(), 2u);
    EXPECT_EQ(sections[1].index, program->groundingSection);
    EXPECT_NEAR(static_cast<double>(sections[1].sample), static_cast<double>(at(11)), 64.0);
    // Slow breathing inside grounding: phases at 5/min with a 4:6 ratio, i.e. a 12 s cycle.
    const auto phases = eventsOfType(audio, EventType::PhaseChanged);
    bool sawSlowCycle = false;
    for (std::size_t i = 2; i < phases.size(); ++i)
        sawSlowCycle |= phases[i].sample > sections[1].sample &&
                        phases[i].index == static_cast<int>(BreathPhase::Inhale) &&
                        phases[i].sample - phases[i - 2].sample == at(12);
    EXPECT_TRUE(sawSlowCycle);
    // It ends after grounding, never returning to the second section.
    const auto* finished = firstEvent(audio, EventType::Finished);
    ASSERT_TRUE(finished);
    EXPECT_GT(finished->sample, sections[1].sample + at(60));
    EXPECT_GT(expectSmoothAtEvents(audio, "grounding"), 0);
}

TEST(LiveCommands, StopFadesOutOverTwoAndAHalfSeconds) {
    const auto audio = playWithCommands(twoSections(), {{at(7), {CommandType::Stop}}});
    const auto* finished = firstEvent(audio, EventType::Finished);
    ASSERT_TRUE(finished);
    EXPECT_NEAR(static_cast<double>(finished->sample), static_cast<double>(at(9.5)), 64.0);
    const auto left = channel(audio, 0);
    EXPECT_LT(std::abs(left[static_cast<std::size_t>(finished->sample - 1)]), 1e-4f);
    EXPECT_GT(expectSmoothAtEvents(audio, "stop"), 0);
}

}  // namespace
}  // namespace stillpoint::test
