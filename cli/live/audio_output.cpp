#include "audio_output.hpp"

#include <RtAudio.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstring>
#include <thread>
#include <vector>

#include "callback_stats.hpp"
#include "device_probe.hpp"
#include "keep_until_exit.hpp"
#include "quiet_stderr.hpp"
#include "server_thread_guard.hpp"

namespace stillpoint::cli::live {
namespace {

constexpr int kMaxChannels = 3;  // stereo and the haptic channel

// RtAudio 5.2's error callback carries no user pointer: the one stream per
// process reports here. Written once (first error wins), read by the control thread.
std::atomic<bool> gStreamError{false};
std::atomic<bool> gErrorTextReady{false};
char gErrorText[256];

void onStreamError(RtAudioError::Type type, const std::string& text) {
    if (type == RtAudioError::WARNING || type == RtAudioError::DEBUG_WARNING) return;
    bool expected = false;
    if (!gStreamError.compare_exchange_strong(expected, true)) return;
    std::strncpy(gErrorText, text.c_str(), sizeof gErrorText - 1);
    gErrorTextReady.store(true, std::memory_order_release);
}

void raiseToAtLeast(std::atomic<float>& slot, float value) noexcept {
    float seen = slot.load(std::memory_order_relaxed);
    while (value > seen && !slot.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {
    }
}

std::string deviceAdvice() {
    return "try: 'stillpoint devices' to list outputs, then --api jack|alsa|pulse and --device N; "
           "for JACK start a server first (e.g. 'jackd -d alsa' or 'jackd -d dummy'); "
           "or render to a file with 'stillpoint render FILE -o OUT.wav'";
}

const OutputDevice* chooseDevice(const ApiDevices& api, const std::string& wanted) {
    if (api.outputs.empty()) return nullptr;
    if (wanted.empty()) {
        const auto d = std::find_if(api.outputs.begin(), api.outputs.end(),
                                    [](const OutputDevice& o) { return o.isDefault; });
        return d != api.outputs.end() ? &*d : &api.outputs.front();
    }
    const bool numeric =
        std::all_of(wanted.begin(), wanted.end(), [](char c) { return c >= '0' && c <= '9'; });
    for (const auto& o : api.outputs)
        if (numeric ? std::to_string(o.id) == wanted : o.name == wanted) return &o;
    if (!numeric)
        for (const auto& o : api.outputs)
            if (o.name.find(wanted) != std::string::npos) return &o;
    return nullptr;
}

unsigned chooseRate(const OutputDevice& device, unsigned wanted) {
    if (wanted != 0) return wanted;
    if (std::find(device.rates.begin(), device.rates.end(), 48000u) != device.rates.end())
        return 48000;
    return device.preferredRate != 0 ? device.preferredRate : 48000;
}

}  // namespace

// Around a reopen: a short fade out, and after it a short silence (the
// server connects a new client's ports only after it starts calling it)
// before the fade back in. The engine does not advance in the silence.
constexpr double kReopenFadeSeconds = 0.02;
constexpr double kReopenLeadSeconds = 0.1;
constexpr auto kFadeOutWait = std::chrono::seconds(1);

struct AudioOutput::CallbackState {
    /// Once, until it happens: a block with sound in it stamps the time (a
    /// clock read, no system call).
    void noteFirstSound(const float* base, unsigned frames) noexcept {
        const auto samples = static_cast<std::size_t>(frames) * static_cast<std::size_t>(channels);
        if (std::none_of(base, base + samples, [](float x) { return x != 0.0f; })) return;
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::system_clock::now().time_since_epoch());
        meters.firstSoundMs.store(now.count(), std::memory_order_relaxed);
    }

    Engine* engine = nullptr;
    CallbackStats* stats = nullptr;
    int channels = 2;       // device channels
    int engineOutputs = 2;  // planes the engine writes (a haptic track without a channel: scratch)
    std::vector<float> hapticScratch;
    int maxBlock = 0;
    double sampleRate = 48000.0;
    CallbackMeters meters;

    // The reopen fade. The control thread asks (fadeOut) and the callback
    // answers (silent) once the output is at zero and the engine stopped.
    std::atomic<bool> fadeOut{false};
    std::atomic<bool> silent{false};
    // Set before a start; the callback takes them (acquire) on its first call.
    std::atomic<bool> fresh{false};
    float startGain = 1.0f;
    std::int64_t startLeadFrames = 0;
    std::atomic<int> simulatedUnderruns{0};
    // The audio thread's own.
    float gain = 1.0f;
    float gainStep = 1.0f;
    std::int64_t leadFrames = 0;

    bool takeSimulatedUnderrun() noexcept {
        int left = simulatedUnderruns.load(std::memory_order_relaxed);
        while (left > 0 && !simulatedUnderruns.compare_exchange_weak(left, left - 1,
                                                                     std::memory_order_relaxed)) {
        }
        return left > 0;
    }

    static void silence(float* base, int channels, unsigned frames, unsigned from) noexcept {
        for (int c = 0; c < channels; ++c)
            std::fill_n(base + c * frames + from, frames - from, 0.0f);
    }

    /// Frames the engine renders in this callback: all of them, or, fading
    /// out, only those until the fade reaches zero.
    unsigned framesToRender(unsigned frames, bool out) const noexcept {
        if (!out) return frames;
        const auto left = static_cast<unsigned>(std::ceil(gain / gainStep));
        return std::min(frames, left);
    }

    /// Ramps the gain toward 0 (fading out) or 1 over the rendered frames.
    void applyFade(float* base, unsigned frames, unsigned rendered, bool out) noexcept {
        if (!out && gain >= 1.0f) return;
        for (unsigned i = 0; i < rendered; ++i) {
            gain = out ? std::max(0.0f, gain - gainStep) : std::min(1.0f, gain + gainStep);
            for (int c = 0; c < channels; ++c) base[c * frames + i] *= gain;
        }
    }

    static int callback(void* output, void*, unsigned frames, double, RtAudioStreamStatus status,
                        void* user) noexcept {
        auto& s = *static_cast<CallbackState*>(user);
        const auto begin = std::chrono::steady_clock::now();
        if ((status & RTAUDIO_OUTPUT_UNDERFLOW) || s.takeSimulatedUnderrun())
            s.meters.underruns.fetch_add(1, std::memory_order_relaxed);
        if (s.fresh.exchange(false, std::memory_order_acquire)) {
            s.gain = s.startGain;
            s.leadFrames = s.startLeadFrames;
            s.gainStep = static_cast<float>(1.0 / (kReopenFadeSeconds * s.sampleRate));
        }
        // Non-interleaved: channel c starts at c * frames.
        auto* base = static_cast<float*>(output);
        const bool out = s.fadeOut.load(std::memory_order_relaxed);
        if (s.silent.load(std::memory_order_relaxed) || s.leadFrames > 0) {
            silence(base, s.channels, frames, 0);
            s.leadFrames = std::max<std::int64_t>(0, s.leadFrames - frames);
            if (out) s.silent.store(true, std::memory_order_release);
            s.meters.callbacks.fetch_add(1, std::memory_order_release);
            return 0;
        }
        const unsigned rendered = s.framesToRender(frames, out);
        for (unsigned done = 0; done < rendered;) {
            const unsigned n = std::min(rendered - done, static_cast<unsigned>(s.maxBlock));
            std::array<float*, kMaxChannels> planes{};
            for (int c = 0; c < s.channels; ++c)
                planes[static_cast<std::size_t>(c)] = base + c * frames + done;
            if (s.engineOutputs > s.channels)
                planes[static_cast<std::size_t>(s.channels)] = s.hapticScratch.data();
            s.engine->process(planes.data(), static_cast<int>(n));
            done += n;
        }
        silence(base, s.channels, frames, rendered);
        s.applyFade(base, frames, rendered, out);
        if (s.meters.firstSoundMs.load(std::memory_order_relaxed) == 0)
            s.noteFirstSound(base, frames);
        if (out && s.gain <= 0.0f) s.silent.store(true, std::memory_order_release);
        s.meters.lengthFrames.store(s.engine->lengthFrames(), std::memory_order_relaxed);
        const double spent =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        const double budget = frames / s.sampleRate;
        const auto load = static_cast<float>(spent / budget);
        raiseToAtLeast(s.meters.peakLoad, load);
        raiseToAtLeast(s.meters.maxLoad, load);
        if (s.stats) s.stats->record(spent, budget);
        // The silence before the session begins (its gains not yet measured) is not played time.
        if (!s.engine->holdingForLoudnessGains())
            s.meters.framesPlayed.fetch_add(rendered, std::memory_order_relaxed);
        s.meters.callbacks.fetch_add(1, std::memory_order_release);
        return 0;
    }
};

AudioOutput::AudioOutput() : state_(new CallbackState), meters_(&state_->meters) {}

AudioOutput::~AudioOutput() {
    if (!audio_ && !state_) return;  // abandoned
    stop();
    delete state_;
}

std::optional<std::string> AudioOutput::open(const OutputRequest& request, OpenedOutput& opened) {
    // The API: the one asked for, or the first with an output device.
    ApiDevices api;
    if (!request.api.empty()) {
        const auto names = compiledApis();
        if (std::find(names.begin(), names.end(), request.api) == names.end())
            return "audio API '" + request.api + "' is not available; use jack, alsa or pulse";
        api = probeOutputs(request.api);
    } else {
        std::string tried;
        for (const auto& name : compiledApis()) {
            api = probeOutputs(name);
            if (!api.outputs.empty()) break;
            tried += (tried.empty() ? "" : "; ") + api.displayName + ": " +
                     (api.problem.empty() ? "no output device" : api.problem);
        }
        if (api.outputs.empty())
            return "no audio output device found (" + tried + "); " + deviceAdvice();
    }
    const OutputDevice* device = chooseDevice(api, request.device);
    if (!device) {
        if (api.outputs.empty())
            return api.displayName + ": no output device (" +
                   (api.problem.empty() ? std::string("none found") : api.problem) + "); " +
                   deviceAdvice();
        return api.displayName + ": no output device '" + request.device + "'; " + deviceAdvice();
    }

    opened.api = api.displayName;
    opened.device = device->name;
    opened.rate = chooseRate(*device, request.rate);
    opened.deviceChannels = device->outputChannels;
    opened.hapticChannel = request.hapticChannel && device->outputChannels >= 3;
    opened.channels = std::min<int>(static_cast<int>(device->outputChannels), 2);
    const int streamChannels = opened.channels + (opened.hapticChannel ? 1 : 0);
    state_->channels = streamChannels;
    state_->sampleRate = opened.rate;
    deviceId_ = device->id;
    apiName_ = api.api;
    return openStream(request.bufferFrames, opened);
}

std::optional<std::string> AudioOutput::openStream(unsigned bufferFrames, OpenedOutput& opened) {
    opened.requestedFrames = bufferFrames;
    const auto fail = [&](const std::string& why) {
        audio_.reset();
        return opened.api + " device '" + opened.device + "' (id " + std::to_string(deviceId_) +
               ") cannot open an output stream at " + std::to_string(opened.rate) + " Hz, " +
               std::to_string(bufferFrames) + " frames: " + why + "; " + deviceAdvice();
    };
    gStreamError.store(false);
    gErrorTextReady.store(false);
    try {
        QuietStderr quiet;
        if (!audio_) audio_ = std::make_unique<RtAudio>(RtAudio::getCompiledApiByName(apiName_));
        audio_->showWarnings(false);
        RtAudio::StreamParameters out;
        out.deviceId = deviceId_;
        out.nChannels = static_cast<unsigned>(state_->channels);
        RtAudio::StreamOptions options;
        options.flags = RTAUDIO_NONINTERLEAVED;
        options.streamName = "stillpoint";
        // A busy JACK server can miss a client's first connection: try a few times, bounded.
        for (int attempt = 0;; ++attempt) {
            try {
                opened.bufferFrames = bufferFrames;
                audio_->openStream(&out, nullptr, RTAUDIO_FLOAT32, opened.rate,
                                   &opened.bufferFrames, &CallbackState::callback, state_, &options,
                                   &onStreamError);
                break;
            } catch (const RtAudioError&) {
                if (attempt == 2) throw;
                std::this_thread::sleep_for(std::chrono::milliseconds(300));
            }
        }
        if (!audio_->isStreamOpen())
            return fail(gErrorTextReady.load() ? gErrorText : "the stream did not open");
        opened.latencyFrames = audio_->getStreamLatency();
    } catch (const RtAudioError& e) {
        return fail(e.getMessage());
    }
    gStreamError.store(false);
    return std::nullopt;
}

std::optional<std::string> AudioOutput::start(Engine& engine, CallbackStats* stats) {
    state_->engine = &engine;
    state_->meters.lengthFrames.store(engine.lengthFrames(), std::memory_order_relaxed);
    state_->stats = stats;
    state_->maxBlock = engine.config().maxBlockFrames;
    state_->engineOutputs = engine.outputChannels();
    if (state_->engineOutputs > state_->channels)
        state_->hapticScratch.assign(static_cast<std::size_t>(state_->maxBlock), 0.0f);
    state_->startGain = 1.0f;
    state_->startLeadFrames = 0;
    state_->fresh.store(true, std::memory_order_release);
    try {
        audio_->startStream();
    } catch (const RtAudioError& e) {
        return "cannot start the stream: " + e.getMessage();
    }
    started_ = true;
    return std::nullopt;
}

std::optional<std::string> AudioOutput::reopen(unsigned bufferFrames, OpenedOutput& opened) {
    // Fade out; the callback says when it is silent (a lost stream never will).
    state_->fadeOut.store(true, std::memory_order_relaxed);
    const auto deadline = std::chrono::steady_clock::now() + kFadeOutWait;
    while (!state_->silent.load(std::memory_order_acquire) &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    try {
        if (audio_->isStreamRunning()) audio_->abortStream();
        if (audio_->isStreamOpen()) audio_->closeStream();
    } catch (const RtAudioError&) {
        // A stream that already failed: open a new one all the same.
    }
    state_->fadeOut.store(false, std::memory_order_relaxed);
    state_->silent.store(false, std::memory_order_relaxed);
    if (auto problem = openStream(bufferFrames, opened)) return problem;
    // Back in from silence, after the lead in which the server connects the ports.
    state_->startGain = 0.0f;
    state_->startLeadFrames = static_cast<std::int64_t>(kReopenLeadSeconds * opened.rate);
    state_->fresh.store(true, std::memory_order_release);
    try {
        audio_->startStream();
    } catch (const RtAudioError& e) {
        return "cannot start the reopened stream: " + e.getMessage();
    }
    return std::nullopt;
}

void AudioOutput::simulateUnderruns(int count) {
    state_->simulatedUnderruns.fetch_add(count, std::memory_order_relaxed);
}

void AudioOutput::stop() {
    if (!audio_) return;
    try {
        // abortStream, not stopStream: the engine has already faded to
        // silence, so nothing is left to drain, and RtAudio's JACK stopStream
        // waits on a condition without holding its mutex (ThreadSanitizer
        // reports it; a lost wake-up there hangs the player).
        if (audio_->isStreamRunning()) audio_->abortStream();
        if (audio_->isStreamOpen()) audio_->closeStream();
    } catch (const RtAudioError&) {
        // Stopping a stream that already failed: nothing more to do.
    }
    audio_.reset();
}

void AudioOutput::abandon() {
    // Never closed or freed: closing a stream whose server is gone can block,
    // and its thread may still be in the callback.
    keepUntilExit(audio_.release());
    keepUntilExit(state_);
    state_ = nullptr;
}

bool AudioOutput::lost() const {
    return started_ && (gStreamError.load() || ServerThreadGuard::serverThreadEnded() || !audio_ ||
                        !audio_->isStreamRunning());
}

std::string AudioOutput::lostReason() const {
    if (gErrorTextReady.load(std::memory_order_acquire)) return gErrorText;
    if (ServerThreadGuard::serverThreadEnded()) return "the audio server shut the stream down";
    return "the stream stopped (the device or the audio server went away)";
}

const CallbackMeters& AudioOutput::meters() const {
    return *meters_;
}

float AudioOutput::takePeakLoad() {
    return meters_->peakLoad.exchange(0.0f);
}

}  // namespace stillpoint::cli::live
