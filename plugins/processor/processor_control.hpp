// ProcessorControl and ControlQueue: the moments a front end asks of the
// processor that a plugin parameter cannot say (pause now, the next section,
// grounding, a faded stop, a check-in's Continue, a pace that follows the
// heart in steps finer than the Pace parameter's), in the order they were asked. Parameters hold
// the values a host automates (pace, hold, layer trims, haptics on/off); a
// listener's profile is set with StillpointProcessor::setListenerOptions.
//
// ControlQueue is the engine's wait-free latching queue: tryPush() on the
// message thread, tryPop() at the top of processBlock; a full queue refuses a
// push, except Grounding and Stop, which are never lost (they latch and come
// out after the controls asked before them).
#pragma once

#include <cstddef>

#include "stillpoint/wait_free_latching_queue.hpp"

namespace stillpoint::plugin {

enum class ControlType : unsigned char {
    Play,         ///< the free-running timeline runs; resumes a pause; after the end, from the top
    Pause,        ///< the engine fades out and its clock stops
    Cue,          ///< back to the session's start, silent, waiting for Play
    NextSection,  ///< fade out, the next section, fade in
    PreviousSection,  ///< this section's start (or the one before, near its start)
    Grounding,        ///< fade to the session's grounding section, then end
    Stop,             ///< fade out over 2.5 s and finish
    Continue,         ///< a check-in waiting for the listener goes on
    /// The breath's pace set from outside the parameters (heart-paced
    /// breathing): `value` breaths/min, the engine glides to it; 0 hands it
    /// back to the session. The Pace parameter's next change overrides it.
    FollowPace,
};

struct ProcessorControl {
    ControlType type = ControlType::Play;
    double value = 0.0;  ///< FollowPace: breaths/min
};

/// Grounding and Stop are never refused; Stop comes last when both wait.
struct UrgentControls {
    static constexpr std::size_t kLatches = 2;
    static int latchOf(const ProcessorControl& control) noexcept {
        return control.type == ControlType::Grounding ? 0
               : control.type == ControlType::Stop    ? 1
                                                      : -1;
    }
    static ProcessorControl latched(std::size_t kind) noexcept {
        return {kind == 0 ? ControlType::Grounding : ControlType::Stop};
    }
};

/// Message thread pushes (one producer), the top of processBlock pops.
using ControlQueue = rt::WaitFreeLatchingQueue<ProcessorControl, 64, UrgentControls>;

}  // namespace stillpoint::plugin
