// The voice keys read into the session model and carried into the plan:
// defaults' engine, name, rate and pitch; a line's own voice, rate and pitch;
// a run's voice from PlanOptions.
#include <gtest/gtest.h>

#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

const char* kVoices = R"(title: voices
defaults:
  voice: {engine: espeak, name: en-gb, rate: 0.8, pitch: -3, pack: anna}
sections:
  - name: one
    steps:
      - say: Plain.
      - say: {text: Own voice., voice: {engine: flite, name: cmu_us_awb}, rate: 0.7}
      - say: {text: Written short., voice: "espeak:fr-fr", pitch: 1.5}
      - checkin: {prompt: "Bare name?", voice: cmu_us_rms, wait: 5s}
)";

TEST(VoiceKeys, DefaultsAndLinesAreReadWithTheirPlaces) {
    const auto parsed = parseSession(kVoices, "voices.yaml");
    ASSERT_TRUE(parsed.session) << (parsed.diagnostics.empty() ? ""
                                                               : parsed.diagnostics[0].format());
    const VoiceSettings& voice = parsed.session->defaults.voice;
    EXPECT_EQ(voice.synthesized.engine, SpeechEngine::Espeak);
    EXPECT_EQ(voice.synthesized.name, "en-gb");
    EXPECT_EQ(voice.synthesized.pos.line, 3);
    EXPECT_EQ(voice.synthesized.pos.column, 33);
    EXPECT_DOUBLE_EQ(voice.rate, 0.8);
    EXPECT_DOUBLE_EQ(voice.pitchSemitones, -3.0);
    EXPECT_EQ(voice.pack, "anna");

    const auto& steps = parsed.session->sections.at(0).steps;
    const auto& plain = std::get<SayStep>(steps.at(0).body).voice;
    EXPECT_FALSE(plain.voice || plain.rate || plain.pitchSemitones);
    const auto& own = std::get<SayStep>(steps.at(1).body).voice;
    ASSERT_TRUE(own.voice);
    EXPECT_EQ(own.voice->engine, SpeechEngine::Flite);
    EXPECT_EQ(own.voice->name, "cmu_us_awb");
    EXPECT_EQ(own.voice->pos.line, 8);
    EXPECT_DOUBLE_EQ(own.rate.value_or(0.0), 0.7);
    EXPECT_FALSE(own.pitchSemitones);
    const auto& written = std::get<SayStep>(steps.at(2).body).voice;
    ASSERT_TRUE(written.voice);
    EXPECT_EQ(written.voice->engine, SpeechEngine::Espeak);
    EXPECT_EQ(written.voice->name, "fr-fr");
    EXPECT_DOUBLE_EQ(written.pitchSemitones.value_or(0.0), 1.5);
    const auto& checkin = std::get<CheckinStep>(steps.at(3).body);
    ASSERT_TRUE(checkin.voice.voice);
    EXPECT_FALSE(checkin.voice.voice->engine);  // whichever engine has it
    EXPECT_EQ(checkin.voice.voice->name, "cmu_us_rms");
    EXPECT_DOUBLE_EQ(checkin.waitSeconds, 5.0);
}

TEST(VoiceKeys, WithoutVoiceKeysTheDefaultsAreTheMeditationProsody) {
    const auto parsed = parseSession(
        "title: t\nsections:\n  - name: a\n    steps:\n      - say: Hi.\n", "plain.yaml");
    ASSERT_TRUE(parsed.session);
    const VoiceSettings& voice = parsed.session->defaults.voice;
    EXPECT_FALSE(voice.synthesized.engine);
    EXPECT_TRUE(voice.synthesized.name.empty());
    EXPECT_DOUBLE_EQ(voice.rate, 0.85);
    EXPECT_DOUBLE_EQ(voice.pitchSemitones, -2.0);
}

TEST(VoiceKeys, ThePlanCarriesEachLinesVoiceAndARunsChoiceReplacesTheDefault) {
    const auto parsed = parseSession(kVoices, "voices.yaml");
    ASSERT_TRUE(parsed.session);
    PlanOptions options;
    std::string error;
    options.voice = parseVoiceName("flite:cmu_us_kal", error);
    const auto plan = planSession(*parsed.session, options);
    ASSERT_TRUE(plan.program);
    const VoiceSettings& voice = plan.program->sound.voice;
    EXPECT_EQ(voice.synthesized.engine, SpeechEngine::Flite);
    EXPECT_EQ(voice.synthesized.name, "cmu_us_kal");
    EXPECT_DOUBLE_EQ(voice.rate, 0.8);  // the run chose a voice, not a rate
    const auto& steps = plan.program->steps;
    ASSERT_GE(steps.size(), 4u);
    ASSERT_TRUE(steps[1].voice.voice);
    EXPECT_EQ(steps[1].voice.voice->name, "cmu_us_awb");
    ASSERT_TRUE(steps[3].voice.voice);
    EXPECT_EQ(steps[3].voice.voice->name, "cmu_us_rms");
}

}  // namespace
}  // namespace stillpoint
