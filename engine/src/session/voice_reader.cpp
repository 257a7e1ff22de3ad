// The voice keys of a session: `defaults: voice:` and a line's own `voice`,
// `rate` and `pitch`. Voice names are checked against the voices there are
// by narration (checkVoices), which knows them; here only their form.
#include "session/session_readers.hpp"

namespace stillpoint::detail {
namespace {

constexpr Range kRateRange{kMinSpeechRate, kMaxSpeechRate, " (times the voice's own rate)"};
constexpr Range kPitchRange{kMinSpeechPitch, kMaxSpeechPitch, " semitones"};
constexpr std::array<std::string_view, 2> kVoiceNameKeys{"engine", "name"};
constexpr std::size_t kMaxVoiceNameCharacters = 100;

}  // namespace

std::optional<double> readSpeechRate(Field field, YamlReader& reader) {
    field.name = "speaking rate";
    return reader.number(field, kRateRange);
}

std::optional<double> readSpeechPitch(Field field, YamlReader& reader) {
    field.name = "pitch";
    return reader.number(field, kPitchRange);
}

bool readVoiceNamePart(Field field, VoiceName& voice, YamlReader& reader) {
    if (field.name == "engine") {
        field.name = "speech engine";
        voice.engine = reader.choice(field, kSpeechEngineNames, "engines");
        return voice.engine.has_value();
    }
    field.name = "voice name";
    auto name = reader.text(field, kMaxVoiceNameCharacters);
    if (!name) return false;
    voice.name = std::move(*name);
    voice.pos = reader.positionOf(field);
    return true;
}

std::optional<VoiceName> readVoiceName(const Field& field, YamlReader& reader) {
    if (field.value.IsScalar()) {
        const auto written = reader.text(field, kMaxVoiceNameCharacters);
        if (!written) return std::nullopt;
        std::string error;
        auto voice = parseVoiceName(*written, error);
        if (!voice) {
            reader.error(field, error);
            return std::nullopt;
        }
        voice->pos = reader.positionOf(field);
        return voice;
    }
    const auto entries = reader.entries(field, kVoiceNameKeys, "in voice");
    if (!entries) return std::nullopt;
    VoiceName voice;
    voice.pos = reader.positionOf(field);
    bool ok = true;
    for (const Field& entry : *entries) ok = readVoiceNamePart(entry, voice, reader) && ok;
    if (!ok) return std::nullopt;
    return voice;
}

void readLineVoiceKey(const Field& field, LineVoice& voice, YamlReader& reader) {
    if (field.name == "voice")
        voice.voice = readVoiceName(field, reader);
    else if (field.name == "rate")
        voice.rate = readSpeechRate(field, reader);
    else
        voice.pitchSemitones = readSpeechPitch(field, reader);
}

}  // namespace stillpoint::detail
