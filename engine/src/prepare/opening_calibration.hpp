// The loudness gains a session starts with while its lines are still being
// narrated: measured on its opening alone, so the cost is bounded whatever
// the session's length, and before any line exists.
//
// The opening (the flow's steps that start within `seconds`, at their
// planned lengths) is calibrated exactly as a whole session is
// (calibrateProgram), with each of its lines stood in for by noise of the
// line's estimated length, levelled to the speech loudness every real line
// is normalised to. Deterministic: it depends on the planned program and the
// settings only, never on which lines happen to be ready. Not real-time.
#pragma once

#include "graph/loudness_analysis.hpp"
#include "stillpoint/narration.hpp"

namespace stillpoint::prepare {

/// Gains for `planned` (a program as the planner made it, no narration).
Calibration openingCalibration(const Program& planned, const EngineConfig& config,
                               double speechLufs, double seconds);

}  // namespace stillpoint::prepare
