// The `engine:name` form of a voice, shared by `--voice`, the app's profiles
// and a step's `voice: espeak:en-gb`.
#include "session/session_vocabulary.hpp"
#include "stillpoint/nearest_name.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint {

std::optional<VoiceName> parseVoiceName(std::string_view text, std::string& error) {
    VoiceName voice;
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) {
        voice.name = std::string(text);
        return voice;
    }
    const std::string_view engine = text.substr(0, colon);
    std::vector<std::string_view> engines;
    for (const auto& named : detail::kSpeechEngineNames) {
        engines.push_back(named.name);
        if (named.name == engine) voice.engine = named.value;
    }
    if (!voice.engine) {
        error = "unknown speech engine '" + std::string(engine) + "'; " +
                suggestionHint(engine, engines, "engines") +
                " (write engine:name, e.g. espeak:en-gb, or a voice name)";
        return std::nullopt;
    }
    voice.name = std::string(text.substr(colon + 1));
    return voice;
}

}  // namespace stillpoint
