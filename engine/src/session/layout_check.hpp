// A pass over the raw text before yaml-cpp parses it.
//
// yaml-cpp's parser recurses once per nesting level, so `[[[[...` ten
// thousand deep can exhaust the stack; and a tab in the indentation gives
// only "illegal block entry". This check finds both cheaply, by reading
// lines, brackets and quotes, and says what is wrong in plain words.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "stillpoint/session.hpp"

namespace stillpoint::detail {

/// Deeper than any session needs (they nest about eight levels).
inline constexpr int kMaxNestingDepth = 64;

struct LayoutProblem {
    SourcePos pos;
    std::string message;
    std::string hint;
};

/// The first tab used as indentation, or the first place nested deeper than
/// `maxDepth`. `text` must be valid UTF-8 (columns count characters).
std::optional<LayoutProblem> checkLayout(std::string_view text, int maxDepth = kMaxNestingDepth);

}  // namespace stillpoint::detail
