#include <array>
#include <cctype>

#include "session/session_readers.hpp"
#include "stillpoint/pace_range.hpp"

namespace stillpoint::detail {
namespace {

constexpr std::array<std::string_view, 7> kBreatheKeys{"pattern", "cycles", "duration", "pace",
                                                       "ramp",    "tone",   "lines"};
constexpr std::array<std::string_view, 3> kRampKeys{"from", "to", "over"};
constexpr Range kPaceRange{kEnginePaceRange.lowestBpm, kEnginePaceRange.highestBpm, " breaths/min"};

/// Where to report two keys that exclude each other: at the one written second.
SourcePos laterOf(const Field& a, const Field& b, const YamlReader& reader) {
    const SourcePos pa = reader.positionOf(a.key), pb = reader.positionOf(b.key);
    const bool aFirst = pa.line < pb.line || (pa.line == pb.line && pa.column < pb.column);
    return aFirst ? pb : pa;
}

std::optional<PaceRamp> readRamp(const Field& field, YamlReader& reader) {
    const auto entries = reader.entries(field, kRampKeys, "in ramp");
    if (!entries) return std::nullopt;
    PaceRamp ramp;
    bool ok = true;
    for (Field entry : *entries) {
        entry.name = "ramp " + entry.name;
        std::optional<double> value;
        if (entry.key.Scalar() == "over") {
            value = reader.duration(entry);
            ramp.overSeconds = value.value_or(0.0);
        } else {
            value = reader.number(entry, kPaceRange);
            (entry.key.Scalar() == "from" ? ramp.fromBpm : ramp.toBpm) = value.value_or(0.0);
        }
        ok = ok && value.has_value();
    }
    if ((!findField(*entries, "from") || !findField(*entries, "to")) &&
        readEveryKey(field, *entries)) {
        reader.error(field.key, "ramp needs both from and to",
                     "give the pace in breaths/min at the start and at the end, "
                     "e.g. ramp: {from: 12, to: 6, over: 3m}");
        return std::nullopt;
    }
    if (!ok) return std::nullopt;
    return ramp;
}

void checkCombinations(const Field& breathe, const std::vector<Field>& entries,
                       YamlReader& reader) {
    const Field* cycles = findField(entries, "cycles");
    const Field* duration = findField(entries, "duration");
    if (cycles && duration)
        reader.error(laterOf(*cycles, *duration, reader),
                     "breathe step has both cycles and duration",
                     "keep one: cycles counts breaths, duration sets a time");
    if (!cycles && !duration && readEveryKey(breathe, entries))
        reader.error(breathe.key, "breathe step needs cycles or duration",
                     "add e.g. cycles: 6 or duration: 3m");
    const Field* pace = findField(entries, "pace");
    const Field* ramp = findField(entries, "ramp");
    if (pace && ramp)
        reader.error(laterOf(*pace, *ramp, reader), "breathe step has both pace and ramp",
                     "keep one: pace holds one pace, ramp glides from one pace to another");
}

}  // namespace

std::optional<BreatheStep> readBreatheStep(const Field& breathe, const PatternTable& patterns,
                                           YamlReader& reader) {
    const auto entries = reader.entries(breathe, kBreatheKeys, "in breathe step");
    if (!entries) return std::nullopt;
    BreatheStep step;
    for (const Field& field : *entries) {
        if (field.name == "pattern") {
            if (auto name = readPatternName(field, patterns, reader))
                step.pattern = std::move(*name);
        } else if (field.name == "cycles") {
            step.cycles = reader.wholeNumber(field, 1, kMaxCycles);
        } else if (field.name == "duration") {
            step.durationSeconds = reader.duration(field);
        } else if (field.name == "pace") {
            const std::string word = field.value.IsScalar() ? field.value.Scalar() : std::string();
            if (word == "resonance")
                step.resonancePace = reader.positionOf(field);
            else if (!word.empty() && std::isalpha(static_cast<unsigned char>(word.front())))
                reader.error(field, "pace must be a number or resonance, not '" + word + "'",
                             "use a value from 1 to 30 breaths/min, or resonance for the "
                             "listener's resonance pace");
            else
                step.paceBpm = reader.number(field, kPaceRange);
        } else if (field.name == "ramp") {
            step.ramp = readRamp(field, reader);
        } else if (field.name == "tone") {
            step.tone = reader.choice(field, kToneNames, "tones");
        } else if (field.name == "lines") {
            step.lines = readBreathLines(field, reader);
        }
    }
    checkCombinations(breathe, *entries, reader);
    return step;
}

}  // namespace stillpoint::detail
