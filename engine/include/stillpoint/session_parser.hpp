// Session files (YAML) to the Session model, with errors that say where and why.
//
// Not real-time. Never throws: every problem, including unreadable files,
// invalid UTF-8 and oversized input, comes back as a Diagnostic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "stillpoint/diagnostic.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint {

/// Largest session file accepted; sessions are a few kilobytes.
inline constexpr std::size_t kMaxSessionFileBytes = 4u << 20;

struct ParseResult {
    std::optional<Session> session;  ///< set when there are no errors
    Diagnostics diagnostics;         ///< errors and warnings, in file order
};

/// Parse session text. `path` is only used in messages.
ParseResult parseSession(std::string_view text, const std::string& path);
/// Read and parse a session file.
ParseResult loadSessionFile(const std::string& path);

/// Whether `text` is UTF-8 as a session must be: no overlong forms, no
/// surrogates. For front ends that carry session text through other formats.
bool isValidUtf8(std::string_view text);

}  // namespace stillpoint
