// Lines anchored to the breath: each starts, in the rendered signal, on the
// exhale (or inhale) onset the pace law gives, while the breathing goes on;
// the step runs the whole breaths its lines need; a live pace change moves
// the anchors with the breath.
#include <gtest/gtest.h>

#include <cmath>

#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

constexpr double kRate = 48000.0;
constexpr std::int64_t kOneMs = 48;

// Voice only (no bed, no tone), so every sound is speech. extended-exhale:
// 4 s in, 6 s out; a written single cycle is too short for three lines.
const char* kAnchored = R"(title: anchored
defaults: {bed: none, tone: none}
sections:
  - name: one
    steps:
      - pause: 2s
      - breathe:
          pattern: extended-exhale
          cycles: 1
          lines:
            - {at: exhale, say: Let the breath go.}
            - {at: inhale, say: And let it come back.}
            - {say: Softly out.}
      - pause: 2s
)";

/// Onsets of `phase` from a constant-pace pattern started at `start`,
/// computed from the pattern's seconds (the pace law), up to `end`.
std::vector<std::int64_t> phaseOnsets(const BreathPattern& pattern, BreathPhase phase,
                                      std::int64_t start, std::int64_t end) {
    std::vector<std::int64_t> onsets;
    long double cycle = 0;
    for (const auto& s : pattern.segments) cycle += s.seconds;
    for (long k = 0;; ++k) {
        long double before = 0;
        for (const auto& s : pattern.segments) {
            const auto at = start + std::llround(static_cast<double>((k * cycle + before) * kRate));
            if (at >= end) return onsets;
            if (s.phase == phase) onsets.push_back(at);
            before += s.seconds;
        }
    }
}

std::int64_t firstAtOrAfter(const std::vector<std::int64_t>& onsets, std::int64_t from) {
    for (const auto at : onsets)
        if (at >= from) return at;
    return -1;
}

/// The first sample at or after `from` where the signal is not silent.
std::int64_t soundFrom(const std::vector<float>& x, std::int64_t from) {
    while (from < static_cast<std::int64_t>(x.size()) &&
           std::abs(x[static_cast<std::size_t>(from)]) < 1e-6f)
        ++from;
    return from;
}

TEST(AnchoredLines, EachLineIsHeardWithinOneMillisecondOfItsBreathPhase) {
    const auto program = programFromText(kAnchored);
    ASSERT_TRUE(program);
    const auto audio = renderProgram(program, {});
    const auto left = channel(audio, 0);
    const auto steps = eventsOfType(audio, EventType::StepStarted);
    ASSERT_GE(steps.size(), 3u);
    const std::int64_t stepStart = steps[1].sample;
    EXPECT_EQ(stepStart, std::llround(2.0 * kRate));  // after the 2 s pause

    const auto pattern = findPreset("extended-exhale");
    ASSERT_TRUE(pattern);
    const auto end = static_cast<std::int64_t>(left.size());
    const auto exhales = phaseOnsets(*pattern, BreathPhase::Exhale, stepStart, end);
    const auto inhales = phaseOnsets(*pattern, BreathPhase::Inhale, stepStart, end);
    const auto& clips = program->narration->steps[1];
    ASSERT_EQ(clips.size(), 3u);

    // Each line on the first onset of its phase after the line before has ended.
    const std::vector<const std::vector<std::int64_t>*> anchors{&exhales, &inhales, &exhales};
    std::int64_t previousEnd = stepStart;
    for (std::size_t i = 0; i < clips.size(); ++i) {
        const std::int64_t expected = firstAtOrAfter(*anchors[i], previousEnd);
        ASSERT_GE(expected, 0);
        // A line's own tail may ring a few samples past its length.
        const std::int64_t heard = soundFrom(left, i == 0 ? previousEnd : previousEnd + kOneMs);
        EXPECT_LE(std::abs(heard - expected), kOneMs)
            << "line " << i << ": the breath turns at " << expected << ", the voice starts at "
            << heard;
        previousEnd = expected + clips[i].lengthFramesAt(kRate);
    }
    // The first line waits for the first exhale: 4 s of inhale at the step's start.
    EXPECT_EQ(firstAtOrAfter(exhales, stepStart), stepStart + std::llround(4.0 * kRate));

    // The step ends on the first whole breath after its last line.
    const std::int64_t breathEnd = firstAtOrAfter(inhales, previousEnd);
    EXPECT_EQ(steps[2].sample, breathEnd);
    EXPECT_GT(program->steps[1].cycles, 1);
    EXPECT_EQ(program->steps[1].writtenCycles, 1);
}

TEST(AnchoredLines, TheBreathToneGoesOnUnderTheLineAndTheEventsAgree) {
    std::string withTone = kAnchored;
    withTone.replace(withTone.find("tone: none"), 10, "tone: pad");
    const auto program = programFromText(withTone);
    ASSERT_TRUE(program);
    const auto audio = renderProgram(program, {});
    const auto lines = eventsOfType(audio, EventType::LineSpoken);
    const auto phases = eventsOfType(audio, EventType::PhaseChanged);
    ASSERT_EQ(lines.size(), 3u);
    const BreathPhase expected[] = {BreathPhase::Exhale, BreathPhase::Inhale, BreathPhase::Exhale};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto turn = std::find_if(phases.begin(), phases.end(),
                                       [&](const Event& p) { return p.sample == lines[i].sample; });
        ASSERT_NE(turn, phases.end()) << "line " << i << " at " << lines[i].sample;
        EXPECT_EQ(turn->index, static_cast<int>(expected[i]));
    }
    // Breathing goes on between the lines: the inhale the second line starts
    // on is a turn of the same breath, not a new step.
    const auto steps = eventsOfType(audio, EventType::StepStarted);
    const auto during = std::count_if(steps.begin(), steps.end(), [&](const Event& s) {
        return s.sample > lines.front().sample && s.sample <= lines.back().sample;
    });
    EXPECT_EQ(during, 0);
    const auto turns = std::count_if(phases.begin(), phases.end(), [&](const Event& p) {
        return p.sample > lines.front().sample && p.sample < lines.back().sample;
    });
    EXPECT_GE(turns, 1);
}

TEST(AnchoredLines, ALivePaceChangeMovesTheLineWithTheBreath) {
    const auto program = programFromText(kAnchored);
    ASSERT_TRUE(program);
    // Slower from 3 s, inside the first inhale: the exhale comes later than planned.
    const auto audio =
        playWithCommands(program, {{std::llround(3.0 * kRate), {CommandType::SetPace, 0, 3.0}}});
    const auto lines = eventsOfType(audio, EventType::LineSpoken);
    const auto phases = eventsOfType(audio, EventType::PhaseChanged);
    ASSERT_EQ(lines.size(), 3u);
    const auto firstExhale = std::find_if(phases.begin(), phases.end(), [](const Event& p) {
        return p.index == static_cast<int>(BreathPhase::Exhale);
    });
    ASSERT_NE(firstExhale, phases.end());
    EXPECT_GT(firstExhale->sample, std::llround(6.0 * kRate));  // later than the planned 2 s + 4 s
    EXPECT_EQ(lines[0].sample, firstExhale->sample);
    const auto left = channel(audio, 0);
    EXPECT_LE(std::abs(soundFrom(left, std::llround(2.0 * kRate)) - firstExhale->sample), kOneMs);
}

TEST(AnchoredLines, TheLinesAreLaidOutAtTheEngineRateToTheSample) {
    for (const double rate : {44100.0, 96000.0}) {
        auto parsed = parseSession(kAnchored, "anchored.yaml");
        ASSERT_TRUE(parsed.session);
        auto planned = planSession(*parsed.session);
        ASSERT_TRUE(planned.program);
        NarrationSettings settings;
        settings.sampleRate = rate;
        ASSERT_TRUE(narrateProgram(*planned.program, settings).ok);
        const auto program = std::make_shared<const Program>(std::move(*planned.program));
        EngineConfig render;
        render.sampleRate = rate;
        const auto audio = renderProgram(program, render);
        const auto lines = eventsOfType(audio, EventType::LineSpoken);
        const auto steps = eventsOfType(audio, EventType::StepStarted);
        ASSERT_EQ(lines.size(), 3u) << rate;
        ASSERT_GE(steps.size(), 3u);
        for (std::size_t i = 0; i < lines.size(); ++i)
            EXPECT_EQ(lines[i].sample - steps[1].sample,
                      program->narration->steps[1][i].offsetFrames)
                << rate << " Hz, line " << i;
    }
}

}  // namespace
}  // namespace stillpoint::test
