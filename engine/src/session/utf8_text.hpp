// UTF-8 text measures: validity, length in characters, and the characters
// a session may not carry.
//
// Session files are UTF-8. The parser checks this itself, before yaml-cpp
// sees the bytes, so the listener's author learns the line and column of the
// first bad byte instead of a garbled message later.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "stillpoint/session.hpp"
#include "stillpoint/unsafe_characters.hpp"

namespace stillpoint::detail {

struct InvalidUtf8 {
    SourcePos pos;           ///< of the first byte that breaks the encoding
    unsigned char byte = 0;  ///< that byte
};

/// The first encoding error in `text`, if any (overlongs and surrogates count).
std::optional<InvalidUtf8> findInvalidUtf8(std::string_view text);

/// Characters (code points) in valid UTF-8 `text`.
std::size_t countCharacters(std::string_view text);

/// Line and character column of byte `offset` in valid UTF-8 `text`.
SourcePos positionAt(std::string_view text, std::size_t offset);

/// A control or bidi character (text/unsafe_characters.hpp) the session has
/// no use for, and at what byte; a CR that ends a line (CRLF) is not one.
std::optional<UnsafeCharacter> findUnsafeSessionCharacter(std::string_view text);

/// What the reader says of such a character: "control character U+001B ESC",
/// and the advice to remove it (why it is refused).
std::string unsafeCharacterMessage(char32_t c);
std::string unsafeCharacterHint(char32_t c);

}  // namespace stillpoint::detail
