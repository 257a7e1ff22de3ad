#include "narration/voice_catalog.hpp"

#include <algorithm>

#include "narration/espeak_synthesizer.hpp"
#include "narration/flite_synthesizer.hpp"
#include "session/session_vocabulary.hpp"
#include "stillpoint/nearest_name.hpp"

namespace stillpoint::narration {
namespace {

bool has(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string hintFor(const std::string& name, const std::vector<std::string>& names,
                    const std::string& label) {
    const std::vector<std::string_view> views(names.begin(), names.end());
    return suggestionHint(name, views, label);
}

}  // namespace

std::string engineName(SpeechEngine engine) {
    return engine == SpeechEngine::Espeak ? "espeak" : "flite";
}

std::vector<std::string> voicesOf(SpeechEngine engine) {
    if (engine == SpeechEngine::Flite) return FliteSynthesizer::voices();
    std::vector<std::string> names;
    for (const auto& voice : EspeakSynthesizer::voices()) names.push_back(voice.language);
    return names;
}

std::string defaultVoiceOf(SpeechEngine engine) {
    return engine == SpeechEngine::Espeak ? EspeakSynthesizer::kDefaultVoice
                                          : FliteSynthesizer::voices().front();
}

ResolvedVoice defaultVoiceFor(Language language) {
    switch (language) {
        case Language::German:
            return {SpeechEngine::Espeak, "de"};
        case Language::French:
            return {SpeechEngine::Espeak, "fr-fr"};
        case Language::Spanish:
            return {SpeechEngine::Espeak, "es"};
        case Language::English:
            break;
    }
    return {SpeechEngine::Flite, defaultVoiceOf(SpeechEngine::Flite)};
}

std::optional<ResolvedVoice> resolveVoice(const VoiceName& voice, Language language,
                                          std::string& message, std::string& hint) {
    const ResolvedVoice languageVoice = defaultVoiceFor(language);
    if (!voice.engine && voice.name.empty() && languageVoice.engine == SpeechEngine::Espeak &&
        !EspeakSynthesizer::available()) {
        message = "language: " + std::string(detail::languageCode(language)) +
                  " is spoken by espeak-ng (flite speaks only English), and espeak voices are "
                  "not available";
        hint = EspeakSynthesizer::unavailableReason();
        return std::nullopt;
    }
    if (voice.engine == SpeechEngine::Espeak && !EspeakSynthesizer::available()) {
        message = "espeak voices are not available";
        hint = EspeakSynthesizer::unavailableReason() + "; or " +
               hintFor("", voicesOf(SpeechEngine::Flite), "use a flite voice");
        return std::nullopt;
    }
    if (voice.engine) {
        const SpeechEngine engine = *voice.engine;
        if (voice.name.empty())
            return engine == languageVoice.engine ? languageVoice
                                                  : ResolvedVoice{engine, defaultVoiceOf(engine)};
        const auto names = voicesOf(engine);
        if (has(names, voice.name)) return ResolvedVoice{engine, voice.name};
        message = "unknown " + engineName(engine) + " voice '" + voice.name + "'";
        hint = hintFor(voice.name, names, engineName(engine) + " voices");
        return std::nullopt;
    }
    if (voice.name.empty()) return languageVoice;
    std::vector<std::string> every;
    for (const SpeechEngine engine : {SpeechEngine::Flite, SpeechEngine::Espeak}) {
        const auto names = voicesOf(engine);
        if (has(names, voice.name)) return ResolvedVoice{engine, voice.name};
        every.insert(every.end(), names.begin(), names.end());
    }
    message = "unknown voice '" + voice.name + "'";
    hint = hintFor(voice.name, every, "voices (`stillpoint voices` says which engine has each)");
    return std::nullopt;
}

}  // namespace stillpoint::narration
