// `stillpoint haptics FILE --format ahap|android|haptic -o OUT`: the
// session's haptic track for Core Haptics, Android or Meta Haptics Studio.
#include "arguments.hpp"
#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "haptic_options.hpp"
#include "output_files.hpp"
#include "session_loader.hpp"
#include "stillpoint/haptic_export.hpp"
#include "stillpoint/output_file.hpp"

namespace stillpoint::cli {
namespace {

constexpr const char* kUsage =
    "usage: stillpoint haptics FILE --format ahap|android|haptic -o OUT [--haptic-cap 0..1]\n"
    "                          [--avoid REGION,...] [--resonance BPM] [--pace BPM] [--quiet]\n";

}  // namespace

const CommandSyntax& hapticsSyntax() {
    static const CommandSyntax syntax{"haptics",
                                      kUsage,
                                      {{"output", 'o', true},
                                       {"format", 0, true},
                                       {"quiet", 'q', false},
                                       kHapticCapOption,
                                       kAvoidOption,
                                       kResonanceOption,
                                       kPaceOption}};
    return syntax;
}

int runHaptics(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(args, hapticsSyntax().options);
    const Arguments& a = parsed.arguments;
    if (!parsed.error.empty() || a.positional.size() != 1 || !a.value("output") ||
        !a.value("format")) {
        err << "stillpoint haptics: "
            << (!parsed.error.empty()      ? parsed.error
                : a.positional.size() != 1 ? std::string("name one session file")
                : !a.value("format")
                    ? std::string("name the format with --format ahap|android|haptic")
                    : std::string("name the output file with -o OUT"))
            << '\n'
            << kUsage;
        return kExitUsage;
    }
    const auto format = hapticFormatNamed(*a.value("format"));
    if (!format) {
        err << "stillpoint haptics: --format " << *a.value("format")
            << " is not known; use ahap (Core Haptics), android (VibrationEffect waveform) or "
               "haptic (Meta Haptics Studio)\n";
        return kExitUsage;
    }
    HapticSettings settings;
    if (!readHapticOptions(a, "haptics", settings, err)) return kExitUsage;

    const std::string output = *a.value("output");
    if (!outputsMayBeWritten("haptics", {output}, commandInputs(a), err)) return kExitIo;

    auto loaded = loadProgram(a.positional.front(), planOptionsFrom(a), err);
    if (!loaded.program) return loaded.exitCode;
    // Spoken lines set the timeline's real lengths: the track must match the audio's.
    constexpr double kTrackRate = 48000.0;
    const auto program = withNarration(*loaded.program, kTrackRate, Hearing::Offline,
                                       a.has("quiet"), err, loaded.exitCode);
    if (!program) return loaded.exitCode;
    const HapticTrack track = renderHapticTrack(program, settings, kTrackRate);
    std::string error;
    if (!writeTextFile(output, exportHapticTrack(track, *format, loaded.program->title), error)) {
        err << "stillpoint haptics: " << error << '\n';
        return kExitIo;
    }
    out << output << '\n';
    return kExitOk;
}

}  // namespace stillpoint::cli
