// The breath tone follows the breath: brighter and higher at the top of the
// inhale than at its start, falling again through the exhale. Measured on
// the engine's output (spectral centroid), with phase times taken from the
// engine's own events.
#include <gtest/gtest.h>

#include "audio_analysis.hpp"
#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

struct PhaseSpan {
    std::int64_t start, end;
    BreathPhase phase;
};

std::vector<PhaseSpan> phaseSpans(const RenderedAudio& audio) {
    std::vector<PhaseSpan> spans;
    const auto changes = eventsOfType(audio, EventType::PhaseChanged);
    for (std::size_t i = 0; i + 1 < changes.size(); ++i)
        spans.push_back(
            {changes[i].sample, changes[i + 1].sample, static_cast<BreathPhase>(changes[i].index)});
    return spans;
}

double centroidAt(const std::vector<float>& x, std::int64_t at, double rate) {
    constexpr int kWindow = 4096;
    return spectralCentroid(x.data() + at, kWindow, rate);
}

void expectToneFollowsBreath(const char* name) {
    const auto program = programFromText(std::string(R"(
title: follow
defaults: {bed: none}
sections:
  - name: one
    steps:
      - breathe: {pattern: coherent, cycles: 4, tone: )") +
                                         name + "}\n");
    ASSERT_TRUE(program);
    EngineConfig config;
    config.calibrateLoudness = false;
    const auto audio = renderProgram(program, config, 512);
    const auto left = channel(audio, 0);
    const double rate = audio.sampleRate;
    const auto margin = static_cast<std::int64_t>(0.3 * rate);
    int inhales = 0, exhales = 0;
    // Skip the first breath: the tone is still fading in over it.
    for (const auto& span : phaseSpans(audio)) {
        if (span.start < static_cast<std::int64_t>(10 * rate)) continue;
        const double early = centroidAt(left, span.start + margin / 3, rate);
        const double late = centroidAt(left, span.end - margin - 4096, rate);
        if (span.phase == BreathPhase::Inhale) {
            EXPECT_GT(late, early * 1.15) << name << " inhale at " << span.start;
            ++inhales;
        } else if (span.phase == BreathPhase::Exhale) {
            EXPECT_LT(late, early / 1.15) << name << " exhale at " << span.start;
            ++exhales;
        }
    }
    EXPECT_GE(inhales, 2);
    EXPECT_GE(exhales, 2);
}

TEST(BreathTone, PadRisesOnTheInhaleAndFallsOnTheExhale) {
    expectToneFollowsBreath("pad");
}
TEST(BreathTone, WaveRisesOnTheInhaleAndFallsOnTheExhale) {
    expectToneFollowsBreath("wave");
}

TEST(EngineTimeline, PhaseEventsLandOnTheExactSampleAfterEarlierSteps) {
    // A 2.5 s pause, then coherent breathing: boundaries every 5 s from 2.5 s.
    const auto program = programFromText(R"(
title: timing
defaults: {bed: pink}
sections:
  - name: one
    steps:
      - pause: 2.5s
      - breathe: {pattern: coherent, cycles: 30}
)");
    ASSERT_TRUE(program);
    for (const double rate : {44100.0, 48000.0, 96000.0}) {
        EngineConfig config;
        config.sampleRate = rate;
        const auto audio = renderProgram(program, config, 480);
        const auto phases = eventsOfType(audio, EventType::PhaseChanged);
        ASSERT_EQ(phases.size(), 60u) << rate;
        for (std::size_t i = 0; i < phases.size(); ++i) {
            const auto expected = std::llround((2.5 + 5.0 * static_cast<double>(i)) * rate);
            ASSERT_EQ(phases[i].sample, expected) << "phase " << i << " at " << rate;
            EXPECT_EQ(phases[i].index,
                      static_cast<int>(i % 2 == 0 ? BreathPhase::Inhale : BreathPhase::Exhale));
        }
        // The session ends 4 s after the last exhale.
        EXPECT_EQ(audio.frames(), std::llround((2.5 + 300.0 + kSessionFadeOutSeconds) * rate));
    }
}

TEST(EngineTimeline, SectionAndStepEventsFollowThePlan) {
    const auto program =
        programFromFile(std::string(STILLPOINT_ASSETS_DIR) + "/sessions/arrive-and-breathe.yaml");
    ASSERT_TRUE(program);
    const auto audio = renderProgram(program, {}, 512);
    const auto sections = eventsOfType(audio, EventType::SectionStarted);
    const auto steps = eventsOfType(audio, EventType::StepStarted);
    // The grounding section is only played on request.
    ASSERT_EQ(static_cast<int>(sections.size()), program->groundingSection);
    ASSERT_EQ(static_cast<int>(steps.size()), program->flowStepCount());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        EXPECT_EQ(steps[i].index, static_cast<int>(i));
        // Planned in seconds, played in samples: within one sample per step.
        EXPECT_NEAR(static_cast<double>(steps[i].sample), program->steps[i].startSeconds * 48000.0,
                    static_cast<double>(i) + 1.0);
    }
}

}  // namespace
}  // namespace stillpoint::test
