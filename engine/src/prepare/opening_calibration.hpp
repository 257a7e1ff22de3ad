// The loudness gains a session plays with while its lines are still being
// narrated, before any line exists.
//
// The plan's first `seconds` (the flow's steps that start within them, at
// their planned lengths; +inf: the whole plan) is calibrated exactly as a
// narrated session is (calibrateProgram), each line stood in for by noise
// shaped as the line renderer shapes a line (the words at the planner's
// pace, the markup's rests between sentences) and levelled to the speech
// loudness every real line is normalised to. The opening alone (90 s) costs
// a bounded ~0.3 s whatever the session's length and gives the first gains;
// the whole plan comes next and lands within about 1 dB of the narrated
// session's gains (tests/engine/opening_calibration_test.cpp).
// Deterministic: it depends on the plan and the settings only, never on
// which lines happen to be ready. Not real-time.
#pragma once

#include "graph/loudness_analysis.hpp"
#include "stillpoint/narration.hpp"

namespace stillpoint::prepare {

/// Gains for `planned` (a program as the planner made it, no narration).
Calibration openingCalibration(const Program& planned, const EngineConfig& config,
                               double speechLufs, double seconds);

}  // namespace stillpoint::prepare
