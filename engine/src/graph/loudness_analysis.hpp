// Loudness analysis of a whole program, for the engine's calibration.
//
// Renders the program once through the same sequencer and graph the engine
// plays (no limiter, unity master gain) and measures its integrated loudness
// (EBU R128, libebur128). The engine then sets one constant master gain so
// every session lands at the target loudness, whatever its layers and
// volumes. Not real-time: run it in prepare.
#pragma once

#include "graph/sequencer.hpp"
#include "stillpoint/engine.hpp"

namespace stillpoint {

/// Integrated loudness in LUFS of `program` as rendered with `config`
/// (channels, rate), before limiting. -inf when the program is silent.
double measureProgramLoudness(const Program& program, const EngineConfig& config,
                              const SequencerTiming& timing = {});

}  // namespace stillpoint
