// Engine: plays a Program. The one entry point every front end uses
// (command line, plugin, C API, tests).
//
// Every sample process() writes is finite and within -1..1, whatever happens
// upstream: a guard after the limiter repairs any other (repairedSamples()).
//
// Threads: `load`, `prepare` and `seek` run on a control thread, never
// while process() may run, and may allocate. `updateProgram` hands newer
// versions of the program (more lines narrated) to a playing engine. `process` runs on the audio
// thread: it never allocates, locks, does I/O or throws, for any frame count up to the prepared
// maximum. Commands go in through a wait-free SPSC queue (`pushCommand`, one producer) that never
// refuses a Stop or a Grounding; events come out through another (`popEvent`, one consumer).
#pragma once

#include <cstdint>
#include <memory>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/haptics.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/session_state.hpp"

namespace stillpoint {

/// Every session fades in and out; nothing starts or stops loud.
inline constexpr double kSessionFadeInSeconds = 3.0;
inline constexpr double kSessionFadeOutSeconds = 4.0;  ///< after the last step
inline constexpr double kStopFadeSeconds = 2.5;        ///< on a Stop command

struct EngineConfig {
    double sampleRate = 48000.0;
    int maxBlockFrames = 4096;
    int channels = 2;  ///< 1 (mono mix) or 2
    /// Integrated loudness a full session lands at. The engine measures the
    /// program once in prepare() and sets its master gain from that.
    double targetLufs = -16.0;
    bool calibrateLoudness = true;
    double truePeakCeilingDb = -1.0;
    /// The haptic track. With a signal, process() writes one more channel,
    /// out[channels], and haptic taps join the events.
    HapticSettings haptics;
    /// Live play: after a checkin's prompt the session waits (the bed going
    /// on) until a Continue command, however long that takes. false (a
    /// render): the checkin's own `wait` time passes instead.
    bool waitAtCheckins = false;
    /// Live play while a worker prepares the session (SessionPreparation):
    /// process() writes silence, the session not yet begun, until
    /// setLoudnessGains() first gives the gains. Use with calibrateLoudness false.
    bool holdForLoudnessGains = false;
};

/// Gains the calibration moves while a session plays glide at this rate at
/// most (0.5 dB over 4 s), never a step a listener hears.
inline constexpr double kLoudnessGlideDbPerSecond = 0.125;

class Engine {
  public:
    Engine();
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    /// Take a program to play. Control thread; call prepare() after.
    void load(std::shared_ptr<const Program> program);
    /// Size buffers, measure loudness, rewind to the start. Control thread.
    void prepare(const EngineConfig& config);

    /// A newer version of the loaded program: more of its lines narrated and
    /// the steps not yet reached retimed to them (SessionPreparation). The
    /// audio thread takes the newest at its next block, wait-free (one
    /// atomic exchange), and hands the version it leaves back to be released
    /// here, never on the audio thread; a version replaced before the audio
    /// thread took it is released at once. One thread calls this, never while
    /// load, prepare or seek run. False only for null.
    bool updateProgram(std::shared_ptr<const Program> program);

    /// The loudness gains from elsewhere (SessionPreparation's calibration)
    /// instead of a measurement in prepare(): set before prepare() with
    /// calibrateLoudness false, they hold from the first sample; set while
    /// the session sounds, the gains glide there at kLoudnessGlideDbPerSecond.
    /// `voiceTrimDb` is the voice's lift on top of the master gain. Any thread.
    void setLoudnessGains(double masterGainDb, double voiceTrimDb) noexcept;

    /// Relocate to `sessionSample` on the session clock, sounding exactly as a
    /// render from the start sounds there. Control thread: it renders the way
    /// there silently, many times faster than real time. Never while
    /// process() may run.
    void seek(std::int64_t sessionSample);

    /// Render `frames` (<= maxBlockFrames) into `channels` planar buffers.
    /// Writes silence once finished. Audio thread.
    void process(float* const* out, int frames) noexcept;

    /// Queue a command for the audio thread. False when the queue is full,
    /// except for Stop and Grounding: those are never refused and act, with
    /// their usual fades, after every command queued before them.
    bool pushCommand(const Command& command) noexcept;
    /// Take the next event the audio thread produced. False when none.
    bool popEvent(Event& event) noexcept;

    /// The listener's haptics switch and intensity cap (0..1); the track
    /// glides to the new level over 0.5 s. Any thread; lands at the next block.
    void setHaptics(bool enabled, double intensityCap) noexcept;
    /// Change EngineConfig::waitAtCheckins while playing. Any thread; lands
    /// at the next block.
    void setWaitAtCheckins(bool wait) noexcept;
    /// Lra or Shaker: the carrier of an actuator channel. Any thread.
    void setHapticActuator(HapticSignal actuator) noexcept;
    /// Haptic intensity (0..1) at the end of the last block, for a thread
    /// that drives a live haptic device. Any thread.
    float hapticIntensity() const noexcept;
    /// Samples the output guard had to repair since prepare(): each non-finite
    /// one became 0, each beyond full scale was held at it, so every buffer
    /// process() writes is finite and within -1..1. 0 in a healthy session;
    /// more is a fault upstream worth reporting. Any thread; after each block.
    std::uint64_t repairedSamples() const noexcept;

    /// Where the session is, as of the last process() block (or prepare(),
    /// seek()): see session_state.hpp for the fields and the remaining-time
    /// rules. Any thread, wait-free for the audio thread, never torn.
    SessionState state() const noexcept;
    /// The listener's heart as the thread that analyses it now finds it, for
    /// SessionState::heart (session_heart.hpp). One thread at a time;
    /// wait-free, never allocates.
    void setHeart(const SessionHeart& heart) noexcept;
    /// How far preparing the narration has come (lines ready of lines
    /// total), for SessionState's preparation fields. Any thread.
    void setPreparationProgress(int linesReady, int linesTotal) noexcept;

    /// finished(), position() and lengthFrames() read the audio thread's
    /// state: call them from it, or while process() is not running (a player
    /// publishes what its control thread needs through atomics).
    bool finished() const noexcept;
    /// Session samples the session has waited at speaking steps whose lines
    /// were not narrated yet (the bed going on), since prepare(). 0 when the
    /// preparation kept ahead. Any thread; after each block.
    std::int64_t narrationWaitFrames() const noexcept;
    /// Holding silence for its first gains (EngineConfig::holdForLoudnessGains):
    /// the session has not begun, and the blocks written are no part of it.
    /// Audio thread, or while process() is not running.
    bool holdingForLoudnessGains() const noexcept;
    /// Samples played so far.
    std::int64_t position() const noexcept;
    /// How far the graph runs ahead of the output (the limiter's look-ahead):
    /// a command queued before the block at position() P acts at sample
    /// P + lookAheadFrames(), where it is also heard.
    std::int64_t lookAheadFrames() const noexcept;
    /// Total planned length in samples, including the final fade-out.
    std::int64_t lengthFrames() const noexcept;
    /// Master gain the loudness calibration chose, in dB: the gain on every
    /// non-voice layer (the voice may have a lift on top, never a cut).
    double calibrationGainDb() const noexcept;
    /// The gain the calibration put on the voice, in dB: the master gain
    /// plus the voice's lift.
    double voiceGainDb() const noexcept;
    const EngineConfig& config() const noexcept;
    /// The program load() took (null before): what SessionState's indices
    /// point into. Control thread, or any thread while no load() can run.
    const std::shared_ptr<const Program>& program() const noexcept;
    /// Buffers process() writes: the audio channels, plus one with a haptic signal.
    int outputChannels() const noexcept;

  private:
    /// Audio thread: switch to the newest program version handed over.
    void takeProgramUpdates() noexcept;
    /// Audio thread: the gains for this block; false while holding for them.
    bool followLoudnessGains(int frames) noexcept;

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace stillpoint
