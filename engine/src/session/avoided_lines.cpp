#include "session/avoided_lines.hpp"

#include <algorithm>

namespace stillpoint::detail {
namespace {

/// The first region `text` names that is in `avoid`, or empty.
std::string firstAvoidedNamed(const std::string& text, const std::vector<std::string>& avoid) {
    for (const std::string& region : regionsNamedIn(text))
        if (std::find(avoid.begin(), avoid.end(), region) != avoid.end()) return region;
    return {};
}

}  // namespace

LineUnderAvoid lineUnderAvoid(const std::string& text,
                              const std::vector<RegionAlternative>& alternatives,
                              const std::vector<std::string>& avoid) {
    if (avoid.empty()) return {text, {}};
    for (const RegionAlternative& alternative : alternatives) {
        const bool avoided =
            std::find(avoid.begin(), avoid.end(), alternative.region) != avoid.end();
        if (avoided && firstAvoidedNamed(alternative.text, avoid).empty())
            return {alternative.text, {}};
    }
    std::string named = firstAvoidedNamed(text, avoid);
    if (named.empty()) return {text, {}};
    return {std::nullopt, std::move(named)};
}

}  // namespace stillpoint::detail
