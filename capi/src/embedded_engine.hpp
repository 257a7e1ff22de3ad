// EmbeddedEngine: the object behind an sp_engine handle. Around the Engine
// it keeps what the C API promises beyond it: the session text (saved states
// carry it), the device settings (a new load prepares again with them),
// parameter values, the session clock, and the events waiting for
// sp_poll_event. Argument pointers are checked by the C layer before; the
// states and ranges stillpoint.h documents are checked here.
//
// Threads: as stillpoint.h's contract. The control-thread members allocate
// and never run while process(), command() or setParameter() may; they
// build a new Engine aside and swap it in only when nothing can fail any
// more, so a failed call leaves everything as it was. The real-time members
// are noexcept and never allocate, lock or wait.
//
// At a saved mid-session position the engine is built later, off the audio
// thread (MidSessionStart); until then process() writes silence and status()
// says it waits for its lines. Commands and parameters go through commands_
// whichever engine plays, so none made while it waits is lost: the audio
// thread passes them on to the engine it plays, its only producer.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "error_details.hpp"
#include "heart_follow.hpp"
#include "mid_session_start.hpp"
#include "parameters.hpp"
#include "saved_state.hpp"
#include "session_clock.hpp"
#include "session_source.hpp"
#include "status.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/session_preparation.hpp"
#include "stillpoint/stillpoint.h"
#include "stillpoint/wait_free_spsc_queue.hpp"

struct sp_heart;

namespace stillpoint::capi {

class EmbeddedEngine {
  public:
    EmbeddedEngine() = default;
    EmbeddedEngine(const EmbeddedEngine&) = delete;
    EmbeddedEngine& operator=(const EmbeddedEngine&) = delete;
    ~EmbeddedEngine();  ///< lets go of an attached heart's follow

    // Control thread.
    sp_result loadText(std::string text, std::string name);
    sp_result loadFile(const std::string& path);
    sp_result prepare(double sampleRate, int maxBlockFrames, sp_layout layout);
    sp_result getState(std::string& state) const;
    /// Lines made so far and in all; SP_ERROR_NARRATION (error() says why) when one failed.
    sp_result preparation(int& ready, int& total);
    sp_result waitForPreparation();
    sp_result setState(std::string_view state);
    /// The listener's resonance pace for `pace: resonance` steps of the
    /// sessions loaded from now on; 0 none. Outside 4.5..7: INVALID_ARGUMENT.
    sp_result setResonancePace(double bpm);
    const ErrorDetails& error() const noexcept { return error_; }

    // Real-time.
    sp_result process(float* const* outputs, int channels, int frames) noexcept;
    sp_result command(sp_command_type command, double value) noexcept;
    sp_result setParameter(sp_param param, double value) noexcept;
    sp_result getParameter(sp_param param, double& value) const noexcept;
    sp_result pollEvent(sp_event& event) noexcept;
    void position(std::int64_t& played, std::int64_t& length) const noexcept;
    /// The engine's SessionState as sp_status (see stillpoint.h for the size
    /// rule), its heart from the attached monitor.
    sp_result status(sp_status& status) const noexcept;
    /// sp_attach_heart: the heart whose figures the status carries and whose
    /// beats steer `pace: resonance` steps (heart_follow.hpp); null: none.
    void attachHeart(const sp_heart* heart) noexcept;
    /// The planned timeline, laid out at prepare and again by
    /// waitForPreparation (then every line at its voice's own time); null before an engine.
    const CTimeline* timeline() const noexcept { return hasEngine() ? &timeline_ : nullptr; }

  private:
    struct Device {
        double sampleRate = 0.0;
        int maxBlockFrames = 0;
        sp_layout layout = SP_LAYOUT_STEREO;
    };
    /// A point on the session clock, in samples at `sampleRate` (0: the start).
    struct StartPoint {
        double sampleRate = 0.0;
        std::int64_t position = 0;
        std::int64_t at(double rate) const noexcept;
    };

    /// Make `loaded` the session (restoring `restore`'s position and
    /// parameters when given); prepared at once when the device is known.
    sp_result install(LoadResult loaded, const SavedState* restore);
    /// The listener's haptic choices (on, cap, actuator: kHapticStateKeys order).
    using HapticValues = std::array<double, 3>;
    HapticValues hapticValues() const noexcept;
    /// An engine and the worker making its lines (null once there is nothing
    /// left to make); or, at a saved mid-session position, what builds it.
    struct Started {
        std::unique_ptr<Engine> engine;
        std::unique_ptr<SessionPreparation> preparation;
        std::unique_ptr<MidSessionStart> midSession;
        bool empty() const noexcept { return !engine && !midSession; }
    };
    static Started startEngine(const std::shared_ptr<const Program>& program, const Device& device,
                               std::int64_t position, const HapticValues& haptics);
    /// Send the haptic values and the check-in waiting to the playing engine
    /// (atomics; real-time safe).
    void applyListenerChoices() noexcept;
    /// An engine or a mid-session start is set (control thread, or outside control calls).
    bool hasEngine() const noexcept { return engine_ || midSession_; }
    /// The one preparation at work: engine_'s or the mid-session start's (null: none).
    const SessionPreparation* activePreparation() const noexcept;
    /// Audio thread: begin playing `engine`, taken from the mid-session start.
    void startPlaying(Engine& engine) noexcept;
    /// Audio thread: hand the queued commands to `engine`, keeping one it refuses.
    void passCommands(Engine& engine) noexcept;
    /// Audio thread: the heart's follow hears where `engine` stands (after an
    /// attach, while `following`), and its followed pace reaches `engine`.
    void passFollow(Engine& engine, bool following) noexcept;
    /// Audio thread: the mid-session start's fade-in on what `engine` wrote.
    void fadeIn(float* const* outputs, int channels, int frames) noexcept;
    /// sp_status while the mid-session start waits for its lines.
    void waitingStatus(sp_status& status) const noexcept;
    /// An attached sp_heart's figures into `state`.
    void overlayHeart(SessionState& state) const noexcept;
    /// Swap in a started engine and re-apply the parameters. Cannot fail.
    void commit(Started started, std::int64_t position) noexcept;
    /// timeline_ for engine_'s program: the narrated one once it is made.
    void layOutTimeline();
    /// NOT_PREPARED or NO_SESSION when the engine cannot play yet, else OK.
    sp_result readiness() const noexcept;
    /// What the audio thread publishes after a block of `engine`'s.
    void publish(const Engine& engine) noexcept;
    sp_result fail(sp_result code, ErrorDetails details);
    sp_result succeed() noexcept;

    std::optional<SessionSource> session_;
    std::optional<Device> device_;
    StartPoint pending_;              ///< where the next prepare starts (from a state)
    std::unique_ptr<Engine> engine_;  ///< set once there is a session and a device
    /// Makes engine_'s lines; declared after it, so it stops first.
    std::unique_ptr<SessionPreparation> preparation_;
    /// Instead of both, at a saved mid-session position: builds the engine later.
    std::unique_ptr<MidSessionStart> midSession_;
    /// The engine process() plays: engine_, set by the control thread, or
    /// the mid-session start's, set by the audio thread when it takes it.
    std::atomic<Engine*> live_{nullptr};
    CTimeline timeline_;  ///< see timeline()
    ErrorDetails error_;
    double resonanceBpm_ = 0.0;  ///< for the next load (control thread)

    std::array<double, kLayerCount> sessionLayerDb_{};  ///< the session's own volumes
    std::array<std::atomic<double>, kLayerCount> layerDb_{};
    std::atomic<double> paceBpm_{0.0};
    std::atomic<const sp_heart*> heart_{nullptr};  ///< sp_attach_heart
    HeartFollow follow_;                ///< its follower, ticked by the heart's sp_heart_update
    std::atomic<double> pattern_{0.0};  ///< SP_PARAM_PATTERN
    /// In kHapticStateKeys order: on, cap, actuator.
    std::array<std::atomic<double>, 3> haptics_{1.0, 1.0, double{SP_HAPTIC_LRA}};
    std::atomic<bool> loaded_{false};
    std::atomic<bool> waitAtCheckins_{false};  ///< SP_PARAM_WAIT_AT_CHECKINS

    // Written by the audio thread after each block, read anywhere.
    SessionClock clock_;
    std::atomic<std::int64_t> played_{0};
    std::atomic<std::int64_t> length_{0};
    std::atomic<std::int64_t> sessionPosition_{0};
    rt::WaitFreeSpscQueue<Event, 4096> events_;

    /// sp_command and sp_set_parameter (and commit) produce; the audio thread consumes.
    CommandQueue commands_;
    // The audio thread's own (reset by commit).
    std::optional<Command> carried_;  ///< taken from commands_, refused by the engine: next block
    std::optional<Command> followCarried_;  ///< the follow's SetPace, refused: next block
    std::int64_t fadeLength_ = 0;           ///< a restored session's fade-in, in samples
    std::int64_t fadeDone_ = 0;
};

}  // namespace stillpoint::capi
