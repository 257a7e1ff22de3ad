// A session file is one YAML document.
//
// yaml-cpp's Load reads the first document of a stream and silently drops
// the rest, so a second document (`---` after content, or content after the
// `...` end marker) would be ignored without a word. This pass over the raw
// text finds it. Document markers are only markers at the start of a line,
// where YAML forbids them inside any scalar, so reading lines is exact.
#pragma once

#include <optional>
#include <string_view>

#include "session/layout_check.hpp"

namespace stillpoint::detail {

/// Where a second document begins, if the text holds one.
std::optional<LayoutProblem> findSecondDocument(std::string_view text);

}  // namespace stillpoint::detail
