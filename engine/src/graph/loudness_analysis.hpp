// Loudness analysis of a whole program, for the engine's calibration.
//
// Renders the program through the same sequencer and graph the engine plays
// (no limiter, unity master gain), the voice and the rest apart, and measures
// their loudness (EBU R128). The engine then sets one constant gain on the
// voice and one on everything else so every session lands at the target
// loudness, whatever its layers and volumes, with the voice clear.
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

/// While a line is spoken, everything else stays at least this far under
/// the voice (short-term loudness, 3 s windows inside the line). 10 LU is
/// the usual figure for speech clearly intelligible over a background; the
/// analysis holds half a LU more, for the difference between its 24 kHz
/// analysis and the output's own measurement.
inline constexpr double kSpeechToBackgroundLu = 10.5;

// A calibration never boosts a nearly silent program into something loud,
// nor cuts a loud one to nothing. 36 dB reaches the target from the
// quietest default layer alone (a binaural beat at -24 dB, about -42 LUFS).
inline constexpr double kMaxCalibrationBoostDb = 36.0;
inline constexpr double kMaxCalibrationCutDb = -40.0;

struct Calibration {
    double masterGainDb = 0.0;  ///< on the whole mix: the gain on every non-voice layer
    double voiceTrimDb = 0.0;   ///< on the voice alone, on top of the master gain (>= 0)
    /// The voice over the loudest background while speaking, in LU (+inf: no background).
    double speechToBackgroundLu = 0.0;
};

/// The gains that bring `program` to `config.targetLufs` (within `minDb`..`maxDb`),
/// speech anchored (graph/speech_anchored_balance): the non-voice layers keep
/// the author's volumes among themselves and relative to the voice, except
/// that they come down together (never up) as far as needed to stay
/// kSpeechToBackgroundLu under every spoken line; then the voice and the rest
/// move by one gain to the target. Two passes (voice, rest; the voice's is
/// nearly free); without narration one pass and exactly target - loudness.
Calibration calibrateProgram(const Program& program, const EngineConfig& config, double minDb,
                             double maxDb);

}  // namespace stillpoint
