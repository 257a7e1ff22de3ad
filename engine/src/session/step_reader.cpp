#include <algorithm>
#include <array>
#include <cctype>

#include "session/session_readers.hpp"

namespace stillpoint::detail {
namespace {

constexpr std::array<std::string_view, 2> kBellKeys{"kind", "ring"};
constexpr std::array<std::string_view, 7> kSayKeys{"text",  "id", "voice",     "rate",
                                                   "pitch", "at", "if-avoided"};
constexpr std::array<std::string_view, 3> kScanKeys{"regions", "direction", "length"};
constexpr std::array<std::string_view, 7> kCheckinKeys{"prompt", "id",    "wait",      "voice",
                                                       "rate",   "pitch", "if-avoided"};

std::string stepExample() {
    return "e.g. - pause: 5s; step kinds: " + joinNames(kStepKindNames);
}

std::optional<BellStep> readBell(Field field, YamlReader& reader) {
    BellStep bell;
    if (field.value.IsNull()) return bell;
    if (field.value.IsScalar()) {
        field.name = "bell kind";
        const auto kind = reader.choice(field, kBellNames, "bells");
        if (!kind) return std::nullopt;
        bell.kind = *kind;
        return bell;
    }
    const auto entries = reader.entries(field, kBellKeys, "in bell step");
    if (!entries) return std::nullopt;
    for (Field entry : *entries) {
        if (entry.name == "kind") {
            entry.name = "bell kind";
            if (auto kind = reader.choice(entry, kBellNames, "bells")) bell.kind = *kind;
        } else if (auto ring = reader.duration(entry, kMaxRingSeconds)) {
            bell.ringSeconds = *ring;
        }
    }
    return bell;
}

/// Text given directly (`say: Hello`) or under `textKey` in a map; the map's
/// other keys are left to `readOther`.
template <class ReadOther>
std::optional<std::string> readTextStep(Field field, std::string_view textKey,
                                        std::span<const std::string_view> keys,
                                        std::string_view where, const std::string& tooLongHint,
                                        YamlReader& reader, ReadOther readOther) {
    const std::string kind = field.name;
    field.name = kind + " " + std::string(textKey);
    if (!field.value.IsMap()) return readSpokenText(field, tooLongHint, reader);
    const auto entries = reader.entries(field, keys, where);
    if (!entries) return std::nullopt;
    std::optional<std::string> text;
    for (Field entry : *entries) {
        if (entry.name != textKey) {
            readOther(entry);
            continue;
        }
        entry.name = field.name;
        text = readSpokenText(entry, tooLongHint, reader);
    }
    if (!findField(*entries, textKey) && readEveryKey(field, *entries))
        reader.error(field.key, kind + " step has no " + std::string(textKey),
                     "add " + std::string(textKey) + ": followed by the words");
    return text;
}

std::optional<SayStep> readSay(const Field& field, YamlReader& reader) {
    SayStep say;
    const auto readOther = [&](const Field& other) {
        if (other.name == "id") {
            say.id = readLineId(other, reader).value_or("");
        } else if (other.name == "if-avoided") {
            say.ifAvoided = readIfAvoided(other, reader);
        } else if (other.name == "at") {
            // No breath runs under a say step, so there is nothing to anchor to.
            reader.error(
                other.key, "a say step cannot be anchored to the breath",
                "say it inside a breathe step, where the breathing goes on under it: "
                "- breathe: {pattern: resonance, duration: 3m, lines: [{at: exhale, say: ...}]}");
        } else {
            readLineVoiceKey(other, say.voice, reader);
        }
    };
    const auto text = readTextStep(field, "text", kSayKeys, "in say step",
                                   "split it into several say steps", reader, readOther);
    if (!text) return std::nullopt;
    say.text = *text;
    return say;
}

std::optional<CheckinStep> readCheckin(const Field& field, YamlReader& reader) {
    CheckinStep checkin;
    const auto readOther = [&](const Field& other) {
        if (other.name == "wait")
            checkin.waitSeconds =
                reader.duration(other, kMaxRestSeconds).value_or(checkin.waitSeconds);
        else if (other.name == "if-avoided")
            checkin.ifAvoided = readIfAvoided(other, reader);
        else if (other.name == "id")
            checkin.id = readLineId(other, reader).value_or("");
        else
            readLineVoiceKey(other, checkin.voice, reader);
    };
    const auto prompt = readTextStep(field, "prompt", kCheckinKeys, "in checkin step",
                                     "keep the question short", reader, readOther);
    if (!prompt) return std::nullopt;
    checkin.prompt = *prompt;
    return checkin;
}

std::optional<ScanStep> readScan(const Field& field, YamlReader& reader) {
    const auto entries = reader.entries(field, kScanKeys, "in scan step");
    if (!entries) return std::nullopt;
    ScanStep scan;
    for (Field entry : *entries) {
        if (entry.name == "regions") {
            scan.regions = readRegionList(entry, reader);
            if (entry.value.IsSequence() && entry.value.size() == 0)
                reader.error(entry, "regions is empty",
                             "list at least one region, or use direction: up to scan them all");
        } else if (entry.name == "direction") {
            entry.name = "scan direction";
            const auto direction = reader.choice(entry, kScanDirectionNames, "directions");
            if (!direction) continue;
            scan.regions = wholeBodyScanRegions();
            if (*direction == ScanDirection::Downward)
                std::reverse(scan.regions.begin(), scan.regions.end());
        } else {
            entry.name = "scan length";
            scan.length =
                reader.choice(entry, kScanLengthNames, "scan lengths").value_or(scan.length);
        }
    }
    const Field* regions = findField(*entries, "regions");
    const Field* direction = findField(*entries, "direction");
    if (regions && direction)
        reader.error(direction->key, "scan step has both regions and direction",
                     "list regions, or give a direction to scan every region");
    if (!regions && !direction && readEveryKey(field, *entries))
        reader.error(field.key, "scan step needs regions or direction",
                     "e.g. regions: [feet, belly, hands] or direction: up");
    return scan;
}

/// The kind's key and value, when the step is a map with exactly one key.
std::optional<Field> kindOf(const Field& item, YamlReader& reader) {
    if (!item.value.IsMap() || item.value.size() == 0) {
        reader.wrongType(item, "a map with one key naming its kind", stepExample());
        return std::nullopt;
    }
    auto it = item.value.begin();
    Field body{it->first.Scalar(), it->first, it->second};
    if (item.value.size() > 1) {
        const YAML::Node second = (++it)->first;
        reader.error(
            second,
            "a step has more than one key: '" + body.name + "' and '" + second.Scalar() + "'",
            "each step is one key naming its kind: start another step with '- ', "
            "or indent settings under the kind");
        return std::nullopt;
    }
    if (std::find(kStepKindNames.begin(), kStepKindNames.end(), body.name) ==
        kStepKindNames.end()) {
        reader.error(body.key, "unknown step kind '" + body.name + "'",
                     suggestionHint(body.name, kStepKindNames, "step kinds"));
        return std::nullopt;
    }
    return body;
}

/// Wraps a kind's reader result into a StepBody.
template <class T>
std::optional<StepBody> body(std::optional<T> step) {
    if (!step) return std::nullopt;
    return StepBody{std::move(*step)};
}

std::optional<StepBody> readBody(const Field& kind, const PatternTable& patterns,
                                 YamlReader& reader) {
    if (kind.name == "breathe") return body(readBreatheStep(kind, patterns, reader));
    if (kind.name == "pause") {
        const auto seconds = reader.duration(kind, kMaxRestSeconds);
        return body(seconds ? std::optional<PauseStep>(PauseStep{*seconds}) : std::nullopt);
    }
    if (kind.name == "bell") return body(readBell(kind, reader));
    if (kind.name == "say") return body(readSay(kind, reader));
    if (kind.name == "scan") return body(readScan(kind, reader));
    return body(readCheckin(kind, reader));
}

}  // namespace

/// Line ids name voice-pack clips on disk, so they stay plain file names.
bool isPlainLineId(std::string_view id) {
    if (id.empty() || id.size() > kMaxLineIdCharacters || id.front() == '.') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    });
}

std::optional<std::string> readLineId(const Field& field, YamlReader& reader) {
    auto id = reader.text(field);
    if (!id || isPlainLineId(*id)) return id;
    reader.error(field, "line id '" + *id + "' is not a plain name",
                 "use letters, digits, '-', '_' and '.', at most " +
                     std::to_string(kMaxLineIdCharacters) + " characters, e.g. intro-1");
    return std::nullopt;
}

std::optional<Step> readStep(const Field& item, const PatternTable& patterns, YamlReader& reader) {
    const auto kind = kindOf(item, reader);
    if (!kind) return std::nullopt;
    auto stepBody = readBody(*kind, patterns, reader);
    if (!stepBody) return std::nullopt;
    return Step{reader.positionOf(kind->key), std::move(*stepBody)};
}

}  // namespace stillpoint::detail
