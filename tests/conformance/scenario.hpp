// The conformance scenario, written once as data: one session
// (scenario.yaml) and one script of a listener's actions at output times,
// which every front end's adapter performs its own way (a control file, C
// API calls, engine commands through the plugin's player, the app's
// controls, OSC packets). What comes back is an EventTrace: the engine's
// events in order with the output sample each is heard at; a Snapshot is
// what the events say the session is at a moment (the state a front end
// must report there).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stillpoint/engine_events.hpp"

namespace stillpoint::conformance {

inline constexpr double kRate = 48000.0;

enum class Action : unsigned char {
    Pause,
    Resume,
    Next,
    Continue,
    Faster,
    Pattern,
    Grounding,
    Stop
};

/// The engine command an action becomes (Faster: SetPace to kFasterBpm).
/// The adapters spell each the way their front end does, from the one
/// command vocabulary (command_vocabulary.hpp) where it has the word.
CommandType commandOf(Action action);
/// The command's value where it takes one (the pace, the pattern's index), else 0.
double commandValueOf(Action action);

struct Step {
    double seconds;  ///< output time since play started (pauses included)
    Action action;
};

/// The listener's actions, in order: play (implicit, at 0), pause, resume,
/// next, a check-in answered with Continue, a pace change, a pattern
/// change, grounding, stop.
const std::vector<Step>& script();
/// The pace `Faster` reaches: the session's 16 breaths a minute, plus the
/// 0.5 every front end's "faster" adds (the plugin's Pace tops out at 20).
inline constexpr double kFasterBpm = 16.5;
/// The built-in pattern `Pattern` chooses: box (SetPattern's index, as
/// `stillpoint presets` lists them from 1), and its name.
inline constexpr int kPatternIndex = 3;
inline constexpr const char* kPatternName = "box";
/// The session's file, and its text.
std::string sessionPath();
std::string sessionText();

/// An action at an exact output sample (front ends that can place it there,
/// or where another front end's log says it landed).
struct TimedAction {
    std::int64_t sample;
    Action action;
};
std::vector<TimedAction> atScriptedSamples();

struct TracedEvent {
    EventType type;
    int index;
    std::int64_t sample;
    bool operator==(const TracedEvent&) const = default;
};
using EventTrace = std::vector<TracedEvent>;

/// Every event the scenario compares: all but HapticTap (a front end with a
/// haptic track reports taps, one without does not).
bool traced(EventType type);
std::string describe(const TracedEvent& event);
std::string describe(const EventTrace& trace);

/// What a front end must say the session is at a moment.
struct Snapshot {
    int section = -1;
    bool paused = false;
    bool waiting = false;
    bool grounding = false;
    bool finished = false;
    bool operator==(const Snapshot&) const = default;
};
/// The moments snapshots are taken (output seconds): paused, waiting at the
/// check-in, playing after Continue, in grounding, finished.
const std::vector<double>& snapshotSeconds();
/// What `trace` says at output sample `sample` (events heard before it).
Snapshot snapshotAt(const EventTrace& trace, std::int64_t sample, int groundingSection);
std::string describe(const Snapshot& snapshot);

/// The engine's own figures at a moment (SessionState, sp_status): which
/// step and line, the time left by the plan as it stands, the section's
/// length, the pace. Front ends that read the state must agree exactly.
struct Figures {
    int step = -1;
    int lineStep = -1, lineIndex = -1;
    std::int64_t remaining = 0;  ///< frames, the final fade-out included
    std::int64_t sectionLength = 0;
    double paceBpm = 0.0;
    bool operator==(const Figures&) const = default;
};
std::string describe(const Figures& figures);

}  // namespace stillpoint::conformance
