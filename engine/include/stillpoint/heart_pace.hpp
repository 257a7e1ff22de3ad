// HeartPaceFollower: steers the breath of `pace: resonance` steps from a live
// heart stream, within the safety limits; hands the pace back when the stream
// is lost.
//
// How it steers: at resonance, heart rate rises and falls in step with the
// breath (phase 0, resonance.hpp). Every kFollowStepSeconds it measures heart
// rate's phase to the breath over the last 64 s (HeartMonitor::phaseToBreath,
// the lungs full taken from the engine's PhaseChanged events): leading means
// the breath is slower than the heart's resonance, so the pace rises a
// little; lagging, it falls. Each step is at most kFollowStepBpm, so
// the pace never changes by more than 0.5 breaths/min in any minute.
//
// Safety (CARE.md): a pace set from heart data stays in 4.5-7/min, changes at
// most kMaxPaceChangePerMinute per minute, and only through SetPace (the
// engine glides it over 8 s): the follower never adds a hold. When the stream
// is lost (HeartState::live false) it walks the pace back to the step's own
// at the same rate, then returns it to the session (SetPace 0), and says so.
// A weak rhythm (coherence below kFollowMinimumCoherence) holds the pace.
//
// Threads: one control thread (where the engine's events are read); the same
// thread that calls HeartMonitor::update. No allocation after construction.
#pragma once

#include <memory>
#include <optional>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/resonance.hpp"
#include "stillpoint/session_state.hpp"

namespace stillpoint::heart {

inline constexpr double kMaxPaceChangePerMinute = 0.5;
inline constexpr double kFollowStepSeconds = 6.0;
inline constexpr double kFollowStepBpm = kMaxPaceChangePerMinute * kFollowStepSeconds / 60.0;
inline constexpr double kFollowMinimumCoherence = 0.2;

/// What changed in the following, for a note to the listener or therapist.
enum class FollowNote : unsigned char {
    None,
    Following,    ///< a resonance step began with a live stream: the pace follows the heart
    StreamLost,   ///< no beats: the pace glides back to the step's own
    StreamFound,  ///< beats again: following resumes
    HandedBack,   ///< the pace is the session's own again
};

/// The note's name in event logs ("Following", "StreamLost", ...); "" for None.
const char* followNoteName(FollowNote note) noexcept;

struct FollowUpdate {
    std::optional<Command> command;  ///< to push to the engine
    FollowNote note = FollowNote::None;
    double paceBpm = 0.0;  ///< the pace the breath is heading to
};

/// For a follower that begins mid-way (a heart attached while a session
/// plays): the events that tell it where `state` stands, the step playing and
/// its breath phase as if they had just begun, each handed to `hear`.
template <class Hear>
void eventsWhereItStands(const SessionState& state, Hear&& hear) noexcept {
    Event event;
    event.sample = state.outputSample;
    event.sessionSample = state.sessionSample;
    if (state.step >= 0) {
        event.type = EventType::StepStarted;
        event.index = state.step;
        hear(event);
    }
    if (state.breathPhase >= 0) {
        event.type = EventType::PhaseChanged;
        event.index = state.breathPhase;
        hear(event);
    }
}

class HeartPaceFollower {
  public:
    /// `program` as the engine plays it; `sampleRate` the engine's.
    HeartPaceFollower(std::shared_ptr<const Program> program, double sampleRate);

    /// Every event the engine produced, in order.
    void onEvent(const Event& event) noexcept;
    /// At `nowSeconds` on the engine's output clock (sample / rate), after
    /// `heart.update(nowSeconds)`.
    FollowUpdate tick(double nowSeconds, HeartMonitor& heart) noexcept;

    /// The pace the follower has set, or 0 when the session's own is playing.
    double followedBpm() const noexcept { return steering_ ? pace_ : 0.0; }

  private:
    FollowUpdate handBackStep(double nowSeconds) noexcept;
    std::shared_ptr<const Program> program_;
    double rate_;
    bool resonanceStep_ = false;
    double ownBpm_ = 0.0;    // the step's planned pace
    double pace_ = 0.0;      // what the follower last set
    bool steering_ = false;  // a SetPace of ours is in force
    bool wasLive_ = false;
    bool announced_ = false;
    double lastStepSeconds_ = -1e9;
    double lungsFullSeconds_ = -1.0;
    bool inInhale_ = false;
};

}  // namespace stillpoint::heart
