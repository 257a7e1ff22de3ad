#include "narration/voice_choice.hpp"

#include "narration/espeak_synthesizer.hpp"
#include "narration/voice_catalog.hpp"
#include "stillpoint/narration.hpp"

namespace stillpoint {
namespace narration {

std::optional<VoiceRequest> voiceRequestFor(const VoiceSettings& defaults, const LineVoice& line,
                                            Language language, std::string& error) {
    std::string hint;
    const auto resolved =
        resolveVoice(line.voice ? *line.voice : defaults.synthesized, language, error, hint);
    if (!resolved) {
        error += "; " + hint;
        return std::nullopt;
    }
    VoiceRequest request;
    request.engine = resolved->engine;
    request.voice = resolved->name;
    request.rate = line.rate.value_or(defaults.rate);
    request.pitchSemitones = line.pitchSemitones.value_or(defaults.pitchSemitones);
    return request;
}

}  // namespace narration

std::vector<AvailableVoice> availableVoices() {
    std::vector<AvailableVoice> voices;
    for (const std::string& name : narration::voicesOf(SpeechEngine::Flite))
        voices.push_back({SpeechEngine::Flite, name, "",
                          name == narration::defaultVoiceOf(SpeechEngine::Flite)});
    for (const auto& voice : narration::EspeakSynthesizer::voices())
        voices.push_back({SpeechEngine::Espeak, voice.language, voice.description,
                          voice.language == narration::EspeakSynthesizer::kDefaultVoice});
    return voices;
}

std::string espeakUnavailableReason() {
    return narration::EspeakSynthesizer::unavailableReason();
}

std::string qualifiedName(const AvailableVoice& voice) {
    return narration::engineName(voice.engine) + ":" + voice.name;
}

Diagnostics checkVoices(const Program& program) {
    Diagnostics errors;
    auto check = [&](const VoiceName& voice) {
        std::string message;
        std::string hint;
        if (narration::resolveVoice(voice, program.language, message, hint)) return;
        // A session's default voice, unnamed, follows its language: the error is there.
        SourcePos pos = voice.pos;
        if (!voice.engine && voice.name.empty()) pos = program.languagePos;
        // A voice from the command line or an app's profile has no place in the file.
        if (pos.line == 0) message = "the voice chosen for this run: " + message;
        errors.push_back({Severity::Error, pos.line == 0 ? "" : program.sourcePath, pos.line,
                          pos.column, std::move(message), std::move(hint)});
    };
    check(program.sound.voice.synthesized);
    for (const PlannedStep& step : program.steps)
        if (step.voice.voice) check(*step.voice.voice);
    return errors;
}

}  // namespace stillpoint
