// Lines anchored to the breath: where each line of a breathe step starts and
// how many whole breaths the step then runs.
//
// The rule, which the sequencer follows live and this lays out ahead: line i
// starts at the first onset of its phase (`at:`) at or after the end of line
// i - 1 (the step's own start counts as an inhale onset); the step ends on the
// first whole breath, at least its written cycles, after its last line has
// ended. Same pacer, same rounding: the plan and the playback agree to the
// sample. Control thread; allocates.
#pragma once

#include <cstdint>
#include <vector>

#include "stillpoint/breath_pattern.hpp"
#include "stillpoint/pace_law.hpp"

namespace stillpoint::detail {

struct AnchoredLineLayout {
    int cycles = 0;                    ///< whole breaths the step runs
    std::vector<std::int64_t> onsets;  ///< each line's start, frames from the step's start
};

/// `lineFrames[i]`: line i's length at `sampleRate`; `anchors[i]`: its phase.
/// A pattern without one of the anchors' phases gets no onsets for the rest.
AnchoredLineLayout anchoredLineLayout(const BreathPattern& pattern, double sampleRate,
                                      const PaceLaw& law, int writtenCycles,
                                      const std::vector<BreathPhase>& anchors,
                                      const std::vector<std::int64_t>& lineFrames);

}  // namespace stillpoint::detail
