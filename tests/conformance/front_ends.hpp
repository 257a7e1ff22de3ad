// One adapter per front end: each plays scenario.yaml from its start at
// 48 kHz and performs the scenario's actions the way that front end's user
// (or its embedder) would, returning the events it reports and, where the
// front end reports a state of its own, that state at the snapshot moments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scenario.hpp"

namespace stillpoint::conformance {

struct FrontEndRun {
    EventTrace events;
    /// The front end's own state at snapshotSeconds() (empty: it reports none).
    std::vector<Snapshot> snapshots;
    /// The engine's figures it reports there (empty: none).
    std::vector<Figures> figures;
    /// Over OSC: the seconds left as /stillpoint/state says (a float).
    std::vector<double> remainingSeconds;
    int groundingSection = -1;
    std::string problem;  ///< why it could not run ("" when it ran)
};

/// A run that could not happen, and why.
inline FrontEndRun failedRun(std::string why) {
    FrontEndRun run;
    run.problem = std::move(why);
    return run;
}

/// The C API (stillpoint.h): sp_command before the block that starts at
/// each action's sample (blocks split there), SP_PARAM_WAIT_AT_CHECKINS 1;
/// sp_get_status at the snapshots.
FrontEndRun runCapi(const std::vector<TimedAction>& actions);

/// The plugin's player (SessionPlayer, what StillpointProcessor drives) on a
/// rolling realtime host timeline: engine commands pushed at block starts;
/// its playing engine's SessionState at the snapshots.
FrontEndRun runPluginPlayer(const std::vector<TimedAction>& actions);

/// The therapist app: AppPlayer's controls between device callbacks
/// (ProcessorHost::render, the processor, the player), events from the
/// processor, its PlayerState at the snapshots. `overOsc`: the controls go
/// as OSC packets to the app's remote on a local socket instead, and the
/// snapshots are read from the /stillpoint/state and /stillpoint/progress
/// messages it publishes.
FrontEndRun runApp(const std::vector<TimedAction>& actions, bool overOsc);

/// `stillpoint play --control FILE --events FILE` under a private JACK
/// server (dummy backend, `buffer` frames). The log's own command lines say
/// at which output sample each action was queued: `commandsAt` gets them.
FrontEndRun runCli(int buffer, std::vector<TimedAction>& commandsAt);

/// The web build: scenario.yaml compiled by `stillpoint compile --clips
/// pcm`, played under Node by web/test/conformance_driver.mjs with the
/// WebAssembly engine as the worklet plays it (128-frame quanta split at the
/// actions' samples, waiting at check-ins); its session state at the snapshots.
FrontEndRun runWeb(const std::vector<TimedAction>& actions);
/// What the web leg lacks on this machine (Node, the built dist) and how to
/// get it; "" when it can run.
std::string webLegUnavailable();

/// The engine event an sp_event_type value reports (stillpoint.h; the web
/// build's events carry the same numbers).
std::optional<EventType> eventOfCType(int type);

}  // namespace stillpoint::conformance
