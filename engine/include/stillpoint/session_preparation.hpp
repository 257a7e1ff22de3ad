// SessionPreparation: narrates a planned session's lines and measures its
// loudness on a worker thread, so a front end can start playing at once.
//
// Lines are made in the order they will be heard: the flow's steps in order,
// the grounding section's last. After each step's lines the worker hands a
// newer version of the program (those lines attached, the steps not yet
// reached retimed to their real audio) to `onProgram`, which gives it to
// Engine::updateProgram; an engine that reaches a step whose lines are not
// there yet waits at it, the bed going on, and counts the wait.
//
// Loudness, three times, each to `onGains` (Engine::setLoudnessGains; while
// the session sounds the gains glide, at most kLoudnessGlideDbPerSecond):
//  1. at once, from the plan's first 90 s with stand-ins for its lines
//     (prepare/opening_calibration: bounded, ~0.3 s whatever the length);
//  2. after the first speaking step's lines, from the whole plan with
//     stand-ins (within about 1 dB of the render's gains);
//  3. once every line is made, from the whole narrated session, exactly as a
//     render calibrates it: live play ends at the render's level.
//
// A failure (an unknown voice, a broken voice pack, a synthesis error) stops
// the worker and is reported: progress() says Failed and report() names the
// cause. Threads: construct, start, progress, report and wait from any one
// control thread; the listeners run on the worker.
//
// An engine that starts mid-session (a restored state, a relocation) need
// not wait for every line: canStartFrom() says when a version reaches far
// enough. The plugin's player and the C API both follow it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

#include "stillpoint/engine.hpp"
#include "stillpoint/narration.hpp"

namespace stillpoint {

enum class PreparationPhase : unsigned char {
    Narrating,    ///< making lines
    Calibrating,  ///< every line made; measuring the whole session's loudness
    Ready,        ///< done: the last version and the final gains are handed over
    Failed,       ///< stopped; report() says why
};

struct PreparationProgress {
    int linesReady = 0;  ///< made so far, in hearing order
    int linesTotal = 0;
    PreparationPhase phase = PreparationPhase::Narrating;
};

struct PreparationSettings {
    NarrationSettings narration;
    /// The output the engine plays at: rate, channels, target loudness, ceiling.
    EngineConfig engine;
    /// How much of the session's start the opening gains are measured on.
    double openingSeconds = 90.0;
};

/// The gains a calibration chose (Engine::setLoudnessGains takes them).
struct LoudnessGains {
    double masterGainDb = 0.0;
    double voiceTrimDb = 0.0;
};

class SessionPreparation {
  public:
    /// Each newer program version; true when the engine took it (false: it
    /// is offered again, or a newer one, later).
    using ProgramListener = std::function<bool(std::shared_ptr<const Program>)>;
    using GainsListener = std::function<void(const LoudnessGains&)>;
    /// The worker's last act: it is Ready or Failed (also when stopped).
    using DoneListener = std::function<void(PreparationPhase)>;

    /// Nothing runs until start(). `planned` has no narration yet.
    SessionPreparation(const Program& planned, PreparationSettings settings);
    /// Stops the worker after the line it is making, and waits for it.
    ~SessionPreparation();
    SessionPreparation(const SessionPreparation&) = delete;
    SessionPreparation& operator=(const SessionPreparation&) = delete;

    /// The program as planned with every speaking step pending: load it
    /// into an engine and prepare it (calibrateLoudness false) before start().
    std::shared_ptr<const Program> initialProgram() const { return initial_; }
    /// Start the worker. Call once. It checks the voices and the voice pack
    /// first (Failed at once when they are wrong), then gives the opening
    /// gains to `onGains` (an engine with holdForLoudnessGains starts on them).
    void start(ProgramListener onProgram, GainsListener onGains, DoneListener onDone = {});
    /// start() with the listeners a playing engine needs: each version to
    /// Engine::updateProgram, the gains to Engine::setLoudnessGains, and the
    /// progress to Engine::setPreparationProgress (so the engine's
    /// SessionState carries it). `engine` must outlive the worker.
    void startFeeding(Engine& engine);

    PreparationProgress progress() const noexcept;
    /// Block until the worker is done (Ready or Failed).
    void wait();
    /// Stop the worker after the line it is making (Failed, unless it was
    /// done) and wait for it. Its listeners may still use the owner's
    /// members until this returns: call it before they go.
    void stop();
    /// Once done: ok, or the error naming what failed, and the counts.
    const NarrationReport& report() const { return report_; }
    /// Once Ready: the whole narrated program (what narrateProgram makes).
    std::shared_ptr<const Program> finalProgram() const { return final_; }
    /// Once Ready: the whole session's gains, as a render calibrates them.
    LoudnessGains finalGains() const { return finalGains_; }

    /// Tests: runs on the worker before each step's lines are made (e.g. a
    /// slow synthesiser). Set before start().
    void setBeforeStepHook(std::function<void(int step)> hook) { beforeStep_ = std::move(hook); }

  private:
    void run();
    void finish(PreparationPhase phase);

    std::shared_ptr<Program> work_;
    std::shared_ptr<Narration> spoken_;  // shared by every version; filled step by step
    PreparationSettings settings_;
    std::shared_ptr<const Program> initial_;
    ProgramListener onProgram_;
    GainsListener onGains_;
    DoneListener onDone_;
    std::function<void(int)> beforeStep_;
    NarrationReport report_;
    std::shared_ptr<const Program> final_;
    LoudnessGains finalGains_;
    std::atomic<int> linesReady_{0};
    int linesTotal_ = 0;
    std::atomic<PreparationPhase> phase_{PreparationPhase::Narrating};
    std::atomic<bool> stop_{false};
    struct Worker;
    std::unique_ptr<Worker> worker_;
};

/// Lines must be made a little past where an engine starts: seeking renders
/// the limiter's look-ahead beyond it.
inline constexpr double kStartCoverSeconds = 1.0;

/// Session sample (at `sampleRate`) up to which `version`, a program version
/// SessionPreparation handed over, has every line of the flow; the grounding
/// section's only play after a command. INT64_MAX once all are made.
std::int64_t linesReachTo(const Program& version, double sampleRate);

/// Whether an engine starting at session sample `at` can be built from
/// `version` now, with loudness gains known (`gainsKnown`) or not: at the
/// start always (an engine holding for its gains waits for them in silence);
/// further on once the gains are known and the version's lines reach
/// kStartCoverSeconds past `at`.
bool canStartFrom(const Program& version, bool gainsKnown, std::int64_t at, double sampleRate);

}  // namespace stillpoint
