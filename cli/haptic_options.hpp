// The haptic options render, play and haptics share: --haptic-channel
// lra|shaker and --haptic-cap 0..1, parsed once and checked with a message
// that names the option and what would be right.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "arguments.hpp"
#include "stillpoint/haptics.hpp"

namespace stillpoint::cli {

inline const OptionSpec kHapticChannelOption{"haptic-channel", 0, true};
inline const OptionSpec kHapticCapOption{"haptic-cap", 0, true};

/// Fill `haptics` from the options (signal only with --haptic-channel).
/// Empty when they are right; otherwise "--OPTION VALUE what is wrong; what
/// would be right" (a batch manifest reports it at its row).
std::string hapticOptionsProblem(const Arguments& a, HapticSettings& haptics);

/// hapticOptionsProblem for a command: false, with the message on `err`.
bool readHapticOptions(const Arguments& a, std::string_view command, HapticSettings& haptics,
                       std::ostream& err);

}  // namespace stillpoint::cli
