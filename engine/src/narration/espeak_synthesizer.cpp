#include "narration/espeak_synthesizer.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <sstream>

#include "narration/espeak_process.hpp"

namespace stillpoint::narration {
namespace {

// stillpoint-espeak's exit codes (docs/espeak-helper.md).
constexpr int kExitUnknownVoice = 3;
constexpr int kExitNoData = 5;

struct EspeakState {
    std::optional<std::string> program;
    std::vector<EspeakVoice> voices;
    std::string unavailable;  ///< why there are no voices
};

/// The program and its voices, asked once per process.
const EspeakState& state() {
    static const EspeakState found = [] {
        EspeakState state;
        state.program = enabledEspeakProgram(state.unavailable);
        if (!state.program) return state;
        const ProcessOutput listed = runProgram(*state.program, {"voices"});
        if (listed.exitCode != 0) {
            state.unavailable =
                *state.program + " could not list its voices" +
                (listed.exitCode == kExitNoData ? " (install espeak-ng-data)" : "") +
                (listed.err.empty() ? "" : ": " + listed.err);
            while (!state.unavailable.empty() && state.unavailable.back() == '\n')
                state.unavailable.pop_back();
            return state;
        }
        std::istringstream lines(listed.out);
        std::string line;
        while (std::getline(lines, line)) {
            const auto tab = line.find('\t');
            const auto tab2 = tab == std::string::npos ? tab : line.find('\t', tab + 1);
            if (tab2 == std::string::npos) continue;
            state.voices.push_back(
                {line.substr(0, tab), line.substr(tab2 + 1), line.substr(tab + 1, tab2 - tab - 1)});
        }
        std::sort(state.voices.begin(), state.voices.end(),
                  [](const auto& a, const auto& b) { return a.language < b.language; });
        state.voices.erase(
            std::unique(state.voices.begin(), state.voices.end(),
                        [](const auto& a, const auto& b) { return a.language == b.language; }),
            state.voices.end());
        if (state.voices.empty()) state.unavailable = *state.program + " lists no voices";
        return state;
    }();
    return found;
}

/// A number as the program reads it, whatever the locale.
std::string number(double value) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    return std::string(text, end);
}

std::string unknownVoice(const std::string& voice) {
    return "unknown espeak voice '" + voice + "'; `stillpoint voices` lists them";
}

/// The samples after the "stillpoint-espeak 1 <rate> <count>\n" header, or
/// false when the output does not have that shape.
bool readSamples(const std::string& out, SynthesizedAudio& audio) {
    const auto newline = out.find('\n');
    if (newline == std::string::npos) return false;
    std::istringstream header(out.substr(0, newline));
    std::string name;
    int version = 0;
    double rate = 0.0;
    std::size_t count = 0;
    if (!(header >> name >> version >> rate >> count) || name != "stillpoint-espeak" ||
        version != 1 || rate <= 0.0 || out.size() - newline - 1 != count * sizeof(short))
        return false;
    audio.sampleRate = rate;
    audio.samples.resize(count);
    const char* bytes = out.data() + newline + 1;
    for (std::size_t i = 0; i < count; ++i) {
        short s = 0;
        std::memcpy(&s, bytes + i * sizeof(short), sizeof(short));
        audio.samples[i] = static_cast<float>(s) / 32768.0f;
    }
    return true;
}

}  // namespace

bool EspeakSynthesizer::available() {
    return !state().voices.empty();
}

const std::string& EspeakSynthesizer::unavailableReason() {
    return state().unavailable;
}

const std::vector<EspeakVoice>& EspeakSynthesizer::voices() {
    return state().voices;
}

SynthesizedAudio EspeakSynthesizer::say(std::string_view sentence, const VoiceRequest& request,
                                        std::string& error) {
    if (!available()) {
        error = unavailableReason();
        return {};
    }
    const auto& known = voices();
    const auto voice = std::find_if(known.begin(), known.end(), [&](const EspeakVoice& v) {
        return v.language == request.voice;
    });
    if (voice == known.end()) {
        error = unknownVoice(request.voice);
        return {};
    }
    const ProcessOutput said =
        runProgram(*state().program, {"say", voice->identifier, number(request.rate),
                                      number(request.pitchSemitones), std::string(sentence)});
    SynthesizedAudio audio;
    if (said.exitCode == kExitUnknownVoice) {
        error = unknownVoice(request.voice);
        return {};
    }
    if (said.exitCode != 0 || !readSamples(said.out, audio)) {
        error = "espeak-ng could not say '" + std::string(sentence) + "'" +
                (said.err.empty() ? "" : ": " + said.err.substr(0, said.err.find('\n')));
        return {};
    }
    return audio;
}

}  // namespace stillpoint::narration
