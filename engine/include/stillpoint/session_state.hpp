// SessionState: where the session is, as the engine itself knows it. The
// engine publishes one after every process() block; every front end (the
// command line's status line, the C API's sp_get_status, the plugin, the
// app, the OSC remote) reads this one snapshot instead of working it out
// from events on its own.
//
// Threads: Engine::state() may be called from any thread, as often as
// wished. Publishing is wait-free for the audio thread (it never waits for a
// reader); a reader gets the last complete snapshot, never a torn one. The
// struct is trivially copyable and holds no pointers or strings that need
// freeing: the section's name is a fixed-size copy, the spoken line's words
// are reached through the Program (lineCaption) by step and line index.
//
// Clocks. outputSample counts every sample the listener has heard (pauses
// included): it is Engine::position(). Every other position is on the
// session clock, which stops while paused; sessionSample is where the engine
// plans now, Engine::lookAheadFrames() ahead of what is heard while playing.
//
// Remaining time (remainingFrames) is worked out from the plan as it
// stands, never from the played time: the engine runs its own sequencer
// ahead, silently, from where it is, with the commands taken so far and none
// after (Sequencer::project). So it is exact, to the sample, after next,
// previous, grounding (the grounding section's own length and the fade-out),
// a pace change (the glide and the slower or faster breaths), a pattern
// change (from the next whole breath), a Continue at a check-in, pause and
// resume (the session clock stands while paused, so does remaining), Stop
// (its fade). The rules where the listener decides:
//   - holding: remainingAtLeast is set and remainingFrames is what would be
//     left if Release came now (a breathe step ends on its next whole breath);
//     it grows while the hold lasts;
//   - a check-in waiting for Continue (live play): the same, as if Continue
//     came now;
//   - a check-in still ahead, live: it is counted up to the end of its prompt
//     (the wait is the listener's) and remainingAtLeast is set. In a render
//     (no waiting) its written `wait` is counted and the figure is exact.
// remainingFrames includes the final fade-out; 0 once finished.
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>

#include "stillpoint/session_heart.hpp"

namespace stillpoint {

struct Program;

inline constexpr int kSessionStateNameBytes = 64;  ///< section name, NUL-terminated, cut to fit

struct SessionState {
    /// Snapshots published: 1 by prepare() or seek(), then one more per block;
    /// 0 before prepare().
    std::uint64_t generation = 0;
    double sampleRate = 0.0;  ///< of every position below

    std::int64_t outputSample = 0;   ///< heard so far, pauses included (Engine::position())
    std::int64_t sessionSample = 0;  ///< the session clock (pauses excluded)

    // Where in the plan.
    int section = -1;  ///< index into Program::sections; -1 before the start
    char sectionName[kSessionStateNameBytes] = {};
    std::int64_t sectionStart = 0;   ///< session clock where this section began
    std::int64_t sectionLength = 0;  ///< to where it ends as the plan stands
    int step = -1;                   ///< index into Program::steps; -1 before the start

    // Time left (see the rules above).
    std::int64_t remainingFrames = 0;  ///< from sessionSample to the end, fade-out included
    std::int64_t endSample = 0;        ///< session clock where the session ends as planned now
    bool remainingAtLeast = false;     ///< a hold or a check-in makes it a lower bound

    // The line being spoken; lineIndex -1 when none sounds.
    int lineStep = -1;
    int lineIndex = -1;          ///< within Program::narration->steps[lineStep]
    std::int64_t lineStart = 0;  ///< session clock
    std::int64_t lineEnd = 0;    ///< session clock (planned end of its sound)

    bool started = false;             ///< the first block has been rendered
    bool waitingForContinue = false;  ///< a check-in's prompt is said; it waits for Continue
    bool groundingActive = false;     ///< the grounding section plays (or is being faded to)
    bool paused = false;              ///< pausing or paused (the clock stops once faded)
    bool holding = false;
    bool finished = false;

    // Breath.
    double paceBpm = 0.0;   ///< breaths per minute now; 0 outside breathe steps
    int breathPhase = -1;   ///< BreathPhase now; -1 outside breathe steps
    int patternChoice = 0;  ///< SetPattern's choice: 0 the session's own, else 1 + preset index
    int patternIndex = -1;  ///< pattern breathed now: Program::patterns index, or -1 (a preset)

    // Preparation (Engine::setPreparationProgress).
    int linesReady = 0;
    int linesTotal = 0;
    bool preparing = false;  ///< linesReady < linesTotal
    /// The session stands at a speaking step whose lines are not made yet
    /// (the bed going on); it begins the step when they arrive.
    bool waitingForNarration = false;

    /// The listener's heart, from the thread that analyses it
    /// (Engine::setHeart): not of any block, the figures as they were last
    /// given when this state was read. `connected` false without a heart stream.
    SessionHeart heart;
};

static_assert(std::is_trivially_copyable_v<SessionState>);

/// Seconds a session-clock length lasts at the state's rate.
inline double stateSeconds(const SessionState& state, std::int64_t frames) {
    return state.sampleRate > 0.0 ? static_cast<double>(frames) / state.sampleRate : 0.0;
}

/// The words of the line `state` says is being spoken (markup removed);
/// empty when none sounds or `program` is not the one playing.
std::string_view lineCaption(const Program& program, const SessionState& state) noexcept;
/// The words of line `line` of step `step`; empty when there is none.
std::string_view lineCaption(const Program& program, int step, int line) noexcept;

}  // namespace stillpoint
