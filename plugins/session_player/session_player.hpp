// SessionPlayer: an Engine that follows a host's timeline. The plugin's
// processor drives it; it has no JUCE in it, so the engine tests and the
// real-time guard exercise it directly.
//
// The host's sample position is the session clock: host sample T sounds as
// `stillpoint render` sounds at T. Playing on contiguously just processes the
// engine. A relocation (a seek, a loop, a new session, a new sample rate)
// needs an Engine at the new place, and Engine::seek renders the way there,
// so it cannot run on the audio thread. A worker thread builds a second
// Engine (load, prepare, seek) and hands it over through an atomic slot; the
// audio thread swaps it in at the exact host sample it was built for,
// catching up a little if it arrived late, and hands the old one back to the
// worker to free. Meanwhile the output fades out over a few milliseconds and
// stays silent: a gap is calmer than audio from the wrong place.
//
// A new session while one plays (realtime) is no relocation: the playing
// engine is told to Stop and fades out as a Stop does (kStopFadeSeconds),
// rendered beside the new one until it has finished. The new session's
// engine starts where that fade ends (on a free timeline the front end cues
// it to its own start, Cue then Play); started mid-session it fades in over
// a session's own fade-in (kSessionFadeInSeconds), never a cut. Another
// choice during that fade replaces the new one (a short fade, if it had
// begun) and enters where the first fade ends; the worker answers a request
// only for the session still wanted, so the last choice always comes.
//
// Check-ins: in realtime playback a check-in waits for Continue (the
// listener is there; EngineConfig::waitAtCheckins), unless
// setWaitAtCheckins(false); an offline bounce always keeps the check-in's
// own `wait`, so a bounce equals `stillpoint render`.
//
// In non-realtime mode (an offline bounce) process() waits for the worker
// instead, so every relocation lands on the exact audio a render has there.
//
// Narration and loudness (player_preparation.hpp): prepare() and
// setProgram() return at once; a SessionPreparation makes the voice on its
// own worker, once per session and rate, shared by every engine the
// session's relocations build. Realtime playback starts at once: the engine
// holds silence for its opening gains (a fraction of a second), then the
// fade-in and the bed cover the first lines, and the sequencer waits at a
// step whose lines are not made yet (SessionState::waitingForNarration).
// Waits and that hold move the session behind the host's timeline; the next
// relocation lands on the render's place again. A relocation builds its
// engine from the whole narrated session once it is made, earlier only where
// the lines already reach (otherwise it waits for them, silent).
//
// An offline bounce must be `stillpoint render`'s audio: a non-realtime block
// only plays an engine built from the whole narrated session, waiting in
// process() for it (hosts expect non-realtime processing to take its time).
// prepare() does not wait even then: it cannot know whether the next blocks
// are offline, and a host or validator times prepareToPlay.
//
// A voice that fails is reported (narrationProblem()); the session plays on
// with the lines made so far, the rest silent.
//
// Threads: prepare(), setProgram() and the destructor on the control
// (message) thread; process(), pushCommand(), popEvent() and the
// position/generation readers on the audio thread, where they never
// allocate, lock, free or wait (except in non-realtime mode, which waits).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "player_preparation.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint::plugin {

/// What the host says about this block.
struct HostTransport {
    std::int64_t sample = 0;  ///< host timeline position of the block's first frame
    bool playing = true;
    bool nonRealtime = false;  ///< offline bounce: wait for relocations, never drop audio
};

class SessionPlayer {
  public:
    /// Frames the engine renders per call; host blocks are split to this.
    static constexpr int kEngineBlockFrames = 1024;
    static constexpr int kChannels = 3;  ///< left, right and the haptic track
    /// A late engine is caught up on the audio thread by at most this much.
    static constexpr int kMaxCatchUpFrames = 8192;
    /// Fade when playback stops, starts mid-session or relocates (realtime only).
    static constexpr double kDeclickSeconds = 0.01;
    /// While its voice is made, an engine for the session's start that comes
    /// this late starts where the host is (see startsLate).
    static constexpr double kLateStartSeconds = 3.0;

    SessionPlayer();
    ~SessionPlayer();
    SessionPlayer(const SessionPlayer&) = delete;
    SessionPlayer& operator=(const SessionPlayer&) = delete;

    /// Control thread, not while process() runs: set the sample rate; an
    /// engine at the last host position is built on the worker. Returns at
    /// once, whatever the session's length and the narration cache.
    void prepare(double sampleRate);
    /// Control thread, any time: play `program` from now on, at the same host
    /// position. Built on the worker; the old session plays until the new one
    /// is ready (or silence, when relocating at the same time).
    void setProgram(std::shared_ptr<const Program> program);
    std::shared_ptr<const Program> program() const;
    /// Any thread but the audio one: the session being prepared (or prepared)
    /// last, with the lines made so far (all once prepared); null before one.
    /// Its narration holds every line the engines' states index.
    std::shared_ptr<const Program> narratedProgram() const;
    /// Why the voice is missing or partly synthesised (a voice that failed,
    /// a voice pack that lacks clips); empty when all is well.
    std::string narrationProblem() const;
    /// Any thread but the audio one: `planned` with the lines made so far
    /// when it is the program prepared last, null otherwise.
    std::shared_ptr<const Program> narrationOf(const std::shared_ptr<const Program>& planned) const;
    /// Any thread but the audio one: how far the last preparation has come
    /// (phase Ready once settled; Failed when the voice failed).
    PreparationProgress preparationProgress() const;
    /// Control thread: wait until the session set last is prepared at the
    /// rate set last (or `limit` passes); true when it is. For front ends
    /// that want the whole voice before they start, and tests.
    bool waitUntilPrepared(std::chrono::milliseconds limit);

    /// Audio thread. `out` holds 2 planar channels of `frames` (any count).
    void process(float* const* out, int frames, const HostTransport& transport) noexcept;
    /// As above, with the haptic track (170 Hz actuator signal) in `haptic`
    /// (null: not wanted). Audio thread.
    void process(float* const* out, float* haptic, int frames,
                 const HostTransport& transport) noexcept;
    /// The listener's haptics switch; the track glides to it. Any thread.
    void setHapticsEnabled(bool enabled) noexcept { hapticsWanted_.store(enabled); }
    /// The listener's haptic intensity cap (0..1); the track glides to it. Any thread.
    void setHapticCap(double cap) noexcept { hapticCap_.store(cap); }
    /// Realtime playback waits at check-ins for Continue (the default); false:
    /// the check-in's own wait passes, as in a bounce. Any thread.
    void setWaitAtCheckins(bool wait) noexcept { waitAtCheckins_.store(wait); }
    /// The listener's heart for playingState() (session_heart.hpp), from
    /// the thread that analyses it; it holds across relocations and session
    /// changes. One thread at a time; wait-free.
    void setHeart(const SessionHeart& heart) noexcept { heart_.publish(heart); }
    /// Audio thread: command or query the engine that is playing (or about to).
    bool pushCommand(const Command& command) noexcept;
    bool popEvent(Event& event) noexcept;
    /// The program the engine that is playing (or about to) was built from,
    /// with its narration; null before one. While the voice is made the
    /// engine plays newer versions of it (same steps and sections, the lines
    /// made since and their real lengths): its indices hold, its timings are
    /// the plan's estimates.
    const Program* playingProgram() const noexcept;
    /// Host sample of the playing engine's next frame.
    std::int64_t playingPosition() const noexcept { return nextHost_; }
    /// The playing engine's own output clock (Event::sample's), 0 before one.
    std::int64_t playingEngineSample() const noexcept;
    /// Audio thread: where the session of the engine that plays (or is about
    /// to) is, as that engine published it after its last block
    /// (session_state.hpp), with the heart as setHeart last gave it; a
    /// default state before one. Its indices point into playingProgram().
    SessionState playingState() const noexcept;
    /// Changes each time another engine takes over: its commands start afresh.
    std::uint64_t engineGeneration() const noexcept { return engineGeneration_.load(); }
    /// True while waiting for the worker to build an engine for this place.
    bool relocating() const noexcept { return relocating_.load(); }
    /// True while a session that was replaced fades out (audio thread).
    bool fadingOut() const noexcept { return outgoing_ != nullptr; }
    /// Audio thread: an engine for the current session waits at (or plays from)
    /// host sample `host`, so a transport that starts there loses nothing.
    bool readyToStartAt(std::int64_t host) const noexcept;

  private:
    struct Built;  // an engine, its program and the host sample it starts at
    enum class Mode : unsigned char { Playing, Waiting, Relocating };

    void workerLoop();
    /// Worker: the preparation of `program` at `rate`, started when it is new.
    void followPreparation(const std::shared_ptr<const Program>& program, double rate);
    /// Worker: an engine for relocation `request`, once the preparation can
    /// give one for its place; null when a newer request or session came first.
    std::unique_ptr<Built> buildFor(std::uint64_t request, std::uint64_t session, double rate);
    /// Worker: reads only the haptics switch besides its arguments.
    std::unique_ptr<Built> build(const std::shared_ptr<PlayerPreparation>& preparation,
                                 const PlayerPreparation::Source& source, std::int64_t start) const;
    void processBlock(float* const* out, int frames, const HostTransport& transport) noexcept;
    void requestRelocation(std::int64_t target, bool aimAhead) noexcept;
    bool adoptReadyEngine() noexcept;
    void waitForEngine() noexcept;
    /// Whether a waiting engine for the session's start, still being prepared,
    /// begins at `host` (a few seconds late) rather than relocate there.
    bool startsLate(std::int64_t host, const HostTransport& transport) const noexcept;
    /// Whether the host at `host` is still before a waiting engine's start, close enough to wait.
    bool waitingFits(std::int64_t host, const HostTransport& transport) const noexcept;
    void startActive(float* const* out, int from, int frames,
                     const HostTransport& transport) noexcept;
    void renderActive(float* const* out, int frames) noexcept;
    /// A session replaced while it played: told to Stop, rendered beside.
    void retireFadingOut() noexcept;
    void mixOutgoing(float* const* out, int frames) noexcept;
    void skipActive(std::int64_t frames) noexcept;
    void silence(float* const* out, int from, int frames) noexcept;
    void applyDeclick(float* const* out, int frames) noexcept;

    // Control side, under controlMutex_ (never touched by the audio thread).
    mutable std::mutex controlMutex_;
    std::condition_variable wake_;
    std::shared_ptr<const Program> program_;
    double sampleRate_ = 48000.0;
    bool rateKnown_ = false;  ///< prepare() has set sampleRate_: the voice is made at it
    std::uint64_t sessionGeneration_ = 0;
    bool quit_ = false;
    /// Engines (and the preparations they hold) to free on the worker: freeing
    /// a preparation waits for the line its worker is making.
    std::vector<std::unique_ptr<Built>> toFree_;
    std::atomic<bool> quitting_{false};

    // Audio thread -> worker: the latest place an engine is wanted at.
    std::atomic<std::uint64_t> request_{0};
    std::atomic<std::int64_t> requestTarget_{0};
    std::atomic<bool> requestAimAhead_{false};
    std::atomic<bool> requestExact_{false};  ///< an offline block's: the whole narrated session
    std::atomic<std::int64_t> hostNow_{0};   ///< the last block's host sample, for aiming ahead
    std::atomic<std::uint64_t> sessionWanted_{0};
    std::atomic<bool> hasProgram_{false};

    // The worker's preparation of the current session and rate; readers get
    // its figures through published_, under publishedMutex_ (never the audio thread's).
    std::shared_ptr<PlayerPreparation> preparation_;
    mutable std::mutex publishedMutex_;
    std::shared_ptr<PlayerPreparation> published_;

    // Worker <-> audio thread: one engine each way.
    std::atomic<Built*> ready_{nullptr};
    std::atomic<Built*> retired_{nullptr};

    // Audio thread only.
    std::unique_ptr<Built> active_;
    Mode mode_ = Mode::Waiting;
    std::int64_t nextHost_ = 0;      ///< host sample the active engine's next frame belongs to
    std::int64_t lastBlockEnd_ = 0;  ///< where the host would be next if it plays on
    std::uint64_t lastRequest_ = 0;
    std::int64_t pendingTarget_ = 0;
    std::uint64_t pendingSession_ = 0;
    bool pendingExact_ = false;
    float declickGain_ = 1.0f;
    float declickTarget_ = 1.0f;
    float declickStep_ = 0.0f;  ///< per sample, falling (and rising after a relocation)
    float declickRise_ = 0.0f;  ///< per sample, rising this time
    float sessionFadeRise_ = 0.0f;
    std::int64_t stopFadeFrames_ = 0;
    bool realtimeBlock_ = true;  ///< the block being processed is not an offline bounce's
    std::atomic<bool> hapticsWanted_{true};
    std::atomic<double> hapticCap_{1.0};
    SessionHeartCell heart_;
    std::atomic<bool> waitAtCheckins_{true};
    std::vector<float> scratch_;          ///< sized in prepare(): where catching up renders to
    std::vector<float> outgoingScratch_;  ///< sized in prepare(): the fading session's block
    std::unique_ptr<Built> outgoing_;     ///< the replaced session, fading out
    std::int64_t outgoingEndsAt_ = 0;     ///< host sample its fade ends at
    bool enterWithSessionFade_ = false;   ///< the next start follows a replaced session
    std::atomic<std::uint64_t> engineGeneration_{0};
    std::atomic<bool> relocating_{false};
    std::atomic<double> leadSeconds_{0.25};

    std::thread worker_;
};

}  // namespace stillpoint::plugin
