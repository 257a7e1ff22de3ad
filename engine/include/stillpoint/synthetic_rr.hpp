// A synthetic heart for tests, benchmarks and demonstrations: beat-to-beat
// intervals from a stylised model of respiratory sinus arrhythmia (RSA).
//
// Heart rate (beats/min) at time t is
//   base + drift(t) + mayer(t) + rsa(t) + white noise per beat, where
//   rsa(t) = A * g(pace) * cos(2 pi f (t - lungs full) + phase(pace)) while paced,
//   g(pace) = floor + (1 - floor) * exp(-(pace - resonance)^2 / (2 width^2)),
//   phase(pace) = -atan((pace - resonance) / width)   (0 at resonance; the
//   heart leads the breath below it and lags above it),
// and between paced blocks the listener breathes freely at `restBpm` with
// amplitude A * floor. Each interval is 60000 / the rate at its middle.
// Then artefacts: ectopic beats (an early beat, 60 % of the interval, and its
// compensatory pause, 140 %), missed beats (two intervals reported as one),
// and dropouts (seconds with no beat reported at all; timestamps continue).
// The model is for exercising the analysis, not physiology. Deterministic
// for a seed.
#pragma once

#include <cstdint>
#include <vector>

#include "stillpoint/heart_beats.hpp"
#include "stillpoint/resonance.hpp"

namespace stillpoint::heart {

struct SyntheticHeart {
    double resonanceBpm = 5.5;    ///< the planted resonance pace
    double baseHeartRate = 66.0;  ///< beats/min
    double rsaAmplitude = 7.0;    ///< beats/min, at resonance
    double resonanceWidth = 0.7;  ///< breaths/min (Gaussian width of g)
    double amplitudeFloor = 0.3;  ///< g far from resonance
    double restBpm = 13.0;        ///< free breathing between blocks
    double mayerAmplitude = 1.0;  ///< beats/min, ~0.1 Hz blood-pressure rhythm
    double noise = 1.5;           ///< beats/min, white, per beat
    double drift = 0.05;          ///< beats/min per beat, a mean-reverting walk
    double ectopicPerBeat = 0.005;
    double missedPerBeat = 0.003;
    double dropoutsPerMinute = 0.2;  ///< each 2-6 s without reports
    std::uint64_t seed = 1;
};

/// Beats from 0 to `seconds`, paced by `blocks` (timestamped: dropouts leave gaps).
std::vector<Beat> syntheticBeats(const SyntheticHeart& heart, const std::vector<PaceBlock>& blocks,
                                 double seconds);

/// A coherent trace: breathing steadily at `bpm` (heart rate in step), with `heart`'s noise.
std::vector<Beat> steadyBreathingBeats(const SyntheticHeart& heart, double bpm, double seconds);

}  // namespace stillpoint::heart
