#include "session/pattern_lookup.hpp"

#include "stillpoint/nearest_name.hpp"

namespace stillpoint::detail {

std::optional<BreathPattern> findPattern(const std::vector<BreathPattern>& sessionPatterns,
                                         std::string_view name) {
    for (const BreathPattern& pattern : sessionPatterns)
        if (pattern.name == name) return pattern;
    return findPreset(name);
}

std::string unknownPatternHint(std::string_view name,
                               const std::vector<std::string>& sessionPatternNames) {
    std::vector<std::string_view> presets;
    for (const BreathPattern& preset : breathPresets()) presets.push_back(preset.name);
    std::vector<std::string_view> everything = presets;
    everything.insert(everything.end(), sessionPatternNames.begin(), sessionPatternNames.end());

    std::string hint;
    if (const auto nearest = nearestName(name, everything))
        hint = "did you mean '" + *nearest + "'? ";
    hint += "presets: " + joinNames(presets);
    if (!sessionPatternNames.empty()) {
        const std::vector<std::string_view> own(sessionPatternNames.begin(),
                                                sessionPatternNames.end());
        hint += "; this session's patterns: " + joinNames(own);
    }
    return hint;
}

}  // namespace stillpoint::detail
