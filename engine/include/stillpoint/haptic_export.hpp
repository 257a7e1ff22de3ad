// Haptic export: the haptic track of a whole session, as files other haptic
// players take. The track is rendered by the same Engine as the audio (its
// Envelope signal), so an exported file follows the sound sample for sample
// before it is thinned to each format's resolution. docs/haptics.md lists
// each format's limits and where they come from.
//
// Control thread only: everything here allocates.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/haptics.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint {

enum class HapticFormat : unsigned char {
    Ahap,        ///< Apple Core Haptics (.ahap, JSON)
    Android,     ///< Android VibrationEffect.createWaveform timings and amplitudes (JSON)
    MetaHaptic,  ///< Meta Haptics Studio clip (.haptic, JSON)
};

/// "ahap", "android" or "haptic".
std::optional<HapticFormat> hapticFormatNamed(std::string_view name);

struct HapticTrack {
    double sampleRate = 0.0;
    std::vector<float> intensity;  ///< 0..1 per sample, taps included, the cap applied
    struct Tap {
        std::int64_t sample = 0;
        float strength = 0.0f;  ///< peak above the breath, the cap applied
        HapticTapCause cause = HapticTapCause::PhaseChange;
    };
    std::vector<Tap> taps;
    double seconds() const { return sampleRate > 0 ? double(intensity.size()) / sampleRate : 0.0; }
};

/// Render `program`'s haptic track with `settings` (its signal is ignored).
HapticTrack renderHapticTrack(std::shared_ptr<const Program> program, HapticSettings settings,
                              double sampleRate = 48000.0);

/// The track as a file of `format`. `title` goes into the metadata.
std::string exportHapticTrack(const HapticTrack& track, HapticFormat format,
                              std::string_view title);

}  // namespace stillpoint
