// `stillpoint captions FILE -o OUT.vtt|.srt`: the spoken lines with their times.
#include "arguments.hpp"
#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "output_files.hpp"
#include "session_loader.hpp"
#include "stillpoint/captions.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/offline_render.hpp"
#include "stillpoint/output_file.hpp"

namespace stillpoint::cli {
namespace {

constexpr const char* kUsage =
    "usage: stillpoint captions FILE -o OUT.vtt|.srt [--rate HZ] [--avoid REGION,...]\n"
    "                           [--voice [ENGINE:]NAME] [--voice-pack DIR] [--resonance BPM]\n"
    "                           [--pace BPM] [--quiet]\n";

}  // namespace

const CommandSyntax& captionsSyntax() {
    static const CommandSyntax syntax{"captions",
                                      kUsage,
                                      {{"output", 'o', true},
                                       {"rate", 0, true},
                                       {"quiet", 'q', false},
                                       kAvoidOption,
                                       kResonanceOption,
                                       kPaceOption,
                                       kVoiceOption,
                                       kVoicePackOption}};
    return syntax;
}

int runCaptions(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(args, captionsSyntax().options);
    const Arguments& a = parsed.arguments;
    if (!parsed.error.empty() || a.positional.size() != 1 || !a.value("output")) {
        err << "stillpoint captions: "
            << (!parsed.error.empty()      ? parsed.error
                : a.positional.size() != 1 ? std::string("name one session file")
                                           : std::string("name the output file with -o OUT.vtt"))
            << '\n'
            << kUsage;
        return kExitUsage;
    }
    const std::string output = *a.value("output");
    const auto format = captionFormatFor(output);
    if (!format) {
        err << "stillpoint captions: " << output
            << ": unknown caption format; use a name ending in .vtt or .srt\n";
        return kExitUsage;
    }
    EngineConfig config;
    if (auto rate = a.value("rate")) {
        try {
            config.sampleRate = std::stod(*rate);
        } catch (const std::exception&) {
            config.sampleRate = 0.0;
        }
        if (!(config.sampleRate >= 8000.0 && config.sampleRate <= 384000.0)) {
            err << "stillpoint captions: --rate " << *rate
                << " is not a sample rate; use e.g. 48000\n";
            return kExitUsage;
        }
    }

    if (!outputsMayBeWritten("captions", {output}, commandInputs(a), err)) return kExitIo;

    auto loaded = loadProgram(a.positional.front(), planOptionsFrom(a), err);
    if (!loaded.program) return loaded.exitCode;
    const auto program = withNarration(*loaded.program, config.sampleRate, Hearing::Offline,
                                       a.has("quiet"), err, loaded.exitCode, voicePackFrom(a));
    if (!program) return loaded.exitCode;
    // Times come from the engine itself, as a render at this rate hears them.
    const auto captions =
        captionsFrom(*program, renderProgramEvents(program, config), config.sampleRate);
    std::string error;
    if (!writeTextFile(output, formatCaptions(captions, config.sampleRate, *format), error)) {
        err << "stillpoint captions: " << error << '\n';
        return kExitIo;
    }
    out << output << '\n';
    return kExitOk;
}

const CommandSyntax& voicesSyntax() {
    static const CommandSyntax syntax{"voices", "usage: stillpoint voices\n", {}};
    return syntax;
}

int runVoices(const Args& args, std::ostream& out, std::ostream& err) {
    if (refuseArguments(voicesSyntax(), args, err)) return kExitUsage;
    bool espeak = false;
    for (const AvailableVoice& voice : availableVoices()) {
        espeak = espeak || voice.engine == SpeechEngine::Espeak;
        const std::string name = qualifiedName(voice);
        std::string about = voice.description;
        if (voice.isDefault)
            about += (about.empty() ? "" : " ") + std::string("(the engine's default)");
        out << name;
        if (!about.empty())
            out << std::string(name.size() < 24 ? 25 - name.size() : 1, ' ') << about;
        out << '\n';
    }
    if (!espeak) out << "(espeak voices: " << espeakUnavailableReason() << ")\n";
    return kExitOk;
}

}  // namespace stillpoint::cli
