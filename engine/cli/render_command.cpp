// `stillpoint render FILE -o OUT`: a session to a WAV, FLAC or Ogg file.
#include <chrono>
#include <cstdio>
#include <iomanip>

#include "arguments.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "haptic_options.hpp"
#include "live/stop_signals.hpp"
#include "output_files.hpp"
#include "progress_bar.hpp"
#include "session_loader.hpp"
#include "stillpoint/captions.hpp"
#include "stillpoint/offline_render.hpp"
#include "stillpoint/output_file.hpp"
#include "time_format.hpp"

namespace stillpoint::cli {
namespace {

constexpr const char* kUsage =
    "usage: stillpoint render FILE -o OUT.wav|.flac|.ogg [--rate 44100|48000|88200|96000|192000]\n"
    "                         [--channels 1|2] [--haptic-channel lra|shaker] [--haptic-cap 0..1]\n"
    "                         [--avoid REGION,...] [--captions vtt|srt] [--voice [ENGINE:]NAME]\n"
    "                         [--voice-pack DIR] [--quiet]\n";

bool parseRate(const std::string& text, double& rate) {
    for (const int allowed : {44100, 48000, 88200, 96000, 176400, 192000}) {
        if (text == std::to_string(allowed)) {
            rate = allowed;
            return true;
        }
    }
    return false;
}

/// OUT.wav -> OUT.vtt (or .srt): captions go beside the audio.
std::string captionPathBeside(const std::string& audioPath, const std::string& extension) {
    const auto dot = audioPath.rfind('.');
    return audioPath.substr(0, dot) + "." + extension;
}

}  // namespace

int runRender(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(args, {{"output", 'o', true},
                                              {"rate", 0, true},
                                              {"channels", 0, true},
                                              {"quiet", 'q', false},
                                              {"captions", 0, true},
                                              kAvoidOption, kResonanceOption,
                                              kVoiceOption,
                                              kVoicePackOption,
                                              kHapticChannelOption,
                                              kHapticCapOption});
    const Arguments& a = parsed.arguments;
    if (!parsed.error.empty() || a.positional.size() != 1 || !a.value("output")) {
        err << "stillpoint render: "
            << (!parsed.error.empty()      ? parsed.error
                : a.positional.size() != 1 ? std::string("name one session file")
                                           : std::string("name the output file with -o OUT.wav"))
            << '\n'
            << kUsage;
        return kExitUsage;
    }
    const std::string output = *a.value("output");
    EngineConfig config;
    if (auto rate = a.value("rate"); rate && !parseRate(*rate, config.sampleRate)) {
        err << "stillpoint render: --rate " << *rate
            << " is not supported; use 44100, 48000, 88200, 96000, 176400 or 192000\n";
        return kExitUsage;
    }
    if (auto channels = a.value("channels")) {
        if (*channels != "1" && *channels != "2") {
            err << "stillpoint render: --channels " << *channels << " is not supported; use 1 or 2\n";
            return kExitUsage;
        }
        config.channels = std::stoi(*channels);
    }
    if (!readHapticOptions(a, "render", config.haptics, err)) return kExitUsage;
    if (a.value("haptic-cap") && config.haptics.signal == HapticSignal::None) {
        err << "stillpoint render: --haptic-cap needs --haptic-channel lra|shaker\n" << kUsage;
        return kExitUsage;
    }
    if (!audioFileFormatFor(output)) {
        err << "stillpoint render: " << output
            << ": unknown output format; use a name ending in .wav, .flac or .ogg\n";
        return kExitUsage;
    }

    const auto captions = a.value("captions");
    if (captions && !captionFormatFor("." + *captions)) {
        err << "stillpoint render: --captions " << *captions << " is not a caption format; use vtt or srt\n";
        return kExitUsage;
    }

    // Checked before any work: a render may take minutes.
    std::vector<std::string> outputs{output};
    if (captions) outputs.push_back(captionPathBeside(output, *captions));
    if (!outputsMayBeWritten("render", outputs, commandInputs(a), err)) return kExitIo;

    const bool quiet = a.has("quiet");
    auto loaded = loadProgram(a.positional.front(), planOptionsFrom(a), err);
    if (!loaded.program) return loaded.exitCode;
    const auto program = withNarration(*loaded.program, config.sampleRate, Hearing::Offline, quiet, err, loaded.exitCode,
                                       voicePackFrom(a));
    if (!program) return loaded.exitCode;

    ProgressBar bar(stderr, "rendering");
    const auto started = std::chrono::steady_clock::now();
    // Ctrl-C or SIGTERM stops the render cleanly: its temporary is removed.
    const live::StopSignals stopSignals;
    const auto result = renderProgramToFile(program, config, output, [&](double fraction) {
        if (!quiet) bar.update(fraction);
        return !live::StopSignals::requested();
    });
    bar.finish();
    if (result.interrupted) {
        err << "stillpoint render: " << result.error << '\n';
        return kExitInterrupted;
    }
    if (!result.ok) {
        err << "stillpoint render: " << result.error << '\n';
        return kExitIo;
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double seconds = static_cast<double>(result.frames) / config.sampleRate;
    if (!quiet) {
        err << "rendered " << formatClock(seconds) << " at " << config.sampleRate << " Hz, "
            << config.channels << " ch"
            << (config.haptics.signal != HapticSignal::None ? " + haptic" : "") << ", in " << std::fixed << std::setprecision(2) << wall
            << " s (" << std::setprecision(0) << seconds / std::max(wall, 1e-9)
            << "x real time); loudness gain " << std::showpos << std::setprecision(1)
            << result.calibrationGainDb << std::noshowpos << " dB\n";
    }
    out << output << '\n';
    if (captions) {
        const std::string path = captionPathBeside(output, *captions);
        std::string error;
        const auto text = formatCaptions(captionsFrom(*program, result.events, config.sampleRate),
                                         config.sampleRate, *captionFormatFor(path));
        if (!writeTextFile(path, text, error)) {
            err << "stillpoint render: " << error << '\n';
            return kExitIo;
        }
        out << path << '\n';
    }
    return kExitOk;
}

}  // namespace stillpoint::cli
