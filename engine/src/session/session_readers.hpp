// The readers that turn a parsed YAML document into the Session model, one
// per part of the format. Each reports its problems through the YamlReader
// and returns what it could read; the caller decides from the diagnostics
// whether the session is usable.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "session/yaml_reader.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint::detail {

/// At most this many steps in a whole session.
inline constexpr std::size_t kMaxSteps = 10000;

/// The session's own breath patterns, and every name it declares (also the
/// ones with errors, so a reference to them is not reported a second time).
struct PatternTable {
    std::vector<BreathPattern> patterns;
    std::vector<std::string> declaredNames;

    bool declares(std::string_view name) const;
};

Session readSession(const YAML::Node& root, YamlReader& reader);

PatternTable readPatterns(const Field& patterns, YamlReader& reader);

SoundSettings readSoundSettings(const Field& defaults, const PatternTable& patterns,
                                YamlReader& reader);

/// A list of body regions, each checked against bodyRegions().
std::vector<std::string> readRegionList(const Field& list, YamlReader& reader);

/// A pattern name that must name a preset or one of the session's patterns.
std::optional<std::string> readPatternName(const Field& field, const PatternTable& patterns,
                                           YamlReader& reader);

std::optional<BreatheStep> readBreatheStep(const Field& breathe, const PatternTable& patterns,
                                           YamlReader& reader);

/// A line's own voice keys, after its text: `voice`, `rate`, `pitch`.
inline constexpr std::array<std::string_view, 3> kLineVoiceKeys{"voice", "rate", "pitch"};

/// `rate:` (0.5..1.5 of the voice's own) and `pitch:` (-6..+3 semitones).
std::optional<double> readSpeechRate(Field field, YamlReader& reader);
std::optional<double> readSpeechPitch(Field field, YamlReader& reader);

/// `engine:` or `name:` of a voice into `voice`; false when it is wrong (reported).
bool readVoiceNamePart(Field field, VoiceName& voice, YamlReader& reader);

/// A line's `voice:`: {engine: espeak, name: en-gb}, `espeak:en-gb` or `en-gb`.
std::optional<VoiceName> readVoiceName(const Field& field, YamlReader& reader);

/// One of kLineVoiceKeys into `voice`.
void readLineVoiceKey(const Field& field, LineVoice& voice, YamlReader& reader);

/// Words to be spoken: text whose `[pause ...]` markup is well formed and
/// within its bounds, a problem reported at the markup's own line and column.
std::optional<std::string> readSpokenText(const Field& field, std::string_view tooLongHint,
                                          YamlReader& reader);

/// Line ids (`id:` of say, checkin and breath lines) stay plain file names.
inline constexpr std::size_t kMaxLineIdCharacters = 100;
bool isPlainLineId(std::string_view id);
/// An `id:`: plain text that isPlainLineId; nullopt when it is not (reported).
std::optional<std::string> readLineId(const Field& field, YamlReader& reader);

/// A breathe step's `lines:`, each `{at: exhale|inhale, say: TEXT, id: NAME}` (at defaults to
/// exhale).
std::vector<BreathLine> readBreathLines(const Field& list, YamlReader& reader);

/// A line's `if-avoided:` map: body region -> what the line says instead
/// when that region is avoided.
std::vector<RegionAlternative> readIfAvoided(const Field& field, YamlReader& reader);

/// One step: a map with a single key naming its kind.
std::optional<Step> readStep(const Field& item, const PatternTable& patterns, YamlReader& reader);

}  // namespace stillpoint::detail
