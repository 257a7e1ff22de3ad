#include <array>

#include "session/session_readers.hpp"
#include "stillpoint/layer_vocabulary.hpp"

namespace stillpoint::detail {
namespace {

constexpr std::array<std::string_view, 7> kDefaultsKeys{"pattern",    "tone",    "bed",  "binaural",
                                                        "isochronic", "volumes", "voice"};
constexpr std::array<std::string_view, 5> kVoiceKeys{"engine", "name", "rate", "pitch", "pack"};
constexpr Range kVolumeRange{kLayerVolumeRange.lowestDb, kLayerVolumeRange.highestDb, " dB"};
constexpr Range kCarrierRange{40.0, 1000.0, " Hz"};
constexpr Range kModulationRange{0.5, 40.0, " Hz"};

/// A carrier with a modulation rate: the binaural beat and the isochronic pulse.
struct ModulatedCarrier {
    double carrierHz = 0.0;
    double modulationHz = 0.0;
};

bool saysOff(const YAML::Node& value) {
    if (!value.IsScalar()) return false;
    const std::string& word = value.Scalar();
    return word == "off" || word == "false" || word == "none";
}

/// `off`, or {carrier, <modulationKey>} with `fallback` for what is left out.
/// Nullopt when off or unreadable (the reader has reported why).
std::optional<ModulatedCarrier> readModulatedCarrier(const Field& field,
                                                     std::string_view modulationKey,
                                                     ModulatedCarrier fallback,
                                                     YamlReader& reader) {
    if (saysOff(field.value)) return std::nullopt;
    const std::array<std::string_view, 2> keys{"carrier", modulationKey};
    if (field.value.IsScalar()) {
        reader.wrongType(
            field, "a map such as {carrier: 200, " + std::string(modulationKey) + ": 6} or off");
        return std::nullopt;
    }
    const auto entries = reader.entries(field, keys, "in " + field.name);
    if (!entries) return std::nullopt;
    ModulatedCarrier result = fallback;
    bool ok = true;
    for (Field entry : *entries) {
        const bool carrier = entry.name == "carrier";
        entry.name = field.name + " " + entry.name;
        const auto value = reader.number(entry, carrier ? kCarrierRange : kModulationRange);
        if (value) (carrier ? result.carrierHz : result.modulationHz) = *value;
        ok = ok && value.has_value();
    }
    if (!ok) return std::nullopt;
    return result;
}

LayerVolumes readVolumes(const Field& field, YamlReader& reader) {
    LayerVolumes volumes;
    const auto entries = reader.entries(field, kLayerNames, "in volumes");
    if (!entries) return volumes;
    for (Field entry : *entries) {
        const LayerWord* layer = layerNamed(entry.name);  // entries() let only layer names through
        entry.name += " volume";
        if (const auto db = reader.number(entry, kVolumeRange)) volumes.*layer->volume = *db;
    }
    return volumes;
}

VoiceSettings readVoice(const Field& field, YamlReader& reader) {
    VoiceSettings voice;
    if (field.value.IsScalar()) {
        reader.wrongType(field,
                         "a map such as {engine: espeak, name: en-gb, rate: 0.85} or "
                         "{pack: voices/anna}");
        return voice;
    }
    const auto entries = reader.entries(field, kVoiceKeys, "in voice");
    if (!entries) return voice;
    voice.synthesized.pos = reader.positionOf(field);
    for (Field entry : *entries) {
        if (entry.name == "rate") {
            voice.rate = readSpeechRate(entry, reader).value_or(voice.rate);
        } else if (entry.name == "pitch") {
            voice.pitchSemitones = readSpeechPitch(entry, reader).value_or(voice.pitchSemitones);
        } else if (entry.name == "pack") {
            entry.name = "voice pack";
            if (auto pack = reader.text(entry)) {
                voice.pack = std::move(*pack);
                voice.packPos = reader.positionOf(entry);
            }
        } else {
            readVoiceNamePart(entry, voice.synthesized, reader);
        }
    }
    return voice;
}

}  // namespace

SoundSettings readSoundSettings(const Field& defaults, const PatternTable& patterns,
                                YamlReader& reader) {
    SoundSettings sound;
    const auto entries = reader.entries(defaults, kDefaultsKeys, "in defaults");
    if (!entries) return sound;
    for (const Field& field : *entries) {
        if (field.name == "pattern") {
            if (auto name = readPatternName(field, patterns, reader))
                sound.pattern = std::move(*name);
        } else if (field.name == "tone") {
            if (auto tone = reader.choice(field, kToneNames, "tones")) sound.tone = *tone;
        } else if (field.name == "bed") {
            if (auto bed = reader.choice(field, kBedNames, "beds")) sound.bed = *bed;
        } else if (field.name == "binaural") {
            const BinauralBeat fallback;
            if (auto beat = readModulatedCarrier(field, "beat",
                                                 {fallback.carrierHz, fallback.beatHz}, reader))
                sound.binaural = BinauralBeat{beat->carrierHz, beat->modulationHz};
        } else if (field.name == "isochronic") {
            const IsochronicPulse fallback;
            if (auto pulse = readModulatedCarrier(field, "rate",
                                                  {fallback.carrierHz, fallback.rateHz}, reader))
                sound.isochronic = IsochronicPulse{pulse->carrierHz, pulse->modulationHz};
        } else if (field.name == "volumes") {
            sound.volumes = readVolumes(field, reader);
        } else if (field.name == "voice") {
            sound.voice = readVoice(field, reader);
        }
    }
    return sound;
}

}  // namespace stillpoint::detail
