#include <algorithm>

#include "session/session_readers.hpp"

namespace stillpoint::detail {

std::vector<std::string> readRegionList(const Field& list, YamlReader& reader) {
    std::vector<std::string> regions;
    const auto items = reader.items(list, "body region");
    if (!items) return regions;
    const std::vector<std::string_view> known(bodyRegions().begin(), bodyRegions().end());
    for (const Field& item : *items) {
        auto region = reader.text(item);
        if (!region) continue;
        if (std::find(known.begin(), known.end(), *region) == known.end()) {
            reader.error(item, "unknown body region '" + *region + "'",
                         suggestionHint(*region, known, "body regions"));
            continue;
        }
        if (std::find(regions.begin(), regions.end(), *region) != regions.end()) {
            reader.warning(item, "body region '" + *region + "' is listed twice",
                           "each region is named once; the second is left out");
            continue;
        }
        regions.push_back(std::move(*region));
    }
    return regions;
}

}  // namespace stillpoint::detail
