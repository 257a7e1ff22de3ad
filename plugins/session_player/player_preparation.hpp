// PlayerPreparation: one session's voice and loudness for SessionPlayer, at
// one rate. A SessionPreparation (stillpoint/session_preparation.hpp) makes
// the lines on its own worker in hearing order while the session already
// plays; every engine the player builds for the session is fed from here:
//
//  - before the preparation is settled, an engine is built from the latest
//    program version (at the session's start, or where that version's lines
//    already reach) and attached: each newer version and each refined gain
//    reaches it as it comes (Engine::updateProgram, setLoudnessGains), and
//    it waits at a step whose lines are not made yet;
//  - once settled, an engine is built exact: the whole narrated program at
//    the gains a render calibrates, so it sounds as `stillpoint render`.
//
// A failure never leaves a session silently without its voice: it is
// problem()'s text, and the session is settled on a fallback that plays on
// (the lines made so far, the rest silent for their planned length) at gains
// measured on that program, fed to the engines that play.
//
// Threads: construct, settleIfDone(), startAt(), attach() and detach() on the
// player's worker (or control) thread; the feeding runs on the preparation's
// worker. All of them, and the readers (latest, progress, problem), take
// feedMutex_, never held for long and never by the audio thread. settled()
// is one atomic load.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "stillpoint/engine.hpp"
#include "stillpoint/session_preparation.hpp"

namespace stillpoint::plugin {

class PlayerPreparation {
  public:
    /// What an engine is built from.
    struct Source {
        std::shared_ptr<const Program> program;
        std::optional<LoudnessGains> gains;  ///< none yet: the engine holds silence for them
        bool exact = false;                  ///< the settled program and gains
    };

    /// Starts the worker at once. `engine` is the output the engines play
    /// (rate, channels, haptics): the loudness is measured for it.
    PlayerPreparation(std::shared_ptr<const Program> planned, const EngineConfig& engine);
    /// Stops the worker after the line it is making, and waits for it.
    ~PlayerPreparation();
    PlayerPreparation(const PlayerPreparation&) = delete;
    PlayerPreparation& operator=(const PlayerPreparation&) = delete;

    const std::shared_ptr<const Program>& planned() const noexcept { return planned_; }
    double sampleRate() const noexcept { return config_.sampleRate; }

    /// What an engine starting at session sample `at` can be built from now:
    /// the settled program; else (unless `exactOnly`) the latest version when
    /// canStartFrom (session_preparation.hpp) says an engine can start there
    /// from it. Nothing when the engine has to wait.
    std::optional<Source> sourceAt(std::int64_t at, bool exactOnly) const;
    /// Feed `engine`, built from `loaded`, every newer version and gain from now on.
    void attach(Engine& engine, const Program* loaded);
    /// Stop feeding `engine` (before it is destroyed).
    void detach(Engine& engine);

    /// Once the worker is done, settle: the final program and gains, or on a
    /// failure the fallback (which measures its loudness: may take a while).
    /// True when settled. Call again until it is; cheap when not done.
    bool settleIfDone();
    bool settled() const noexcept { return settled_.load(std::memory_order_acquire); }

    /// The newest program version (the settled one once settled).
    std::shared_ptr<const Program> latest() const;
    PreparationProgress progress() const;
    /// Why the voice is missing or partly synthesised; empty when all is well
    /// (and before the preparation has settled, unless it failed).
    std::string problem() const;

  private:
    void offer(std::shared_ptr<const Program> version);
    void give(const LoudnessGains& gains);
    /// Under feedMutex_: tell every attached engine how far the lines are.
    void tellProgress(const PreparationProgress& progress);
    /// `made` with the rest of its lines silent, and its gains.
    Source fallback(const Program& made) const;

    std::shared_ptr<const Program> planned_;
    EngineConfig config_;
    mutable std::mutex feedMutex_;
    std::vector<Engine*> attached_;
    std::shared_ptr<const Program> latest_;
    std::optional<LoudnessGains> gains_;
    std::shared_ptr<const Program> final_;
    LoudnessGains finalGains_;
    std::string problem_;
    std::atomic<bool> settled_{false};
    /// Declared last: destroyed first, its worker stopped before what it feeds goes.
    std::unique_ptr<SessionPreparation> preparation_;
};

}  // namespace stillpoint::plugin
