// Finding words and phrases in spoken text: case-insensitive, on word
// boundaries, so "hip" is found in "Hip and knee" but not in "ship".
// Plain ASCII folding: the vocabularies searched for are English.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace stillpoint::detail {

/// `text` with ASCII letters in lower case; other bytes (UTF-8) unchanged.
std::string foldCase(std::string_view text);

/// Byte offset of the first whole-word occurrence of `phrase` in `text`;
/// both already folded (foldCase). A phrase may hold several words.
std::optional<std::size_t> findWords(std::string_view text, std::string_view phrase);

/// Whether folded `text` holds any of the folded `phrases` as whole words.
bool containsAnyWords(std::string_view text, std::span<const std::string_view> phrases);

}  // namespace stillpoint::detail
