// nearestName: the closest valid name to a misspelt one, for "did you mean"
// hints in session errors and command-line errors.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stillpoint {

/// Edit distance (insertions, deletions, substitutions, adjacent swaps), case-insensitive.
int editDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a likely typo
/// (distance at most max(1, |word| / 3)).
std::optional<std::string> nearestName(std::string_view word,
                                       const std::vector<std::string>& candidates);

/// "a, b, c": candidates joined for a hint.
std::string joinNames(const std::vector<std::string>& names, std::string_view separator = ", ");

}  // namespace stillpoint
