// stillpoint-espeak: espeak-ng in a process of its own. espeak-ng is GPL-3.0,
// so the libraries partners embed never link it; the narration layer runs
// this program instead (narration/espeak_process.hpp), one process per
// request, so every sentence starts from espeak-ng's freshly loaded state
// (its pitch flutter, echo buffer and gain carry over between utterances and
// cannot be reset) and a render is the same with or without the cache.
//
// The protocol (docs/espeak-helper.md):
//   stillpoint-espeak voices
//       stdout: one line per language: <language> TAB <identifier> TAB <name>
//   stillpoint-espeak say <identifier> <rate> <pitch-semitones> <text>
//       stdout: "stillpoint-espeak 1 <sample-rate> <sample-count>\n", then
//       the samples as 16-bit signed integers in the machine's byte order
// Exit codes: 0 done, 2 bad usage, 3 unknown voice, 4 synthesis failed,
// 5 espeak-ng's data could not be loaded; a one-line reason on stderr.
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitUnknownVoice = 3;
constexpr int kExitFailed = 4;
constexpr int kExitNoData = 5;

constexpr double kDefaultWordsPerMinute = 175.0;  // espeak-ng's own rate
constexpr unsigned kNoiseSeed = 20250101u;        // breathy voices draw from rand()

std::vector<short> collected;

int collect(short* samples, int count, espeak_EVENT*) {
    if (samples != nullptr && count > 0)
        collected.insert(collected.end(), samples, samples + count);
    return 0;
}

int fail(int code, const std::string& why) {
    std::fprintf(stderr, "stillpoint-espeak: %s\n", why.c_str());
    return code;
}

/// espeak-ng's sample rate (synchronous output into `collected`), or 0.
int initialise() {
    espeak_ng_InitializePath(nullptr);
    if (espeak_ng_Initialize(nullptr) != ENS_OK) return 0;
    if (espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr) != ENS_OK) return 0;
    espeak_SetSynthCallback(collect);
    return espeak_ng_GetSampleRate();
}

int listVoices() {
    for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v != nullptr && *v != nullptr; ++v) {
        // `languages` is a priority byte, then the language, NUL-terminated.
        if ((*v)->languages == nullptr || (*v)->languages[0] == 0) continue;
        std::printf("%s\t%s\t%s\n", (*v)->languages + 1, (*v)->identifier ? (*v)->identifier : "",
                    (*v)->name ? (*v)->name : "");
    }
    return std::fflush(stdout) == 0 ? 0 : kExitFailed;
}

int say(int sampleRate, const char* identifier, double rate, double semitones,
        const std::string& text) {
    if (espeak_SetVoiceByName(identifier) != EE_OK)
        return fail(kExitUnknownVoice, std::string("unknown voice '") + identifier + "'");
    const double wpm = kDefaultWordsPerMinute * std::max(rate, 0.1);
    espeak_SetParameter(espeakRATE, static_cast<int>(std::lround(wpm)), 0);
    // 50 is the voice's own pitch; each side spans one octave in 50 steps.
    const double pitch = std::clamp(50.0 + semitones * 50.0 / 12.0, 0.0, 100.0);
    espeak_SetParameter(espeakPITCH, static_cast<int>(std::lround(pitch)), 0);
    const double range = 50.0 * std::pow(2.0, semitones / 12.0);
    espeak_SetParameter(espeakRANGE, static_cast<int>(std::lround(range)), 0);
    std::srand(kNoiseSeed);
    if (espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                     nullptr) != EE_OK)
        return fail(kExitFailed, "espeak-ng could not say the text");
    std::printf("stillpoint-espeak 1 %d %zu\n", sampleRate, collected.size());
    const std::size_t wrote =
        std::fwrite(collected.data(), sizeof(short), collected.size(), stdout);
    if (wrote != collected.size() || std::fflush(stdout) != 0)
        return fail(kExitFailed, "cannot write the samples");
    return 0;
}

bool parseNumber(const char* text, double& value) {
    char* end = nullptr;
    value = std::strtod(text, &end);
    return end != text && *end == '\0' && std::isfinite(value);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string command = argc > 1 ? argv[1] : "";
    const bool isSay = command == "say" && argc == 6;
    if (!(command == "voices" && argc == 2) && !isSay)
        return fail(kExitUsage,
                    "usage: stillpoint-espeak voices | stillpoint-espeak say <voice> <rate> "
                    "<pitch-semitones> <text>");
    double rate = 1.0, semitones = 0.0;
    if (isSay && (!parseNumber(argv[3], rate) || !parseNumber(argv[4], semitones)))
        return fail(kExitUsage, "rate and pitch must be numbers");
    const int sampleRate = initialise();
    if (sampleRate <= 0)
        return fail(kExitNoData, "espeak-ng could not load its data; install espeak-ng-data");
    if (!isSay) return listVoices();
    return say(sampleRate, argv[2], rate, semitones, argv[5]);
}
