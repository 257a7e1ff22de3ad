// Characters that must never reach a terminal or a caption file raw.
//
// C0 controls (but tab and line feed), DEL and C1 controls start escape
// sequences that retitle a terminal, write the clipboard (OSC 52) or hide
// hyperlinks (OSC 8); bidirectional overrides and isolates reorder text so
// that what is shown is not what is written. The session reader refuses them
// (findUnsafeCharacter), and everything that echoes outside text shows them
// visibly instead (escapeForDisplay): one definition for both.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace stillpoint {

struct UnsafeCharacter {
    std::size_t offset = 0;  ///< byte offset in the text
    char32_t codePoint = 0;
};

/// Whether `c` is a control (C0 but tab and line feed, DEL, C1) or a bidi
/// override/isolate (U+202A..U+202E, U+2066..U+2069).
bool isUnsafeCharacter(char32_t c);

/// The first unsafe character of UTF-8 `text`, if any (invalid bytes are
/// not looked at: the UTF-8 check is a separate one).
std::optional<UnsafeCharacter> findUnsafeCharacter(std::string_view text);

/// "U+001B ESC", "U+009B CSI", "U+202E RLO": the code point and its short name.
std::string describeCharacter(char32_t c);

/// `text` with every unsafe character, and every byte that is not UTF-8,
/// written visibly (`\x1B`, `\u009B`, `\u202E`, `\xE9`); line feeds become
/// `\n` unless `keepLineFeeds`. Everything else is unchanged.
std::string escapeForDisplay(std::string_view text, bool keepLineFeeds = false);

}  // namespace stillpoint
