// Commands into the engine and events out of it: small, trivially copyable
// values that cross threads through fixed-capacity queues.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stillpoint/breath_pattern.hpp"
#include "stillpoint/wait_free_latching_queue.hpp"

namespace stillpoint {

enum class CommandType : unsigned char {
    Pause,        ///< fade out, then stop the session clock (silence)
    Resume,       ///< fade back in from where it paused
    Hold,         ///< stay here: the current breath pattern (or step) repeats until Release
    Release,      ///< end a Hold: the step ends at its next whole breath
    NextSection,  ///< fade out, jump to the next section, fade in
    PrevSection,  ///< fade out, back to this section's start (or the previous one near it), fade in
    Grounding,    ///< fade out, play the session's grounding section, then end
    SetPace,      ///< glide the breath to `value` breaths per minute and keep that pace
                  ///< through later breathe steps; 0 returns to the session's own pace
    SetLayerGain,  ///< layer `index` (LayerId) to `value` dB, smoothed
    Stop,          ///< fade out over 2.5 s and finish
    Continue,      ///< a checkin goes on: its wait ends (at once, or when its prompt has ended)
    SetPattern,    ///< from the next whole breath, breathe breathPresets()[index - 1] (at its
                   ///< own pace, or the chosen one) through later breathe steps too; index 0
                   ///< returns to the session's own patterns
};

struct Command {
    CommandType type = CommandType::Pause;
    int index = 0;
    double value = 0.0;
};

// Grounding and Stop are never lost to a full command queue (CARE.md: a
// Stop or Grounding request is never lost). Stop comes last when both wait.
struct UrgentCommands {
    static constexpr std::size_t kLatches = 2;
    static int latchOf(const Command& command) noexcept {
        return command.type == CommandType::Grounding ? 0
               : command.type == CommandType::Stop    ? 1
                                                      : -1;
    }
    static Command latched(std::size_t kind) noexcept {
        return {kind == 0 ? CommandType::Grounding : CommandType::Stop, 0, 0.0};
    }
};

/// The queue commands travel in towards the audio thread: one producer, one
/// consumer, wait-free; full, it refuses all but a Stop or a Grounding.
using CommandQueue = rt::WaitFreeLatchingQueue<Command, 256, UrgentCommands>;

enum class EventType : unsigned char {
    SessionStarted,
    SectionStarted,  ///< index = section
    StepStarted,     ///< index = step
    PhaseChanged,    ///< index = BreathPhase, value = cycle
    BellStruck,      ///< index = BellKind
    Paused,          ///< faded out; the session clock has stopped
    Resumed,         ///< the clock runs again (fading in)
    Finished,
    HapticTap,   ///< a haptic tap starts (track on): index = HapticTapCause, value = peak 0..1
    LineSpoken,  ///< a narration line starts: index = step, value = line within the step
    WaitingForContinue,  ///< a checkin's prompt has ended and it waits for Continue: index = step
};

/// Why a haptic tap sounds.
enum class HapticTapCause : unsigned char { PhaseChange, Bell };

struct Event {
    EventType type = EventType::SessionStarted;
    std::int64_t sample = 0;         ///< output sample where it is heard (pauses included)
    std::int64_t sessionSample = 0;  ///< position on the session's own clock (pauses excluded)
    int index = 0;
    double value = 0.0;
};

/// Mixer layers, for SetLayerGain.
enum class LayerId : unsigned char { Tone, Bed, Bells, Voice, Binaural, Isochronic, Count };

}  // namespace stillpoint
