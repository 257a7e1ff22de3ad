// ControlState: what a front end's controls (ProcessorControl) have set,
// kept by the audio thread across engine swaps, and applyControl(), which
// turns one control into that state and the engine command it needs.
//
// The free-running timeline is where the session plays when the host gives
// no timeline (the Standalone, the therapist app): it runs at once unless a
// Cue holds it at the start until Play. A Cue also waits for the engine built
// for the start before the timeline moves: started earlier, the player would
// aim ahead of a late engine and the session's first moments would be lost.
//
// Audio thread only.
#pragma once

#include <cstdint>
#include <optional>

#include "processor/processor_control.hpp"
#include "stillpoint/engine_events.hpp"

namespace stillpoint::plugin {

struct ControlState {
    std::int64_t timeline = 0;   ///< host sample of the next block on the free timeline
    bool timelineRuns = true;    ///< the Standalone plays at once; a Cue waits for Play
    bool waitsForStart = false;  ///< cued: at 0 until the engine for 0 has taken over
    bool cued = false;           ///< a Cue since the processor last looked (it resets its display)
    bool pauseAsked = false;     ///< a Pause went to the engine and no Play since
};

/// Apply `control` to `state`; the engine command it asks for, if any.
/// `finished`: the session has played to its end (Play starts it again).
std::optional<Command> applyControl(const ProcessorControl& control, ControlState& state,
                                    bool finished) noexcept;

}  // namespace stillpoint::plugin
