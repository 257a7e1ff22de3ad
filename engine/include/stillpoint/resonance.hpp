// The resonance assessment: which breathing pace makes this listener's heart
// rate swing the most, smoothly and in step with the breath.
//
// Protocol (Lehrer, Vaschillo and Vaschillo 2000, "Resonant frequency
// biofeedback training to increase cardiac variability"; Lehrer et al. 2013;
// Shaffer and Meehan 2020, "A practical guide to resonance frequency
// assessment"): the listener breathes 6.5, 6.0, 5.5, 5.0 and 4.5 breaths a
// minute for about two minutes each, with rests between. For each pace,
// over the block after its first kSettleSeconds:
//   - peak-to-trough: heart rate's maximum minus minimum within each whole
//     breath, averaged over the breaths (beats/min);
//   - low-frequency power: heart-rate power in 0.04-0.15 Hz (bpm^2), from the
//     detrended, Hann-windowed 4 Hz series;
//   - phase: where heart rate's rhythm at the breathing frequency peaks
//     relative to the end of the inhale, in degrees (0: in step, the
//     resonance sign; positive: heart rate leads the breath; negative: lags).
// Each pace scores amplitude / best amplitude + power / best power +
// (1 + cos phase) / 2; the resonance rate is the best-scoring pace.
#pragma once

#include <string>
#include <vector>

#include "stillpoint/heart_beats.hpp"
#include "stillpoint/rr_artefacts.hpp"

namespace stillpoint {
struct Program;
}

namespace stillpoint::heart {

/// The paces the assessment tries, in order.
inline constexpr double kAssessmentPaces[] = {6.5, 6.0, 5.5, 5.0, 4.5};
/// Paces set from heart data stay in this range (CARE.md: resonance breathing).
inline constexpr double kMinResonancePace = 4.5;
inline constexpr double kMaxResonancePace = 7.0;
/// The first seconds of each paced block are left out (the heart settles).
inline constexpr double kSettleSeconds = 10.0;
/// A block with less than this much beat data after settling has no figures.
inline constexpr double kMinimumBlockSeconds = 60.0;

/// One block of constant paced breathing on the beats' clock. Breath cycles
/// start (with an inhale) at startSeconds; the lungs are full at
/// `inhaleEndFraction` of each cycle.
struct PaceBlock {
    double bpm = 6.0;
    double startSeconds = 0.0;
    double endSeconds = 0.0;
    double inhaleEndFraction = 0.4;
};

struct PaceFigures {
    double bpm = 0.0;
    bool measured = false;  ///< enough clean beats for figures
    int beats = 0;          ///< accepted beats in the block
    int breaths = 0;        ///< whole breaths measured
    double peakToTroughBpm = 0.0;
    double lowFrequencyPower = 0.0;
    double phaseDegrees = 0.0;
    double score = 0.0;
};

struct ResonanceResult {
    std::vector<PaceFigures> paces;  ///< one per block, in the blocks' order
    int chosen = -1;                 ///< index into paces; -1 when none was measured
    double resonanceBpm = 0.0;       ///< paces[chosen].bpm
    RrCounts counts;                 ///< artefact verdicts over the whole recording
    std::string error;               ///< why nothing could be chosen, or ""
};

/// Analyse a recording (raw beats: the artefact rules run here) against the
/// blocks the listener was paced through.
ResonanceResult analyseResonance(const std::vector<Beat>& beats,
                                 const std::vector<PaceBlock>& blocks);

/// The paced blocks of a planned session: each breathe step at one constant
/// pace, from its planned start, with its pattern's inhale end.
std::vector<PaceBlock> pacedBlocks(const Program& program);

/// The built-in assessment session's text (YAML): a welcome, then each pace
/// of kAssessmentPaces for two minutes with rests, then a return to the room.
const std::string& assessmentSessionText();

}  // namespace stillpoint::heart
