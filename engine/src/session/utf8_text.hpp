// UTF-8 text measures: validity and length in characters.
//
// Session files are UTF-8. The parser checks this itself, before yaml-cpp
// sees the bytes, so the listener's author learns the line and column of the
// first bad byte instead of a garbled message later.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "stillpoint/session.hpp"

namespace stillpoint::detail {

struct InvalidUtf8 {
    SourcePos pos;           ///< of the first byte that breaks the encoding
    unsigned char byte = 0;  ///< that byte
};

/// The first encoding error in `text`, if any (overlongs and surrogates count).
std::optional<InvalidUtf8> findInvalidUtf8(std::string_view text);

/// Characters (code points) in valid UTF-8 `text`.
std::size_t countCharacters(std::string_view text);

}  // namespace stillpoint::detail
