// The plugin's saved state, as a host stores it in a project: every
// parameter's value and the session that plays, with the session's whole
// text, so the project reopens on a machine that never had the file.
//
// A small binary layout read by this code alone, never by a general parser
// (JUCE 7.0.5's XmlDocument reads past the end of a text ending in "&#x", and
// a host hands back whatever bytes it kept). Little-endian:
//
//   "SPst"  u32 version (2)
//   u32 body length, u32 CRC-32 of the body    (the body is everything below)
//   u32 parameter count, then each: u8 id length, id, f64 value (as the
//                                   parameter tree holds it)
//   u32 name length, name           (the session's file name, UTF-8)
//   u32 text length, text           (the session's YAML, UTF-8)
//
// A state whose body does not match its checksum is refused before anything
// in it is read: a project file damaged on disk never loads as another state.
// Bytes after the body are left alone: a host's wrapper may append its own.
// Version 1 (the same without the body length and checksum) is still read,
// unchecked, so projects saved by earlier releases reopen.
// No JUCE here, so the reader is fuzzed on its own
// (tests/fuzz/targets/plugin_state.cpp). Message thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "processor/session_library.hpp"

namespace stillpoint::plugin {

struct SavedParameter {
    std::string id;
    double value = 0.0;  ///< finite, as the parameter tree holds it (not 0..1)
};

struct PluginState {
    std::vector<SavedParameter> parameters;
    SessionText session;
};

inline constexpr std::size_t kMaxSavedParameters = 1024;
inline constexpr std::size_t kMaxParameterIdBytes = 64;
inline constexpr std::size_t kMaxSessionNameBytes = 4096;

std::vector<std::uint8_t> writePluginState(const PluginState& state);

/// Sets the body length and checksum of a version 2 state to match its body
/// as it now stands (everything after the header); other bytes are left as
/// they are. writePluginState seals what it writes; tests and the fuzz
/// target use it to reach the reader behind the checksum with a body they
/// changed on purpose.
void sealPluginState(std::vector<std::uint8_t>& bytes);

/// The state in `data`, or nullopt with `error` saying why it is refused.
/// Parameters whose value is not finite are dropped (they keep the value they
/// have); everything else wrong refuses the whole state.
std::optional<PluginState> readPluginState(const void* data, std::size_t size, std::string& error);

}  // namespace stillpoint::plugin
