// AppPlayer: the therapist app's controls over the plugin's processor. The
// app is one more host of StillpointProcessor: ProcessorHost plays it on the
// audio device, and the controls reach it the ways they reach the plugin:
// pace, hold and the breath pattern as its parameters, the moments (play, pause, sections,
// grounding, a faded stop, a check-in's Continue) through its control queue, a client's profile
// (regions to leave out, voice, haptic cap, layer volumes) as its listener
// options, haptics on/off as its Haptics parameter, the listener's heart as
// a pace that follows it (AppHeart).
//
// Threads: the control methods and state() run on the message thread and
// never wait for the audio thread; render() (the device callback, or
// HeadlessClock without a device) is the processor's processBlock.
#pragma once

#include <juce_audio_devices/juce_audio_devices.h>

#include <memory>
#include <string>

#include "app_heart.hpp"
#include "processor/playback_display.hpp"
#include "processor/session_library.hpp"
#include "processor/stillpoint_processor.hpp"
#include "processor_host.hpp"
#include "stillpoint/client_profile.hpp"

namespace stillpoint::app {

/// What the controls and the remote show, read on the message thread.
struct PlayerState {
    bool playing = false;  ///< the session clock runs (not paused, not stopped)
    bool paused = false;
    bool holding = false;
    bool finished = false;
    bool waiting = false;    ///< a check-in waits for Continue
    bool grounding = false;  ///< the grounding section plays (or ended the session)
    int phase = -1;          ///< BreathPhase, -1 when not breathing
    int section = -1;
    double elapsedSeconds = 0.0;
    double lengthSeconds = 0.0;
    /// From the engine's SessionState: what is left by the plan as it stands
    /// (the final fade-out included; in grounding, of grounding and its
    /// fade), and how far into its section the session is.
    double remainingSeconds = 0.0;
    double sectionElapsedSeconds = 0.0;
    double sectionLengthSeconds = 0.0;
    double paceBpm = 0.0;  ///< the pace asked for, 0: the session's own
    std::string title, sectionName;
    std::string caption;  ///< the line the voice is saying now, "" between lines
    /// How far the voice is made while the session plays (preparation_status.hpp), "" once made.
    std::string preparation;
    /// Why the voice is missing or partly synthesised, "" when all is well.
    std::string voiceProblem;
    SessionHeart heart;  ///< the listener's heart (connected: beats came in over the remote)
};

const char* phaseName(int phase);

class AppPlayer {
  public:
    static constexpr double kPaceStepBpm = 0.5;
    static constexpr int kDefaultBlockFrames = 512;

    AppPlayer();

    // Message thread.
    /// Plan `session` with `profile` and make it the one that plays, from its
    /// start: while one plays, that one fades out as stop() does and this one
    /// then plays from its own fade-in; otherwise it waits for play().
    /// Returns the errors or "".
    std::string load(const plugin::SessionText& session, const ClientProfile& profile);
    /// Adapt what plays to `profile`: pace, volumes and haptics glide;
    /// changed avoid regions plan the session again.
    std::string applyProfile(const ClientProfile& profile);
    void play();
    void pause();
    void togglePlay();
    void setHold(bool hold);
    void next();
    void previous();
    void slower();
    void faster();
    /// Breathe built-in pattern `index` (1 + its place in breathPresets(), as
    /// `stillpoint presets` lists them) from the next whole breath on; 0
    /// hands the breathing back to the session's own patterns.
    void setPattern(int index);
    void grounding();
    void stop();  ///< fades out over the engine's stop fade and finishes
    /// A check-in waiting for the listener goes on (it waits, live, until this).
    void continueCheckin();
    PlayerState state() const;
    /// The session as it plays: with its voice (and the lengths its lines
    /// really take) once narrated, as planned until then.
    std::shared_ptr<const Program> program() const {
        auto narrated = processor_.narratedProgram();
        return narrated ? narrated : processor_.currentProgram();
    }
    plugin::SessionText session() const { return processor_.currentSession(); }
    /// The profile as it plays now (with the pace as slower/faster left it).
    const ClientProfile& profile() const { return profile_; }
    const plugin::PlaybackDisplay& display() const noexcept { return processor_.display(); }
    plugin::StillpointProcessor& processor() noexcept { return processor_; }
    /// The listener's heart: RR in, heart rate and coherence out; it steers
    /// `pace: resonance` steps (app_heart.hpp).
    AppHeart& heart() noexcept { return heart_; }
    const AppHeart& heart() const noexcept { return heart_; }
    /// The audio device's callback (AudioDeviceManager::addAudioCallback).
    ProcessorHost& host() noexcept { return host_; }

    /// Without a device (tests, HeadlessClock): prepare for a stereo output.
    /// Not while render() runs.
    void prepare(double sampleRate, int maxBlockFrames = kDefaultBlockFrames);
    /// Audio thread: `out` has `channels` planar channels of `frames`.
    void render(float* const* out, int channels, int frames) noexcept {
        host_.render(out, channels, frames);
    }

  private:
    void send(plugin::ControlType type);
    void setParameter(const char* id, float value);
    void setPace(double bpm);
    double currentPace() const;

    plugin::StillpointProcessor processor_;
    ProcessorHost host_{processor_};
    AppHeart heart_{processor_};
    const std::atomic<float>* pace_;  ///< the Pace and Hold parameters' values
    const std::atomic<float>* hold_;
    ClientProfile profile_;
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
