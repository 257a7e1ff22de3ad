// A session's language picks its default voice: flite for English,
// espeak-ng's voice for German, French and Spanish; a voice the session
// names still wins, and without espeak-ng the error is at `language:`.
#include <gtest/gtest.h>

#include <string>

#include "narration/espeak_synthesizer.hpp"
#include "narration/voice_choice.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

Program planned(const std::string& yaml) {
    auto parsed = parseSession(yaml, "language.yaml");
    for (const auto& d : parsed.diagnostics) ADD_FAILURE() << d.format();
    if (!parsed.session) return {};
    auto plan = planSession(*parsed.session);
    return plan.program ? std::move(*plan.program) : Program{};
}

std::string session(const std::string& language, const std::string& voice = "") {
    return "title: t\nlanguage: " + language + "\ndefaults: {bed: none" + voice +
           "}\nsections:\n  - name: s\n    steps:\n      - say: Hallo.\n";
}

/// The voice the session's first line is asked of, as "engine:name".
std::string voiceOfFirstLine(const Program& program) {
    std::string error;
    const auto request = narration::voiceRequestFor(program.sound.voice, program.steps.at(0).voice,
                                                    program.language, error);
    if (!request) return "error: " + error;
    return std::string(request->engine == SpeechEngine::Espeak ? "espeak:" : "flite:") +
           request->voice;
}

TEST(LanguageVoice, EachLanguageHasItsDefaultVoiceAndANamedVoiceWins) {
    EXPECT_EQ(voiceOfFirstLine(planned(session("en"))), "flite:cmu_us_slt");
    if (!narration::EspeakSynthesizer::available())
        GTEST_SKIP() << "espeak-ng voices are not available ("
                     << narration::EspeakSynthesizer::unavailableReason()
                     << "): German, French and Spanish are spoken by espeak-ng";
    EXPECT_EQ(voiceOfFirstLine(planned(session("de"))), "espeak:de");
    EXPECT_EQ(voiceOfFirstLine(planned(session("fr"))), "espeak:fr-fr");
    EXPECT_EQ(voiceOfFirstLine(planned(session("es"))), "espeak:es");
    // `engine: espeak` alone speaks the session's language; a named voice is kept.
    EXPECT_EQ(voiceOfFirstLine(planned(session("fr", ", voice: {engine: espeak}"))),
              "espeak:fr-fr");
    EXPECT_EQ(voiceOfFirstLine(planned(session("de", ", voice: {engine: espeak, name: en-gb}"))),
              "espeak:en-gb");
    EXPECT_EQ(voiceOfFirstLine(planned(session("es", ", voice: {engine: flite}"))),
              "flite:cmu_us_slt");
    EXPECT_TRUE(checkVoices(planned(session("de"))).empty());
}

TEST(LanguageVoice, WithoutEspeakANonEnglishSessionIsAnErrorAtItsLanguageKey) {
    if (narration::EspeakSynthesizer::available())
        GTEST_SKIP() << "espeak voices are on (STILLPOINT_ESPEAK): a German session has its "
                        "voice; run with STILLPOINT_ESPEAK=off to check the error";
    const Diagnostics errors = checkVoices(planned(session("de")));
    ASSERT_EQ(errors.size(), 1u);
    // The reason names the fix (tests/cli/espeak_program_cli_test.cpp checks each one).
    const std::string reason = narration::EspeakSynthesizer::unavailableReason();
    EXPECT_NE(reason.find("STILLPOINT_ESPEAK"), std::string::npos) << reason;
    EXPECT_EQ(errors[0].format(),
              "language.yaml:2:11: error: language: de is spoken by espeak-ng (flite speaks only "
              "English), and espeak voices are not available; " +
                  reason);
}

}  // namespace
}  // namespace stillpoint
