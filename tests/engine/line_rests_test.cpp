// The rests inside a spoken line are lengths, not buffers of zeros: a line's
// memory is its words', and the engine plays the rests as silence of their
// length, at the clip's own rate and at another.
#include <gtest/gtest.h>

#include <cmath>

#include "session_rendering.hpp"

namespace stillpoint {
namespace {

// Nothing but the voice, so every sound is speech; two minute-long rests.
const char* kLongRests = R"(title: rests
defaults: {bed: none, tone: none}
sections:
  - name: one
    steps:
      - say: Rest. [pause 1m] Still resting. [pause 1m] Back.
)";

TEST(LineRests, ALinesMemoryIsItsWordsNotItsRests) {
    const auto program = test::programFromText(kLongRests);
    ASSERT_TRUE(program);
    const SpokenLine& line = program->narration->steps.at(0).at(0);
    const SpeechClip& clip = line.clip;
    ASSERT_EQ(clip.rests.size(), 2u);
    // Each: the sentence's 0.8 s, then the minute written after it, at the clip's rate.
    for (const LineRest& rest : clip.rests)
        EXPECT_EQ(rest.frames, std::llround(60.8 * clip.sampleRate));
    // Ten seconds of 16-bit words at most, for a line of two minutes.
    EXPECT_LT(clip.bytes(), static_cast<std::size_t>(10 * clip.sampleRate * 2 + 1024));
    EXPECT_GT(line.lengthFramesAt(48000.0), 121 * 48000);
}

/// Index of the first sample from `from` louder than the voice's silence.
std::int64_t soundFrom(const std::vector<float>& signal, std::int64_t from) {
    while (from < static_cast<std::int64_t>(signal.size()) &&
           std::abs(signal[static_cast<std::size_t>(from)]) < 1e-6f)
        ++from;
    return from;
}

void expectRestsPlayedAsSilence(double rate) {
    const auto program = test::programFromText(kLongRests);
    ASSERT_TRUE(program);
    EngineConfig config;
    config.sampleRate = rate;
    const auto audio = renderProgram(program, config);
    const auto left = test::channel(audio, 0);
    const auto lines = test::eventsOfType(audio, EventType::LineSpoken);
    ASSERT_EQ(lines.size(), 1u);
    const SpokenLine& line = program->narration->steps.at(0).at(0);
    const double scale = rate / line.clip.sampleRate;
    const auto oneMs = static_cast<std::int64_t>(0.001 * rate);
    std::int64_t restsBefore = 0;
    for (const LineRest& rest : line.clip.rests) {
        // The rest starts where its sample would be, and lasts its frames.
        const auto start = lines[0].sample +
                           std::llround(static_cast<double>(rest.atSample + restsBefore) * scale);
        const auto end = start + std::llround(static_cast<double>(rest.frames) * scale);
        const std::int64_t resumes = soundFrom(left, start + oneMs);
        EXPECT_GE(resumes, end - oneMs) << "rest at sample " << rest.atSample << " at " << rate;
        EXPECT_LE(resumes, end + 50 * oneMs)
            << "rest at sample " << rest.atSample << " at " << rate;
        restsBefore += rest.frames;
    }
}

TEST(LineRests, ArePlayedAsSilenceOfTheirLength) {
    expectRestsPlayedAsSilence(48000.0);
}

TEST(LineRests, ArePlayedAsSilenceOfTheirLengthAtAnotherRate) {
    expectRestsPlayedAsSilence(44100.0);
}

}  // namespace
}  // namespace stillpoint
