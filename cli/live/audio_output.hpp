// AudioOutput: one RtAudio output stream that plays an Engine.
//
// Threads: open/start/reopen/stop/abandon and the getters run on the control
// thread. RtAudio's callback runs on its audio thread and only calls
// Engine::process, applies the reopen fade and writes atomics (load,
// underruns, callback count, optional stats): no allocation, no lock, no I/O,
// no exception. The error callback may run on any thread; it only writes
// atomics and a fixed buffer.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "stillpoint/engine.hpp"

class RtAudio;

namespace stillpoint::cli::live {

class CallbackStats;

struct OutputRequest {
    std::string api;     ///< "jack", "alsa", "pulse", or empty: the first that has a device
    std::string device;  ///< index, or (part of) a name; empty: the API's default output
    unsigned rate = 0;   ///< 0: 48000 when the device offers it, else its preferred rate
    unsigned bufferFrames = 1024;  ///< a listening default: latency does not matter here
    bool hapticChannel = false;    ///< ask for a third channel for the haptic track
};

struct OpenedOutput {
    std::string api;
    std::string device;
    unsigned rate = 0;
    unsigned bufferFrames = 0;     ///< what the device granted (JACK: the server's period)
    unsigned requestedFrames = 0;  ///< what was asked for
    int channels = 2;              ///< audio channels (1 or 2)
    bool hapticChannel = false;    ///< a third channel carries the haptic track
    unsigned deviceChannels = 0;   ///< output channels the device has
    long latencyFrames = 0;        ///< RtAudio's getStreamLatency()
};

/// What the audio thread measured; read any time from the control thread.
struct CallbackMeters {
    std::atomic<std::int64_t> callbacks{0};
    /// Output time the engine played, pauses included; the silence around a
    /// reopen is not counted (the engine does not advance in it).
    std::atomic<std::int64_t> framesPlayed{0};
    std::atomic<std::int64_t> underruns{0};  ///< callbacks flagged RTAUDIO_OUTPUT_UNDERFLOW
    std::atomic<float> peakLoad{0.0f};       ///< highest callback time / block time since reset
    std::atomic<float> maxLoad{0.0f};        ///< highest over the whole run
    /// The session's length (Engine::lengthFrames) as of the last callback: the
    /// engine's own value is the audio thread's to read while it plays.
    std::atomic<std::int64_t> lengthFrames{0};
    /// When the first callback that carried a non-zero sample ended, in
    /// milliseconds of the system clock since its epoch (0: none yet), for
    /// the launch-to-first-sound measure.
    std::atomic<std::int64_t> firstSoundMs{0};
};

class AudioOutput {
  public:
    AudioOutput();
    ~AudioOutput();
    AudioOutput(const AudioOutput&) = delete;
    AudioOutput& operator=(const AudioOutput&) = delete;

    /// Open (not start) a stream. On failure returns a message naming the
    /// API and device and what to try.
    std::optional<std::string> open(const OutputRequest& request, OpenedOutput& opened);
    /// Start playing `engine` (prepared for the opened rate, channels and
    /// buffer). An engine with a haptic track plays it on the haptic channel,
    /// or, without one, renders it into a scratch plane (a live haptic
    /// device reads the intensity). `stats` may be null.
    std::optional<std::string> start(Engine& engine, CallbackStats* stats);
    /// Fade out, close, open again on the same device asking for
    /// `bufferFrames`, and fade back in where the engine was: it is not
    /// advanced while the stream is closed, so nothing is skipped. On failure
    /// the stream is closed and the message says why.
    std::optional<std::string> reopen(unsigned bufferFrames, OpenedOutput& opened);
    /// Make the callback report `count` more underflows, as if the device had
    /// (for tests of what the player does about them).
    void simulateUnderruns(int count);
    /// Stop and close the stream (normal end).
    void stop();
    /// The device is gone: leave the stream to the process's end rather than
    /// risk waiting on a server that no longer answers.
    void abandon();

    /// The stream stopped by itself or reported an error since start().
    bool lost() const;
    std::string lostReason() const;
    const CallbackMeters& meters() const;
    /// Reads and clears the peak load since the last call.
    float takePeakLoad();

  private:
    struct CallbackState;
    std::optional<std::string> openStream(unsigned bufferFrames, OpenedOutput& opened);
    std::unique_ptr<RtAudio> audio_;
    unsigned deviceId_ = 0;
    std::string apiName_;
    CallbackState* state_;    ///< owned; leaked by abandon() with the stream
    CallbackMeters* meters_;  ///< state_'s, still valid after abandon()
    bool started_ = false;
};

}  // namespace stillpoint::cli::live
