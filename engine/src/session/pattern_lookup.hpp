// Breath patterns by name: the session's own first (they may replace a
// preset), then the built-in presets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stillpoint/breath_pattern.hpp"

namespace stillpoint::detail {

std::optional<BreathPattern> findPattern(const std::vector<BreathPattern>& sessionPatterns,
                                         std::string_view name);

/// "did you mean 'box'? presets: ...; this session's patterns: ..."
std::string unknownPatternHint(std::string_view name,
                               const std::vector<std::string>& sessionPatternNames);

}  // namespace stillpoint::detail
