#include <algorithm>
#include <array>

#include "session/pattern_lookup.hpp"
#include "session/session_readers.hpp"

namespace stillpoint::detail {
namespace {

constexpr std::array<std::string_view, 5> kPatternKeys{"inhale", "top_up", "hold_in", "exhale",
                                                       "hold_out"};
constexpr Range kBreathRange{0.5, 60.0, " s"};  // inhale, exhale
constexpr Range kRestRange{0.0, 60.0, " s"};    // holds, top-up

struct Phases {
    double inhale = 0.0, topUp = 0.0, holdIn = 0.0, exhale = 0.0, holdOut = 0.0;
};

/// Inhale or exhale: at least 0.5 s; 0 makes the pattern a zero-length one.
std::optional<double> readBreathPhase(const Field& field, const std::string& patternName,
                                      YamlReader& reader) {
    const auto seconds = reader.secondsAsWritten(field);
    if (!seconds) return std::nullopt;
    if (*seconds == 0.0) {
        reader.error(field, "zero-length pattern '" + patternName + "': " + field.name + " is 0",
                     "inhale and exhale each need at least 0.5 s");
        return std::nullopt;
    }
    if (*seconds < kBreathRange.low || *seconds > kBreathRange.high) {
        reader.outOfRange(field, kBreathRange);
        return std::nullopt;
    }
    return seconds;
}

double& phaseNamed(Phases& phases, std::string_view key) {
    if (key == "inhale") return phases.inhale;
    if (key == "exhale") return phases.exhale;
    if (key == "top_up") return phases.topUp;
    if (key == "hold_in") return phases.holdIn;
    return phases.holdOut;
}

std::optional<BreathPattern> readPattern(const Field& definition, YamlReader& reader) {
    const std::string& name = definition.name;
    const auto entries = reader.entries(definition, kPatternKeys, "in pattern '" + name + "'");
    if (!entries) return std::nullopt;
    Phases phases;
    bool ok = true;
    for (const Field& field : *entries) {
        const bool breath = field.name == "inhale" || field.name == "exhale";
        const auto seconds =
            breath ? readBreathPhase(field, name, reader) : reader.seconds(field, kRestRange);
        if (seconds) phaseNamed(phases, field.name) = *seconds;
        ok = ok && seconds.has_value();
    }
    for (const std::string_view required : {"inhale", "exhale"}) {
        const bool present = std::any_of(entries->begin(), entries->end(),
                                         [&](const Field& f) { return f.name == required; });
        ok = ok && present;
        if (present || !readEveryKey(definition, *entries)) continue;
        reader.error(definition.key, "pattern '" + name + "' has no " + std::string(required),
                     "inhale and exhale are required, e.g. {inhale: 4, exhale: 6}");
    }
    if (!ok) return std::nullopt;
    return makePattern(name, phases.inhale, phases.holdIn, phases.exhale, phases.holdOut,
                       phases.topUp);
}

}  // namespace

bool PatternTable::declares(std::string_view name) const {
    return std::find(declaredNames.begin(), declaredNames.end(), name) != declaredNames.end();
}

PatternTable readPatterns(const Field& patterns, YamlReader& reader) {
    PatternTable table;
    const auto definitions = reader.namedEntries(patterns, "in patterns");
    if (!definitions) return table;
    for (const Field& definition : *definitions) {
        if (definition.name.empty()) {
            reader.error(definition.key, "a pattern has an empty name",
                         "name it, e.g. calm-4-6: {inhale: 4, exhale: 6}");
            continue;
        }
        table.declaredNames.push_back(definition.name);
        if (findPreset(definition.name))
            reader.warning(definition.key,
                           "pattern '" + definition.name + "' replaces the preset of the same name",
                           "rename it to keep the preset available");
        if (auto pattern = readPattern(definition, reader))
            table.patterns.push_back(std::move(*pattern));
    }
    return table;
}

std::optional<std::string> readPatternName(const Field& field, const PatternTable& patterns,
                                           YamlReader& reader) {
    auto name = reader.text(field);
    if (!name) return std::nullopt;
    if (patterns.declares(*name) || findPreset(*name)) return name;
    reader.error(field, "unknown pattern '" + *name + "'",
                 unknownPatternHint(*name, patterns.declaredNames));
    return std::nullopt;
}

}  // namespace stillpoint::detail
