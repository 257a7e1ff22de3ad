// Loudness analysis of a whole program, for the engine's calibration.
//
// Renders the program once through the same sequencer and graph the engine
// plays (no limiter, unity master gain) and measures its integrated loudness
// (EBU R128). The engine then sets one constant master gain so every session
// lands at the target loudness, whatever its layers and volumes.
//
// The analysis runs at an even fraction of the output rate near 24 kHz
// (48 kHz -> 24 kHz, 96 kHz -> 24 kHz, 44.1 kHz -> 22.05 kHz): every layer is
// defined in Hz and keeps its content below 10 kHz, so the loudness is the
// same to within a few hundredths of a LU, at half the cost or less. The
// result depends only on the program and the output rate: deterministic.
//
// Not real-time: run it in prepare.
#pragma once

#include "graph/sequencer.hpp"
#include "stillpoint/engine.hpp"

namespace stillpoint {

/// Integrated loudness in LUFS of `program` as rendered with `config`
/// (channels, rate), before limiting. -inf when the program is silent.
/// `analysisRate` (0: the default above) renders the analysis at another rate.
double measureProgramLoudness(const Program& program, const EngineConfig& config,
                              const SequencerTiming& timing = {}, double analysisRate = 0.0);

/// The rate the analysis runs at for an output rate (see above).
double loudnessAnalysisRate(double outputRate);

struct Calibration {
    double masterGainDb = 0.0;  ///< on the whole mix
    double voiceTrimDb = 0.0;   ///< on the voice alone, undoing the master gain
};

/// The gains that bring `program` to `config.targetLufs` (within `minDb`..`maxDb`).
///
/// The voice keeps its own level: each line is already normalised to the
/// speech loudness, and a quiet session (a bowl, a soft bed) must not lift
/// the voice into the limiter. So the analysis measures the voice and the
/// rest apart (two passes; the voice's is nearly free) and finds the one
/// master gain for the rest that, with the voice as it is, lands the whole
/// at the target. Without narration this is exactly target - loudness.
Calibration calibrateProgram(const Program& program, const EngineConfig& config, double minDb,
                             double maxDb);

}  // namespace stillpoint
