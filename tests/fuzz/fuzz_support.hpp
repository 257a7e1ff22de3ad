// What the fuzz targets share: turning fuzz bytes into text, and the bound
// on how long a session they prepare.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::fuzz {

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Preparing measures a session's loudness by rendering all of it, so its cost
/// grows with the session's length (up to 24 h). A fuzz input that is merely
/// long is not a bug: only sessions up to this length are prepared and played.
inline constexpr double kMaxPreparedSeconds = 20.0 * 60.0;

/// True when `text` is a valid session no longer than kMaxPreparedSeconds.
inline bool shortEnoughToPrepare(std::string_view text) {
    const ParseResult parsed = parseSession(text, "fuzz.yaml");
    if (!parsed.session) return false;
    const PlanResult planned = planSession(*parsed.session);
    return planned.program && planned.program->lengthSeconds <= kMaxPreparedSeconds;
}

}  // namespace stillpoint::fuzz
