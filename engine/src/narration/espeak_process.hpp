// EspeakProcess: reaches espeak-ng through the stillpoint-espeak program
// (engine/espeak), never by linking it: espeak-ng is GPL-3.0 and the engine's
// libraries are not. The program runs as a child process (posix_spawn, so the
// host is never forked) only when the user turns espeak voices on with
// STILLPOINT_ESPEAK in their environment; a session file can never start it.
//   STILLPOINT_ESPEAK unset, empty, off or 0  espeak voices are off
//   STILLPOINT_ESPEAK=on (or 1)               stillpoint-espeak beside the running
//                                             program, else on PATH
//   STILLPOINT_ESPEAK=/path/to/stillpoint-espeak  that program
// The pipe protocol is in docs/espeak-helper.md. Control thread only.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace stillpoint::narration {

/// What the program wrote and how it ended.
struct ProcessOutput {
    int exitCode = -1;  ///< -1 when it could not start or was killed
    std::string out;    ///< everything on stdout
    std::string err;    ///< everything on stderr
};

/// The stillpoint-espeak program the user enabled, or nullopt with `why`
/// set to what is wrong and how to turn it on.
std::optional<std::string> enabledEspeakProgram(std::string& why);

/// Runs `program` with `arguments` (stdin empty) and collects its output.
ProcessOutput runProgram(const std::string& program, const std::vector<std::string>& arguments);

}  // namespace stillpoint::narration
