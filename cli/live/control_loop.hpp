// The control loop of a live session: every few milliseconds it takes keys,
// due script lines and stop signals, sends commands, drains the engine's
// events, watches the device (reopening it with a larger buffer when it
// underruns again and again), and redraws the status line ~10 times a second.
//
// Threads: the control thread (the one that started the stream). It is the
// engine's only command producer and only event consumer.
#pragma once

#include <optional>
#include <string>

#include "audio_output.hpp"
#include "control_script.hpp"
#include "event_log.hpp"
#include "heart_input.hpp"
#include "live_controller.hpp"
#include "stillpoint/session_preparation.hpp"

namespace stillpoint::cli::live {

enum class LoopEnd : unsigned char {
    Finished,           ///< the session ended
    Stopped,            ///< stop asked (q, script, signal) and its fade is done
    DeviceLost,         ///< the stream stopped by itself or went silent
    PreparationFailed,  ///< a line could not be made (LoopResult::lostReason says why)
};

/// For tests of the underrun handling: at `atSeconds` of output, the
/// callback reports `count` underflows (STILLPOINT_SIMULATE_UNDERRUNS=AT:COUNT).
struct SimulatedUnderruns {
    double atSeconds = 0.0;
    int count = 0;
};

struct LoopParts {
    Engine& engine;
    AudioOutput& output;
    OpenedOutput& opened;  ///< updated when underruns make the loop reopen it
    LiveController& controller;
    ControlScriptReader* script;  ///< null without --control
    EventLog& events;
    double sampleRate = 48000.0;
    std::optional<SimulatedUnderruns> simulated;
    HeartInput* heart = nullptr;  ///< null without --heart
    /// The session's lines being made while it plays: progress on the status
    /// line, a failure ends the loop. Null: nothing is being prepared.
    const SessionPreparation* preparation = nullptr;
};

struct LoopResult {
    LoopEnd end = LoopEnd::Finished;
    std::string lostReason;
};

LoopResult runControlLoop(LoopParts& parts, std::ostream& err);

}  // namespace stillpoint::cli::live
