// Durations as written in session files: `90`, `90s`, `2.5s`, `3m`, `1m30s`, `1h05m`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace stillpoint::detail {

/// Seconds written by `text`: a plain number of seconds, or hours, minutes and
/// seconds parts in that order (`1h05m`, `1m 30s`), optionally negative.
/// Range checks are the caller's; nullopt means it is not a duration at all.
std::optional<double> parseDurationSeconds(std::string_view text);

/// How a duration should be written, for hints.
inline constexpr std::string_view kDurationExamples = "90, 90s, 2.5s, 3m, 1m30s or 1h05m";

/// Seconds in the shortest unit form: 8s, 3m, 1m30s, 1h5m.
std::string formatDuration(double seconds);

}  // namespace stillpoint::detail
