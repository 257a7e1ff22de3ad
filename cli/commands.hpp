// The `stillpoint` subcommands. Each takes its arguments (after the command
// name) and writes to the given streams, so tests can run them in-process.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace stillpoint::cli {

using Args = std::vector<std::string>;

int runCheck(const Args& args, std::ostream& out, std::ostream& err);
int runInfo(const Args& args, std::ostream& out, std::ostream& err);
int runRender(const Args& args, std::ostream& out, std::ostream& err);
int runCompile(const Args& args, std::ostream& out, std::ostream& err);
int runRenderBatch(const Args& args, std::ostream& out, std::ostream& err);
int runHaptics(const Args& args, std::ostream& out, std::ostream& err);
int runPresets(const Args& args, std::ostream& out, std::ostream& err);
int runPlay(const Args& args, std::ostream& out, std::ostream& err);
int runDevices(const Args& args, std::ostream& out, std::ostream& err);
int runCaptions(const Args& args, std::ostream& out, std::ostream& err);
int runVoices(const Args& args, std::ostream& out, std::ostream& err);
int runVoicePack(const Args& args, std::ostream& out, std::ostream& err);
int runResonance(const Args& args, std::ostream& out, std::ostream& err);
int runSessions(const Args& args, std::ostream& out, std::ostream& err);

/// Dispatch `stillpoint ARGS...` (without the program name).
int runCommandLine(const Args& args, std::ostream& out, std::ostream& err);
/// The text `stillpoint --help` prints.
std::string helpText();

}  // namespace stillpoint::cli
