// The files a command writes, checked before it does any work, so a long
// render never ends by overwriting its own session, a pipe or a
// write-protected file (the rules are in stillpoint/output_file.hpp).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "arguments.hpp"
#include "stillpoint/output_file.hpp"

namespace stillpoint::cli {

/// What a command reads: its session file, `--voice-pack DIR`, `--control FILE`.
std::vector<std::string> commandInputs(const Arguments& arguments);

/// True when every one of `outputs` may be written; otherwise prints why to
/// `err` ("stillpoint COMMAND: OUT: what is wrong; what to do") and is false.
bool outputsMayBeWritten(std::string_view command, const std::vector<std::string>& outputs,
                         const std::vector<std::string>& inputs, std::ostream& err,
                         OutputWrite write = OutputWrite::Replace);

}  // namespace stillpoint::cli
