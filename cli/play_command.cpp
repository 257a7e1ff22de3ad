// `stillpoint play FILE`: a session in real time through RtAudio, steered
// live from the keyboard and from a control script (see live/).
//
// Threads: this is the control thread. The audio thread only runs the
// engine inside AudioOutput's callback.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <sstream>

#include "arguments.hpp"
#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "haptic_options.hpp"
#include "live/audio_output.hpp"
#include "live/callback_stats.hpp"
#include "live/command_help.hpp"
#include "live/control_loop.hpp"
#include "live/controller_rumble.hpp"
#include "live/heart_input.hpp"
#include "live/keep_until_exit.hpp"
#include "live/key_controls.hpp"
#include "live/server_thread_guard.hpp"
#include "output_files.hpp"
#include "session_finder.hpp"
#include "session_loader.hpp"
#include "stillpoint/session_preparation.hpp"
#include "stillpoint/unsafe_characters.hpp"
#include "time_format.hpp"

namespace stillpoint::cli {
namespace {

using namespace live;

constexpr const char* kUsage =
    "usage: stillpoint play FILE [--api jack|alsa|pulse] [--device N|NAME] [--rate R]\n"
    "                            [--buffer FRAMES] [--control FILE_OR_FIFO] [--avoid REGION,...]\n"
    "                            [--events FILE] [--callback-stats FILE]\n"
    "                            [--haptic-channel lra|shaker] [--haptic-cap 0..1] [--rumble]\n"
    "                            [--voice [ENGINE:]NAME] [--voice-pack DIR]\n"
    "                            [--heart FILE|FIFO|-] [--resonance BPM] [--profile FILE]\n"
    "                            [--pace BPM]\n";

// For listening: ~21 ms at 48 kHz costs a meditation nothing and rides out a
// busy machine; lower latency is --buffer's to ask for.
constexpr unsigned kDefaultBuffer = 1024;
constexpr int kMinEngineBlock =
    4096;  // JACK may grow its period mid-stream; the callback splits larger ones

bool parseUnsigned(const std::string& text, unsigned low, unsigned high, unsigned& value) {
    try {
        std::size_t used = 0;
        const unsigned long v = std::stoul(text, &used);
        if (used != text.size() || v < low || v > high) return false;
        value = static_cast<unsigned>(v);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

/// STILLPOINT_SIMULATE_UNDERRUNS=AT_SECONDS:COUNT, for the tests of what
/// repeated underruns make the player do; unset in normal use.
std::optional<SimulatedUnderruns> simulatedUnderruns() {
    const char* text = std::getenv("STILLPOINT_SIMULATE_UNDERRUNS");
    SimulatedUnderruns s;
    if (!text || std::sscanf(text, "%lf:%d", &s.atSeconds, &s.count) != 2) return std::nullopt;
    return s;
}

int usage(std::ostream& err, const std::string& problem) {
    err << "stillpoint play: " << problem << '\n' << kUsage;
    return kExitUsage;
}

std::string latencyText(const OpenedOutput& o) {
    std::ostringstream text;
    text << "output latency " << o.latencyFrames << " frames (" << std::fixed
         << std::setprecision(1) << 1000.0 * static_cast<double>(o.latencyFrames) / o.rate
         << " ms)";
    return text.str();
}

}  // namespace

const CommandSyntax& playSyntax() {
    static const CommandSyntax syntax{"play",
                                      kUsage,
                                      {{"api", 0, true},
                                       {"device", 0, true},
                                       {"rate", 0, true},
                                       {"buffer", 0, true},
                                       {"control", 0, true},
                                       {"events", 0, true},
                                       {"callback-stats", 0, true},
                                       kAvoidOption,
                                       kResonanceOption,
                                       kProfileOption,
                                       kPaceOption,
                                       kHapticChannelOption,
                                       kHapticCapOption,
                                       {"rumble", 0, false},
                                       kVoiceOption,
                                       kVoicePackOption,
                                       {"heart", 0, true}}};
    return syntax;
}

int runPlay(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(args, playSyntax().options);
    Arguments a = parsed.arguments;
    if (!parsed.error.empty()) return usage(err, parsed.error);
    if (a.positional.size() != 1) return usage(err, "name one session file");
    const auto session = sessionPathFor(a.positional.front(), "play", err);
    if (!session) return kExitIo;
    a.positional.front() = *session;

    OutputRequest request;
    request.api = a.value("api").value_or("");
    request.device = a.value("device").value_or("");
    request.bufferFrames = kDefaultBuffer;
    if (auto rate = a.value("rate"); rate && !parseUnsigned(*rate, 8000, 384000, request.rate))
        return usage(err, "--rate " + *rate + " is not a sample rate; use e.g. 44100 or 48000");
    if (auto buffer = a.value("buffer");
        buffer && !parseUnsigned(*buffer, 16, 8192, request.bufferFrames))
        return usage(err, "--buffer " + *buffer +
                              " is not a frame count from 16 to 8192; use e.g. 256 or 1024");
    HapticSettings haptics;
    if (!readHapticOptions(a, "play", haptics, err)) return kExitUsage;
    request.hapticChannel = haptics.signal != HapticSignal::None;

    // A control file is read and checked before any sound starts.
    std::unique_ptr<ControlScriptReader> script;
    if (auto path = a.value("control")) {
        script = std::make_unique<ControlScriptReader>();
        std::string problem;
        if (!script->open(*path, problem)) {
            err << "stillpoint play: " << problem << '\n';
            return kExitIo;
        }
        std::vector<std::string> problems;
        script->poll(problems);
        if (auto more = script->refusalSummary(RefusalLog::Clock::now(), true))
            problems.push_back(*more);
        for (const auto& text : problems) err << text << '\n';
        if (!problems.empty() && !script->isFifo()) {
            err << "control lines are: " << controlScriptSyntax() << '\n';
            return kExitUsage;
        }
    }
    // Checked before any sound: the log streams (a pipe is fine), the stats
    // file is replaced when the session ends.
    if (const auto path = a.value("events");
        path && !outputsMayBeWritten("play", {*path}, commandInputs(a), err, OutputWrite::Stream))
        return kExitIo;
    if (const auto path = a.value("callback-stats");
        path && !outputsMayBeWritten("play", {*path}, commandInputs(a), err))
        return kExitIo;
    EventLog events;
    if (!events.open(a.value("events").value_or(""))) {
        err << "stillpoint play: cannot write " << *a.value("events") << '\n';
        return kExitIo;
    }

    std::unique_ptr<HeartInput> heart;
    if (auto source = a.value("heart")) {
        heart = std::make_unique<HeartInput>();
        std::string problem;
        if (!heart->open(*source, problem)) {
            err << "stillpoint play: " << problem << '\n';
            return kExitIo;
        }
    }

    PlanOptions plan = planOptionsFrom(a);
    if (const std::string problem = readProfileOption(a, plan); !problem.empty()) {
        err << "stillpoint play: " << problem << '\n';
        return kExitUsage;
    }
    auto loaded = loadProgram(a.positional.front(), plan, err);
    if (!loaded.program) return loaded.exitCode;

    // Before the stream opens: a server that dies mid-play ends in "lost", never an abort.
    const ServerThreadGuard serverThreadGuard;
    AudioOutput output;
    OpenedOutput opened;
    if (auto problem = output.open(request, opened)) {
        err << "stillpoint play: " << *problem << '\n';
        return kExitNoDevice;
    }

    if (request.hapticChannel && !opened.hapticChannel)
        err << "stillpoint play: note: " << opened.api << " '" << opened.device << "' has "
            << opened.deviceChannels
            << " output channel(s), so there is no third one for the haptic track; it is not "
               "played "
               "(pick a device with 3 or more outputs with --device, or write it to a file with "
               "'stillpoint render FILE -o OUT.wav --haptic-channel lra')\n";
    // Rumble reads the haptic track; it needs one even without a haptic channel.
    ControllerRumble rumble;
    bool rumbling = false;
    if (a.has("rumble")) {
        std::string message;
        rumbling = rumble.open(message);
        err << "stillpoint play: " << (rumbling ? "" : "note: ") << message << '\n';
    }
    // The actuator asked for on a haptic channel; else, for rumble, the
    // track without a channel of its own.
    if (!opened.hapticChannel)
        haptics.signal = rumbling ? HapticSignal::Envelope : HapticSignal::None;
    // The engine is leaked with the stream if the device is lost mid-play.
    auto engine = std::make_unique<Engine>();
    EngineConfig config;
    config.sampleRate = opened.rate;
    config.channels = opened.channels;
    config.haptics = haptics;
    config.maxBlockFrames = std::max<int>(kMinEngineBlock, static_cast<int>(opened.bufferFrames));
    // A checkin waits for the listener when someone can say go on: a key on
    // the terminal or a control input. Otherwise its set time passes.
    config.waitAtCheckins = ::isatty(STDIN_FILENO) != 0 || script != nullptr;

    // The voice is made at the device's rate on a worker while the session
    // plays, in the order it is heard (from the cache when it is there): the
    // stream starts at once, the fade-in and the bed covering the first lines.
    PreparationSettings preparing;
    preparing.engine = config;
    preparing.narration.sampleRate = opened.rate;
    preparing.narration.narrateGrounding = true;
    preparing.narration.voicePack = voicePackFrom(a);
    // Declared after the engine: its worker stops before the engine goes.
    SessionPreparation preparation(*loaded.program, preparing);
    engine->load(preparation.initialProgram());
    config.calibrateLoudness = false;  // the preparation measures; silence until it has
    config.holdForLoudnessGains = true;
    engine->prepare(config);
    const bool terminal = ::isatty(STDERR_FILENO) != 0;

    std::unique_ptr<CallbackStats> stats;
    if (a.value("callback-stats")) {
        const auto expected = engine->lengthFrames() / std::max(1u, opened.bufferFrames);
        stats = std::make_unique<CallbackStats>(
            static_cast<std::size_t>(std::min<std::int64_t>(expected * 2 + 10000, 1 << 23)));
    }

    if (terminal) {
        err << escapeForDisplay(loaded.program->title) << " on " << opened.api << " '"
            << escapeForDisplay(opened.device) << "', " << opened.rate << " Hz, "
            << opened.bufferFrames << "-frame buffer, " << latencyText(opened) << '\n'
            << keyHelp() << '\n';
    }
    if (rumbling) rumble.follow(*engine);
    if (auto problem = output.start(*engine, stats.get())) {
        err << "stillpoint play: " << opened.api << " '" << opened.device << "': " << *problem
            << '\n';
        return kExitNoDevice;
    }
    preparation.startFeeding(*engine);

    LiveController controller(*engine, preparation.initialProgram(), opened.rate);
    LoopParts parts{*engine,
                    output,
                    opened,
                    controller,
                    script.get(),
                    events,
                    static_cast<double>(opened.rate),
                    simulatedUnderruns(),
                    heart.get(),
                    &preparation};
    if (heart) heart->follow(loaded.program, opened.rate);
    const LoopResult result = runControlLoop(parts, err);
    // A JACK thread cancelled in the middle of printing to the same stream
    // (server_thread_guard.hpp) leaves it failed, and a failed stream drops
    // every later write: what follows must still be said.
    err.clear();

    const auto& meters = output.meters();
    const double played = static_cast<double>(meters.framesPlayed.load()) / opened.rate;
    rumble.stop();
    if (result.end == LoopEnd::PreparationFailed) {
        output.stop();
        err << escapeForDisplay(result.lostReason) << '\n';
        return preparation.report().badInput ? kExitIo : kExitInternal;
    }
    if (result.end == LoopEnd::DeviceLost) {
        output.abandon();
        keepUntilExit(engine.release());  // the abandoned stream's callback may still use it
        err << "stillpoint play: lost the output " << opened.api << " '" << opened.device
            << "' after " << formatClock(played) << ": " << result.lostReason
            << "; check the device or restart the audio server, then play again\n";
    } else {
        output.stop();
    }

    const auto underruns = meters.underruns.load();
    err << "stillpoint play: "
        << (result.end == LoopEnd::Finished  ? "finished"
            : result.end == LoopEnd::Stopped ? "stopped"
                                             : "lost")
        << " after " << formatClock(played) << " on " << opened.api << " '" << opened.device
        << "' at " << opened.rate << " Hz, " << opened.bufferFrames << "-frame buffer, "
        << latencyText(opened) << "; underruns " << underruns << "; DSP load max " << std::fixed
        << std::setprecision(1) << 100.0 * meters.maxLoad.load() << "%\n";

    if (heart) err << "stillpoint play: " << heart->summary() << '\n';

    if (stats) {
        std::ostringstream text;
        text << "buffer " << opened.bufferFrames << " rate " << opened.rate << ' '
             << describe(stats->summarize()) << '\n';
        std::string error;
        if (!writeTextFile(*a.value("callback-stats"), text.str(), error)) {
            err << "stillpoint play: " << error << '\n';
            return kExitIo;
        }
    }
    (void)out;
    return result.end == LoopEnd::DeviceLost ? kExitDeviceLost : kExitOk;
}

}  // namespace stillpoint::cli
