// "Did you mean ...?": the closest valid name to a misspelt one, and the list
// of valid names for hints.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace stillpoint {

/// The candidate closest to `word` by edit distance (a swap of two neighbours
/// counts as one edit), when it is close enough to be a likely typo.
std::optional<std::string> nearestName(std::string_view word,
                                       std::span<const std::string_view> candidates);

/// Up to `count` candidates, closest first (one that contains `word` counts
/// as closest); ties keep the candidates' order.
std::vector<std::string> nearestNames(std::string_view word,
                                      std::span<const std::string_view> candidates,
                                      std::size_t count);

/// "a, b, c"
std::string joinNames(std::span<const std::string_view> names);

/// "did you mean 'x'? <listLabel>: a, b, c", or just the list when nothing is close.
std::string suggestionHint(std::string_view word, std::span<const std::string_view> candidates,
                           std::string_view listLabel);

}  // namespace stillpoint
