// Evenly sampled heart rate from beats, the first step of every spectral
// measure (coherence, the resonance assessment's figures).
// Real-time contract: no allocation, no lock, no throw.
#pragma once

#include <cstddef>

#include "stillpoint/heart_beats.hpp"

namespace stillpoint::heart {

/// Heart rate (60000 / RR, beats/min) at `start + j / rateHz`, j = 0..points-1,
/// linearly interpolated between the intervals' midpoints (an interval's rate
/// is its middle's); held at the first beat's value before
/// it and at the last's after it. `beats` in time order, count >= 1.
void resampleHeartRate(const Beat* beats, std::size_t count, double start, double rateHz,
                       float* out, std::size_t points) noexcept;

/// Subtract the least-squares line through `values`.
void removeLinearTrend(float* values, std::size_t count) noexcept;

}  // namespace stillpoint::heart
