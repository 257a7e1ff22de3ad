// The haptic options render, play and haptics share: --haptic-channel
// lra|shaker and --haptic-cap 0..1, parsed once and checked with a message
// that names the option and what would be right.
#pragma once

#include <ostream>
#include <string_view>

#include "arguments.hpp"
#include "stillpoint/haptics.hpp"

namespace stillpoint::cli {

inline const OptionSpec kHapticChannelOption{"haptic-channel", 0, true};
inline const OptionSpec kHapticCapOption{"haptic-cap", 0, true};

/// Fill `haptics` from the options (signal only with --haptic-channel).
/// False, with the message on `err`, when a value is wrong.
bool readHapticOptions(const Arguments& a, std::string_view command, HapticSettings& haptics,
                       std::ostream& err);

}  // namespace stillpoint::cli
