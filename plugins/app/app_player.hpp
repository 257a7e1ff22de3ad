// AppPlayer: the therapist app's audio side. It plays a session through the
// plugin's SessionPlayer on a free-running timeline and turns the app's
// controls (play, pause, hold, sections, pace, grounding, stop, layer
// volumes) into engine commands, which fade and glide inside the engine.
//
// Threads: the control methods run on the message thread and only write
// atomics or a lock-free FIFO; render() runs on the audio thread (a device
// callback, or HeadlessClock without a device) and never allocates, locks
// or waits. display() is what the audio thread last saw, for drawing.
#pragma once

#include <juce_audio_devices/juce_audio_devices.h>

#include <array>
#include <atomic>
#include <memory>
#include <string>

#include "client_profile.hpp"
#include "processor/playback_display.hpp"
#include "processor/session_library.hpp"
#include "session_player.hpp"

namespace stillpoint::app {

/// What the controls and the remote show, read on the message thread.
struct PlayerState {
    bool playing = false;  ///< the session clock runs (not paused, not stopped)
    bool paused = false;
    bool holding = false;
    bool finished = false;
    int phase = -1;  ///< BreathPhase, -1 when not breathing
    int section = -1;
    double elapsedSeconds = 0.0;
    double lengthSeconds = 0.0;
    double paceBpm = 0.0;  ///< the pace asked for, 0: the session's own
    std::string title, sectionName, caption;
};

const char* phaseName(int phase);

class AppPlayer : public juce::AudioIODeviceCallback {
  public:
    static constexpr double kPaceStepBpm = 0.5;

    AppPlayer();

    // Message thread.
    /// Plan `session` with `profile` and make it the one that plays, from its
    /// start, waiting for play(). Returns the errors or "".
    std::string load(const plugin::SessionText& session, const ClientProfile& profile);
    /// Adapt what plays to `profile`: pace and volumes glide; changed avoid
    /// regions plan the session again.
    std::string applyProfile(const ClientProfile& profile);
    void play();
    void pause();
    void togglePlay();
    void setHold(bool hold);
    void next();
    void previous();
    void slower();
    void faster();
    void grounding();
    void stop();  ///< fades out over the engine's stop fade and finishes
    PlayerState state() const;
    /// The session as it plays: with its voice (and the lengths its lines
    /// really take) once narrated, as planned until then.
    std::shared_ptr<const Program> program() const {
        auto narrated = player_.narrationOf(program_);
        return narrated ? narrated : program_;
    }
    const plugin::SessionText& session() const { return session_; }
    const ClientProfile& profile() const { return profile_; }
    const plugin::PlaybackDisplay& display() const noexcept { return display_; }

    /// Not while render() runs.
    void prepare(double sampleRate);
    /// Audio thread: `out` has `channels` planar channels of `frames`.
    void render(float* const* out, int channels, int frames) noexcept;

    // juce::AudioIODeviceCallback
    void audioDeviceIOCallbackWithContext(const float* const* in, int numIn, float* const* out,
                                          int numOut, int frames,
                                          const juce::AudioIODeviceCallbackContext&) override;
    void audioDeviceAboutToStart(juce::AudioIODevice* device) override;
    void audioDeviceStopped() override {}

  private:
    void send(CommandType type);
    void setPace(double bpm);
    double currentPace() const;
    void sendLevels(const ClientProfile& profile);
    // Audio thread
    void drainCommands() noexcept;
    void followDesired() noexcept;
    void readEvents(int frames) noexcept;

    plugin::SessionPlayer player_;
    plugin::PlaybackDisplay display_;
    plugin::SessionText session_;
    std::shared_ptr<const Program> program_;
    ClientProfile profile_;

    // Message thread -> audio thread.
    static constexpr int kFifoSize = 64;
    juce::AbstractFifo fifo_{kFifoSize};
    std::array<Command, kFifoSize> commands_{};
    std::atomic<bool> running_{false};  ///< the timeline advances
    std::atomic<bool> restart_{false};  ///< back to the start (a new session or play after the end)
    std::atomic<double> paceBpm_{0.0};  ///< 0: the session's own
    std::atomic<bool> hold_{false};
    std::array<std::atomic<double>, kLayerCount> layerTrimDb_{};  ///< dB added to the session's own

    // Audio thread only.
    struct Sent {
        std::uint64_t generation = ~std::uint64_t{0};
        double paceBpm = 0.0;
        bool hold = false;
        std::array<double, kLayerCount> layerTrimDb{};
    } sent_;
    bool pendingValid_ = false;
    Command pending_{};
    std::int64_t timeline_ = 0;
    bool startWhenReady_ = false;  ///< at 0, not advancing until the engine for 0 is in
    std::uint64_t restartGeneration_ = 0;
    std::int64_t sessionClock_ = 0;
    std::atomic<bool> paused_{false};
};

/// Drives an AppPlayer in real time without an audio device (--no-audio):
/// the tests and a machine with no sound card run the same audio path.
class HeadlessClock : private juce::Thread {
  public:
    HeadlessClock(AppPlayer& player, double sampleRate);
    ~HeadlessClock() override;

  private:
    void run() override;
    AppPlayer& player_;
    double sampleRate_;
};

}  // namespace stillpoint::app
