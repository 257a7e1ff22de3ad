// ProcessorControl and ControlQueue: the moments a front end asks of the
// processor that a plugin parameter cannot say (pause now, the next section,
// grounding, a faded stop), in the order they were asked. Parameters hold
// the values a host automates (pace, hold, layer trims, haptics on/off); a
// listener's profile is set with StillpointProcessor::setListenerOptions.
//
// ControlQueue is the engine's wait-free SPSC queue: tryPush() on the message
// thread, tryPop() at the top of processBlock; a full queue refuses the push.
#pragma once

#include "stillpoint/wait_free_spsc_queue.hpp"

namespace stillpoint::plugin {

enum class ControlType : unsigned char {
    Play,         ///< the free-running timeline runs; resumes a pause; after the end, from the top
    Pause,        ///< the engine fades out and its clock stops
    Cue,          ///< back to the session's start, silent, waiting for Play
    NextSection,  ///< fade out, the next section, fade in
    PreviousSection,  ///< this section's start (or the one before, near its start)
    Grounding,        ///< fade to the session's grounding section, then end
    Stop,             ///< fade out over 2.5 s and finish
};

struct ProcessorControl {
    ControlType type = ControlType::Play;
};

/// Message thread pushes (one producer), the top of processBlock pops.
using ControlQueue = rt::WaitFreeSpscQueue<ProcessorControl, 64>;

}  // namespace stillpoint::plugin
