#include "session/session_readers.hpp"

namespace stillpoint::detail {

std::vector<RegionAlternative> readIfAvoided(const Field& field, YamlReader& reader) {
    std::vector<RegionAlternative> alternatives;
    const std::vector<std::string_view> regions(bodyRegions().begin(), bodyRegions().end());
    const auto entries = reader.entries(field, regions, "in if-avoided (keys are body regions)");
    if (!entries) return alternatives;
    for (Field entry : *entries) {
        const std::string region = entry.name;
        entry.name = "if-avoided text for " + region;
        if (auto text = readSpokenText(entry, "keep the alternative short", reader))
            alternatives.push_back({region, std::move(*text)});
    }
    return alternatives;
}

}  // namespace stillpoint::detail
