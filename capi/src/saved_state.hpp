// SavedState: what sp_get_state writes and sp_set_state reads. A small text
// format an app can store anywhere:
//
//   stillpoint-state 2
//   crc32 1c291ca3             CRC-32 of every byte after this line
//   sample-rate 48000          rate `position` counts in (0: never prepared)
//   position 1234567           on the session clock
//   tone-db -6                 one line per layer volume (see parameters.hpp)
//   ...
//   pace-bpm 0                 0: each step at its planned pace
//   haptics-on 1               the listener's haptic settings (see parameters.hpp)
//   haptic-cap 1
//   haptic-actuator 0
//   name arrive.yaml           what error details call the session
//   session 1834               byte count; the session text follows exactly
//   <session text>
//
// Readers ignore keys they do not know, so later versions may add lines.
// Parsing treats the text as untrusted: a blob whose checksum does not match
// is refused before anything in it is read, and every number is
// range-checked. Version 1 (the same lines without the crc32 line) is still
// read, unchecked, so states saved by earlier releases load.
//
// Control thread only (it allocates).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parameters.hpp"

namespace stillpoint::capi {

struct SavedState {
    double sampleRate = 0.0;
    std::int64_t position = 0;
    std::array<std::optional<double>, kLayerCount> layersDb{};  ///< unset: the session's own
    double paceBpm = 0.0;
    /// In kHapticStateKeys order; unset: kept as they are (a state from before haptics).
    std::array<std::optional<double>, 3> haptics{};
    std::string name;
    std::string sessionText;
};

struct HapticStateKey {
    sp_param param;
    const char* stateKey;
};
inline constexpr std::array<HapticStateKey, 3> kHapticStateKeys = {{
    {SP_PARAM_HAPTICS_ON, "haptics-on"},
    {SP_PARAM_HAPTIC_CAP, "haptic-cap"},
    {SP_PARAM_HAPTIC_ACTUATOR, "haptic-actuator"},
}};

std::string formatState(const SavedState& state);

struct StateParse {
    std::optional<SavedState> state;
    std::string problem;  ///< why it was refused, when it was
};
StateParse parseState(std::string_view text);

}  // namespace stillpoint::capi
