// LiveRequest: what a listener asks for while a session plays, from a key or
// a line of a control script. Plain values; the control thread turns them
// into engine commands (see LiveController).
#pragma once

#include <optional>
#include <string_view>

#include "stillpoint/engine_events.hpp"

namespace stillpoint::cli::live {

enum class LiveAction : unsigned char {
    Pause,
    Resume,
    TogglePause,  ///< space: pause when playing, resume when paused
    Hold,
    Release,
    ToggleHold,  ///< h
    Next,
    Previous,
    Slower,  ///< 0.5 breaths/min slower than the current pace
    Faster,
    SetPace,  ///< to `value` breaths/min
    Grounding,
    SelectLayer,  ///< keys 1-6: which layer the arrows change
    LayerUp,      ///< the selected layer +3 dB
    LayerDown,
    SetLayerGain,  ///< `layer` to `value` dB
    Stop,
    Continue,     ///< Enter or c: a checkin waiting for the listener goes on
    SetPattern,   ///< `value`: SetPattern's index (0: the session's own patterns)
    NextPattern,  ///< b: the next built-in pattern, after the last the session's own
};

struct LiveRequest {
    LiveAction action = LiveAction::Pause;
    LayerId layer = LayerId::Tone;
    double value = 0.0;
};

/// Layers are named as layer_vocabulary.hpp names them.
/// Pattern names as scripts write them: "session", then the built-in presets;
/// the index is SetPattern's.
std::optional<int> patternFromName(std::string_view name);

}  // namespace stillpoint::cli::live
