#include "narration/espeak_synthesizer.hpp"

#if STILLPOINT_WITH_ESPEAK

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <mutex>

namespace stillpoint::narration {
namespace {

constexpr double kDefaultWordsPerMinute = 175.0;  // espeak-ng's own rate
constexpr unsigned kNoiseSeed = 20250101u;        // breathy voices draw from rand()

// Exit codes of the child that speaks one sentence.
constexpr int kChildUnknownVoice = 3;
constexpr int kChildFailed = 4;

std::mutex& espeakMutex() {
    static std::mutex mutex;
    return mutex;
}

std::vector<short>* collected = nullptr;  // the child's samples

int collect(short* samples, int count, espeak_EVENT*) {
    if (samples != nullptr && count > 0)
        collected->insert(collected->end(), samples, samples + count);
    return 0;
}

/// espeak-ng's sample rate once initialised (synchronous output, our
/// callback), or 0 when its data cannot be loaded. Called under the mutex.
int initialised() {
    static const int rate = [] {
        espeak_ng_InitializePath(nullptr);
        if (espeak_ng_Initialize(nullptr) != ENS_OK) return 0;
        if (espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr) != ENS_OK) return 0;
        espeak_SetSynthCallback(collect);
        return espeak_ng_GetSampleRate();
    }();
    return rate;
}

bool writeAll(int fd, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t wrote = ::write(fd, bytes, size);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) return false;
        bytes += wrote;
        size -= static_cast<std::size_t>(wrote);
    }
    return true;
}

/// In the child: speak and write the samples to `fd`; never returns.
[[noreturn]] void speakInChild(int fd, const std::string& text, const std::string& identifier,
                               const VoiceRequest& request) {
    std::vector<short> samples;
    collected = &samples;
    if (espeak_SetVoiceByName(identifier.c_str()) != EE_OK) ::_exit(kChildUnknownVoice);
    const double wpm = kDefaultWordsPerMinute * std::max(request.rate, 0.1);
    espeak_SetParameter(espeakRATE, static_cast<int>(std::lround(wpm)), 0);
    // 50 is the voice's own pitch; each side spans one octave in 50 steps.
    const double pitch = std::clamp(50.0 + request.pitchSemitones * 50.0 / 12.0, 0.0, 100.0);
    espeak_SetParameter(espeakPITCH, static_cast<int>(std::lround(pitch)), 0);
    const double range = 50.0 * std::pow(2.0, request.pitchSemitones / 12.0);
    espeak_SetParameter(espeakRANGE, static_cast<int>(std::lround(range)), 0);
    std::srand(kNoiseSeed);
    if (espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                     nullptr) != EE_OK)
        ::_exit(kChildFailed);
    const bool ok = writeAll(fd, samples.data(), samples.size() * sizeof(short));
    ::_exit(ok ? 0 : kChildFailed);
}

}  // namespace

bool EspeakSynthesizer::available() {
    std::lock_guard lock(espeakMutex());
    return initialised() > 0;
}

const std::vector<EspeakVoice>& EspeakSynthesizer::voices() {
    static const std::vector<EspeakVoice> list = [] {
        std::vector<EspeakVoice> found;
        std::lock_guard lock(espeakMutex());
        if (initialised() <= 0) return found;
        for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v != nullptr && *v != nullptr;
             ++v) {
            // `languages` is a priority byte, then the language, NUL-terminated.
            if ((*v)->languages == nullptr || (*v)->languages[0] == 0) continue;
            found.push_back({(*v)->languages + 1, (*v)->name ? (*v)->name : "",
                             (*v)->identifier ? (*v)->identifier : ""});
        }
        std::sort(found.begin(), found.end(),
                  [](const auto& a, const auto& b) { return a.language < b.language; });
        found.erase(
            std::unique(found.begin(), found.end(),
                        [](const auto& a, const auto& b) { return a.language == b.language; }),
            found.end());
        return found;
    }();
    return list;
}

SynthesizedAudio EspeakSynthesizer::say(std::string_view sentence, const VoiceRequest& request,
                                        std::string& error) {
    const auto& known = voices();  // before the lock: it takes it too
    const auto voice = std::find_if(known.begin(), known.end(), [&](const EspeakVoice& v) {
        return v.language == request.voice;
    });
    if (voice == known.end()) {
        error = "unknown espeak voice '" + request.voice + "'; `stillpoint voices` lists them";
        return {};
    }
    std::lock_guard lock(espeakMutex());
    const int rate = initialised();
    if (rate <= 0) {
        error = "espeak-ng could not load its data (espeak-ng-data); install espeak-ng-data";
        return {};
    }
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
        error = "espeak-ng: cannot open a pipe";
        return {};
    }
    const std::string text(sentence);
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(pipeFds[0]);
        speakInChild(pipeFds[1], text, voice->identifier, request);
    }
    ::close(pipeFds[1]);
    if (child < 0) {
        ::close(pipeFds[0]);
        error = "espeak-ng: cannot start the synthesis";
        return {};
    }
    std::vector<char> bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(pipeFds[0], buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        bytes.insert(bytes.end(), buffer, buffer + got);
    }
    ::close(pipeFds[0]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        error = WIFEXITED(status) && WEXITSTATUS(status) == kChildUnknownVoice
                    ? "unknown espeak voice '" + request.voice + "'; `stillpoint voices` lists them"
                    : "espeak-ng could not say '" + text + "'";
        return {};
    }
    SynthesizedAudio audio;
    audio.sampleRate = rate;
    audio.samples.resize(bytes.size() / sizeof(short));
    for (std::size_t i = 0; i < audio.samples.size(); ++i) {
        short s = 0;
        std::copy_n(bytes.data() + i * sizeof(short), sizeof(short), reinterpret_cast<char*>(&s));
        audio.samples[i] = static_cast<float>(s) / 32768.0f;
    }
    return audio;
}

}  // namespace stillpoint::narration

#else  // built without espeak-ng

namespace stillpoint::narration {

bool EspeakSynthesizer::available() {
    return false;
}

const std::vector<EspeakVoice>& EspeakSynthesizer::voices() {
    static const std::vector<EspeakVoice> none;
    return none;
}

SynthesizedAudio EspeakSynthesizer::say(std::string_view, const VoiceRequest&, std::string& error) {
    error =
        "this build has no espeak-ng (configure with -DSTILLPOINT_WITH_ESPEAK=ON); use a "
        "flite voice";
    return {};
}

}  // namespace stillpoint::narration

#endif
