// PlaybackDisplay: what the audio thread last saw of the session, for the
// editor to draw. Single values written by the audio thread after each
// block and read by the message thread; each is atomic on its own, which is
// all a drawing needs.
#pragma once

#include <atomic>
#include <cstdint>

#include "stillpoint/seqlock_value.hpp"
#include "stillpoint/session_state.hpp"

namespace stillpoint::plugin {

struct PlaybackDisplay {
    /// Host sample the session is at; on the free-running timeline (no host
    /// timeline), the place in the planned session: it stops while paused and
    /// follows jumps to each section's and step's planned start.
    std::atomic<std::int64_t> position{0};
    std::atomic<double> sampleRate{48000.0};
    std::atomic<int> section{-1};
    std::atomic<int> step{-1};
    std::atomic<int> phase{-1};               ///< BreathPhase, -1 before the first breath
    std::atomic<std::int64_t> phaseStart{0};  ///< session sample the phase began at
    std::atomic<double> paceBpm{0.0};         ///< the pace the plugin asked for, 0: the session's
    std::atomic<int> pattern{
        0};  ///< the breathPresets() entry breathed (1 + index), 0: the session's
    std::atomic<bool> playing{false};  ///< the host plays, or the free timeline runs
    std::atomic<bool> paused{false};   ///< the engine faded out on a Pause and waits
    std::atomic<bool> relocating{false};
    std::atomic<bool> finished{false};
    /// The playing engine's SessionState after each block (its indices point
    /// into StillpointProcessor::narratedProgram()): where the session is,
    /// time left by the plan, the line spoken, waiting, grounding, pace.
    /// Written by the audio thread, read whole (never torn) by any thread.
    rt::SeqlockValue<SessionState> session;
};

}  // namespace stillpoint::plugin
