#include "live_request.hpp"

#include "stillpoint/breath_pattern.hpp"

namespace stillpoint::cli::live {
std::optional<int> patternFromName(std::string_view name) {
    if (name == "session") return 0;
    const auto& presets = breathPresets();
    for (std::size_t i = 0; i < presets.size(); ++i)
        if (presets[i].name == name) return static_cast<int>(i) + 1;
    return std::nullopt;
}

}  // namespace stillpoint::cli::live
