// Breakpoints: a sampled intensity thinned to the few points a piecewise-
// linear player (a Core Haptics ParameterCurve, a Haptics Studio envelope)
// needs, so that the lines between them stay within `tolerance` of every
// sample. The first and last samples are always kept.
#pragma once

#include <vector>

namespace stillpoint::haptics {

struct Breakpoint {
    double seconds = 0.0;
    float value = 0.0f;
};

std::vector<Breakpoint> fitBreakpoints(const std::vector<float>& samples, double sampleRate,
                                       float tolerance);

/// The value of the line through `points` at `seconds` (clamped at the ends).
float valueAt(const std::vector<Breakpoint>& points, double seconds);

}  // namespace stillpoint::haptics
