#include <array>

#include "session/session_readers.hpp"
#include "session/session_vocabulary.hpp"

namespace stillpoint::detail {
namespace {

constexpr std::array<std::string_view, 4> kBreathLineKeys{"say", "at", "id", "if-avoided"};

std::optional<BreathLine> readBreathLine(const Field& item, YamlReader& reader) {
    BreathLine line;
    line.pos = reader.positionOf(item);
    if (!item.value.IsMap()) {
        reader.wrongType(item, "a map with say and at",
                         "e.g. - {at: exhale, say: Let the breath go.}");
        return std::nullopt;
    }
    const auto entries = reader.entries(item, kBreathLineKeys, "in a breathe step's line");
    if (!entries) return std::nullopt;
    std::optional<std::string> text;
    for (Field entry : *entries) {
        if (entry.name == "say") {
            entry.name = "line text";
            text = readSpokenText(entry, "split it into several lines", reader);
        } else if (entry.name == "if-avoided") {
            line.ifAvoided = readIfAvoided(entry, reader);
        } else if (entry.name == "id") {
            line.id = readLineId(entry, reader).value_or("");
        } else {
            entry.name = "line anchor";
            line.at = reader.choice(entry, kAnchorNames, "anchors").value_or(line.at);
        }
    }
    if (!findField(*entries, "say") && readEveryKey(item, *entries))
        reader.error(item, "line has no say",
                     "add say: followed by the words, e.g. {at: exhale, say: ...}");
    if (!text) return std::nullopt;
    line.text = std::move(*text);
    return line;
}

}  // namespace

std::vector<BreathLine> readBreathLines(const Field& list, YamlReader& reader) {
    std::vector<BreathLine> lines;
    const auto items = reader.items(list, "line");
    if (!items) return lines;
    for (const Field& item : *items)
        if (auto line = readBreathLine(item, reader)) lines.push_back(std::move(*line));
    return lines;
}

}  // namespace stillpoint::detail
