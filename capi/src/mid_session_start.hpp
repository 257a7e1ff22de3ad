// MidSessionStart: an engine for a saved mid-session position (sp_set_state),
// made without keeping the caller waiting. Its SessionPreparation narrates
// the lines in hearing order on its worker; as soon as a version's lines
// reach past the position and the gains are known (canStartFrom, the rule
// the plugin's player follows too), that worker builds an engine there and
// offers it; newer versions and gains feed it from then on. When the lines
// fail, it is built from what was made (it waits at the first unmade line).
//
// waitExact() (sp_wait_for_preparation) waits for every line; an engine not
// yet taken by the audio thread is then rebuilt exact: the whole narrated
// program at the render's gains, as a restore that waited for the lines.
//
// Threads: construct, waitExact, preparation() and destroy on control
// threads (waitExact may run while take() does); build and feed on the
// preparation's worker; take() on the audio thread: one atomic exchange,
// wait-free. Every engine is owned and freed here, never by the audio thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>

#include "stillpoint/engine.hpp"
#include "stillpoint/session_preparation.hpp"

namespace stillpoint::capi {

class MidSessionStart {
  public:
    /// Starts the worker. `settings.engine` is the output the engine plays.
    MidSessionStart(const Program& planned, const PreparationSettings& settings,
                    std::int64_t position);
    /// Stops the worker after the line (or the build) it is on, then frees the engines.
    ~MidSessionStart();
    MidSessionStart(const MidSessionStart&) = delete;
    MidSessionStart& operator=(const MidSessionStart&) = delete;

    /// Audio thread: the engine, the first time it is called after the
    /// worker offered it; null before and after. Wait-free.
    Engine* take() noexcept;
    /// Every line made and the loudness measured; an engine the audio thread
    /// has not taken yet is rebuilt exact. Blocks for as long as that takes.
    void waitExact();

    std::int64_t position() const noexcept { return position_; }
    const SessionPreparation& preparation() const noexcept { return *preparation_; }

  private:
    // On the preparation's worker.
    bool onProgram(std::shared_ptr<const Program> version);
    void onGains(const LoudnessGains& gains);
    void onDone(PreparationPhase phase);
    /// Build at the position from `program` at `gains`, and offer it (built_
    /// stays null when that fails for want of memory).
    void buildAndOffer(std::shared_ptr<const Program> program, const LoudnessGains& gains) noexcept;

    EngineConfig config_;
    std::int64_t position_;
    std::atomic<bool> stopping_{false};
    // The worker's own while it runs; control threads read them after waiting for it.
    std::shared_ptr<const Program> latest_;
    std::optional<LoudnessGains> gains_;
    std::unique_ptr<Engine> built_;
    bool exact_ = false;
    std::atomic<Engine*> offer_{nullptr};  ///< built, not yet taken
    /// Declared last: destroyed first, its worker stopped before what it feeds goes.
    std::unique_ptr<SessionPreparation> preparation_;
};

}  // namespace stillpoint::capi
