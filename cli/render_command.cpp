// `stillpoint render FILE -o OUT`: a session to a WAV, FLAC, Ogg, Opus or MP3 file.
#include <cstdio>
#include <iomanip>

#include "arguments.hpp"
#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "live/stop_signals.hpp"
#include "output_files.hpp"
#include "progress_bar.hpp"
#include "render_job.hpp"
#include "session_finder.hpp"
#include "session_loader.hpp"
#include "stillpoint/offline_render.hpp"
#include "time_format.hpp"

namespace stillpoint::cli {
namespace {

constexpr const char* kUsage =
    "usage: stillpoint render FILE|NAME -o OUT.wav|.flac|.ogg|.opus|.mp3\n"
    "                         [--rate 44100|48000|88200|96000|176400|192000] [--channels 1|2]\n"
    "                         [--haptic-channel lra|shaker] [--haptic-cap 0..1]\n"
    "                         [--avoid REGION,...] [--captions vtt|srt] [--voice [ENGINE:]NAME]\n"
    "                         [--voice-pack DIR] [--resonance BPM] [--profile FILE] [--pace BPM]\n"
    "                         [--quiet]\n";

}  // namespace

const CommandSyntax& renderSyntax() {
    static const CommandSyntax syntax = [] {
        // --profile is render's own: a manifest row gives `resonance`, so its
        // content key is the pace itself, never a file that may change.
        std::vector<OptionSpec> options{
            {"output", 'o', true}, {"quiet", 'q', false}, kProfileOption};
        options.insert(options.end(), renderSettingOptions().begin(), renderSettingOptions().end());
        return CommandSyntax{"render", kUsage, std::move(options)};
    }();
    return syntax;
}

int runRender(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(args, renderSyntax().options);
    Arguments a = parsed.arguments;
    if (!parsed.error.empty() || a.positional.size() != 1 || !a.value("output")) {
        err << "stillpoint render: "
            << (!parsed.error.empty()      ? parsed.error
                : a.positional.size() != 1 ? std::string("name one session file")
                                           : std::string("name the output file with -o OUT.wav"))
            << '\n'
            << kUsage;
        return kExitUsage;
    }
    RenderSettings settings;
    std::string problem = readRenderSettings(a, settings);
    if (problem.empty()) problem = readProfileOption(a, settings.plan);
    if (!problem.empty()) {
        err << "stillpoint render: " << problem << '\n';
        return kExitUsage;
    }
    const std::string output = *a.value("output");
    if (!audioFileFormatFor(output)) {
        err << "stillpoint render: " << output << ": unknown output format; use a name ending in "
            << kAudioFileExtensions << '\n';
        return kExitUsage;
    }
    // A session's name (`stillpoint sessions`) or its file; a file of that name wins.
    const auto session = sessionPathFor(a.positional.front(), "render", err);
    if (!session) return kExitIo;
    a.positional.front() = *session;
    RenderJob job{*session, output, settings, commandInputs(a)};

    const bool quiet = a.has("quiet");
    ProgressBar bar(stderr, "rendering");
    // Ctrl-C or SIGTERM stops the render cleanly: its temporary is removed.
    const live::StopSignals stopSignals;
    const RenderJobOutcome outcome = renderJob(
        job, "render", quiet,
        [&](double fraction) {
            if (!quiet) bar.update(fraction);
            return !live::StopSignals::requested();
        },
        err);
    bar.finish();
    if (outcome.exitCode != kExitOk) return outcome.exitCode;
    const double wall = outcome.renderSeconds;
    const EngineConfig& config = job.settings.config;
    if (!quiet) {
        err << "rendered " << formatClock(outcome.audioSeconds) << " at " << config.sampleRate
            << " Hz, " << config.channels << " ch"
            << (config.haptics.signal != HapticSignal::None ? " + haptic" : "") << ", in "
            << std::fixed << std::setprecision(2) << wall << " s (" << std::setprecision(0)
            << outcome.audioSeconds / std::max(wall, 1e-9) << "x real time); loudness gain "
            << std::showpos << std::setprecision(1) << outcome.calibrationGainDb << std::noshowpos
            << " dB\n";
    }
    for (const std::string& path : outcome.written) out << path << '\n';
    return kExitOk;
}

}  // namespace stillpoint::cli
