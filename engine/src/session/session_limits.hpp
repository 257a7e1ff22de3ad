// How long a session, and any one rest in it, may be: the bounds the reader
// and planner check, so that a small file cannot ask for days of preparation
// or gigabytes of silence. They are generous for meditation (sessions run
// minutes to a few hours) and documented in docs/session-format.md, "Limits".
#pragma once

namespace stillpoint::detail {

/// The planned flow of a session, and its grounding section on its own clock.
inline constexpr double kMaxSessionSeconds = 12.0 * 60.0 * 60.0;

/// Any one duration written in a session (a breathe step's, a ramp's) that
/// has no tighter bound of its own.
inline constexpr double kMaxDurationSeconds = kMaxSessionSeconds;

/// One rest: a pause step, a check-in's wait.
inline constexpr double kMaxRestSeconds = 60.0 * 60.0;

/// A bell's ring.
inline constexpr double kMaxRingSeconds = 60.0;

/// A breathe step's `cycles` (the planned length bounds their time as well).
inline constexpr int kMaxCycles = 10000;

/// One `[pause ...]` inside a spoken line, and all of one line's together.
inline constexpr double kMaxMarkupPauseSeconds = 60.0;
inline constexpr double kMaxLineMarkupPauseSeconds = 120.0;

}  // namespace stillpoint::detail
