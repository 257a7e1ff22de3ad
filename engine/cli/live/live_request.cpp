#include "live_request.hpp"

#include <array>

#include "stillpoint/breath_pattern.hpp"

namespace stillpoint::cli::live {
namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(LayerId::Count)> kLayerNames = {
    "tone", "bed", "bells", "voice", "binaural", "isochronic"};

}  // namespace

std::string_view layerName(LayerId layer) {
    const auto i = static_cast<std::size_t>(layer);
    return i < kLayerNames.size() ? kLayerNames[i] : "?";
}

std::optional<LayerId> layerFromName(std::string_view name) {
    for (std::size_t i = 0; i < kLayerNames.size(); ++i)
        if (kLayerNames[i] == name) return static_cast<LayerId>(i);
    return std::nullopt;
}

std::optional<int> patternFromName(std::string_view name) {
    if (name == "session") return 0;
    const auto& presets = breathPresets();
    for (std::size_t i = 0; i < presets.size(); ++i)
        if (presets[i].name == name) return static_cast<int>(i) + 1;
    return std::nullopt;
}

}  // namespace stillpoint::cli::live
