// Dispatch of `stillpoint COMMAND ...` and the help text.
#include <iomanip>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "stillpoint/breath_pattern.hpp"
#include "stillpoint/nearest_name.hpp"

namespace stillpoint::cli {

std::string helpText() {
    return R"(stillpoint - guided breathing and body-scan sessions

usage: stillpoint COMMAND [ARGS]

commands:
  check FILE... [--avoid REGION,...]
        Validate session files. Every problem is printed as
        file:line:column: error: what is wrong; what would be right.
  info FILE [--avoid REGION,...]
        Print the planned timeline: sections, steps, start times,
        breath counts and the total length.
  render FILE -o OUT.wav|.flac|.ogg [--rate HZ] [--channels 1|2]
         [--avoid REGION,...] [--quiet]
        Render a session to an audio file (default 48000 Hz, stereo),
        loudness-calibrated to -16 LUFS with a -1 dBTP true-peak ceiling.
        The file appears under its name only when complete.
        Rates: 44100 48000 88200 96000 176400 192000.
  presets
        List the built-in breath patterns.
  help, --help, -h
        This text.
  version, --version
        The version.

options:
  --avoid REGION,...   leave these body regions out of every scan
                       (e.g. --avoid chest,throat)

exit codes:
  0 ok, 1 the session has errors, 2 usage error, 3 a file could not be
  read or written, 70 internal error.

Session format reference: docs/session-format.md
)";
}

int runPresets(const Args&, std::ostream& out, std::ostream&) {
    for (const auto& p : breathPresets()) {
        out << std::left << std::setw(17) << p.name << std::right << std::fixed
            << std::setprecision(2) << std::setw(6) << p.breathsPerMinute() << "/min  ";
        for (std::size_t i = 0; i < p.segments.size(); ++i)
            out << (i ? ", " : "") << toString(p.segments[i].phase) << ' '
                << std::setprecision(2) << p.segments[i].seconds << " s";
        out << '\n';
    }
    return kExitOk;
}

int runCommandLine(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        err << helpText();
        return kExitUsage;
    }
    const std::string& command = args.front();
    const Args rest(args.begin() + 1, args.end());
    if (command == "help" || command == "--help" || command == "-h") {
        out << helpText();
        return kExitOk;
    }
    if (command == "version" || command == "--version") {
        out << "stillpoint " << STILLPOINT_VERSION_STRING << '\n';
        return kExitOk;
    }
    if (command == "check") return runCheck(rest, out, err);
    if (command == "info") return runInfo(rest, out, err);
    if (command == "render") return runRender(rest, out, err);
    if (command == "presets") return runPresets(rest, out, err);

    constexpr std::string_view commands[] = {"check", "info", "render", "presets", "help", "version"};
    err << "stillpoint: unknown command '" << command << "'";
    if (auto near = nearestName(command, commands)) err << "; did you mean '" << *near << "'?";
    err << "\nrun 'stillpoint --help' for the commands\n";
    return kExitUsage;
}

}  // namespace stillpoint::cli
