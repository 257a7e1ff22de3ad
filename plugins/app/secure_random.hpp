// Secrets from the operating system's cryptographic source (getrandom(2)):
// the remote's pairing code and its tokens. Nothing here is seeded from a
// clock, so nobody can predict a code from when the app started.
//
// No JUCE. Any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace stillpoint::app {

/// Fills `bytes` from getrandom(2); false when the OS gives none.
bool secureRandomBytes(void* bytes, std::size_t count);
/// A uniform number in [0, bound), bound > 0: rejection sampling, so no
/// value is likelier than another (no modulo bias). Nothing without a source.
std::optional<std::uint32_t> secureUniform(std::uint32_t bound);
/// Six decimal digits, 000000-999999, each code equally likely.
std::optional<std::string> drawPairingCode();
/// 128 random bits as 32 hex digits.
std::optional<std::string> drawToken();

}  // namespace stillpoint::app
