// Commands into the engine and events out of it: small, trivially copyable
// values that cross threads through fixed-capacity queues.
#pragma once

#include <cstdint>

#include "stillpoint/breath_pattern.hpp"

namespace stillpoint {

enum class CommandType : unsigned char {
    SetPace,       ///< glide the breath to `value` breaths per minute
    SetLayerGain,  ///< layer `index` (LayerId) to `value` dB, smoothed
    Stop,          ///< fade out over 2.5 s and finish
};

struct Command {
    CommandType type = CommandType::Pause;
    int index = 0;
    double value = 0.0;
};

enum class EventType : unsigned char {
    SessionStarted,
    SectionStarted,  ///< index = section
    StepStarted,     ///< index = step
    PhaseChanged,    ///< index = BreathPhase, value = cycle
    BellStruck,      ///< index = BellKind
    Finished,
};

struct Event {
    EventType type = EventType::SessionStarted;
    std::int64_t sample = 0;  ///< position in the output where it happens
    int index = 0;
    double value = 0.0;
};

/// Mixer layers, for SetLayerGain.
enum class LayerId : unsigned char { Tone, Bed, Bells, Voice, Binaural, Isochronic, Count };

}  // namespace stillpoint
