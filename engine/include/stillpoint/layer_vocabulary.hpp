// The mixer's layers, named once: their names, their volume range and where
// their default volumes live. Every place that spells a layer derives it
// from this table instead of restating it: the session file's `volumes:`
// keys, the mix graph, the live `volume LAYER DB` command and the command
// line's help, the C API's SP_PARAM_*_DB parameters (a static_assert in
// capi/src/parameters.cpp ties them), the plugin's trim parameters
// and the therapist app's profiles. docs/session-format.md shows the table,
// and a test keeps that page and this table in step.
//
// The table is constexpr data, any thread, real-time safe; the text
// functions allocate (messages and help, off the audio thread).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint {

struct LayerVolumeRange {
    double lowestDb = 0.0;
    double highestDb = 0.0;
    constexpr bool contains(double db) const { return db >= lowestDb && db <= highestDb; }
};

/// dB a layer's volume may take: in a session, a live volume command, the C API.
inline constexpr LayerVolumeRange kLayerVolumeRange{-60.0, 6.0};

struct LayerWord {
    LayerId layer;
    std::string_view name;   ///< as sessions, scripts and profiles write it: "tone"
    std::string_view title;  ///< as a plugin or app control shows it: "Tone"
    /// The session's volume for the layer; LayerVolumes{} holds the default.
    double LayerVolumes::*volume;
    /// sp_param's name and value in stillpoint.h for the layer's volume.
    std::string_view cName;
    int cValue;
    std::string_view help;  ///< what the layer is, in a few words
};

inline constexpr std::size_t kLayerCount = static_cast<std::size_t>(LayerId::Count);

/// In LayerId order: kLayerVocabulary[i].layer == LayerId(i).
inline constexpr std::array<LayerWord, kLayerCount> kLayerVocabulary = {{
    {LayerId::Tone, "tone", "Tone", &LayerVolumes::tone, "SP_PARAM_TONE_DB", 0,
     "the breath tone, rising and falling with the breath"},
    {LayerId::Bed, "bed", "Bed", &LayerVolumes::bed, "SP_PARAM_BED_DB", 1,
     "the ambience bed under everything"},
    {LayerId::Bells, "bells", "Bells", &LayerVolumes::bells, "SP_PARAM_BELLS_DB", 2,
     "bells and chimes"},
    {LayerId::Voice, "voice", "Voice", &LayerVolumes::voice, "SP_PARAM_VOICE_DB", 3,
     "the spoken lines"},
    {LayerId::Binaural, "binaural", "Binaural", &LayerVolumes::binaural, "SP_PARAM_BINAURAL_DB", 4,
     "the binaural beat (headphones)"},
    {LayerId::Isochronic, "isochronic", "Isochronic", &LayerVolumes::isochronic,
     "SP_PARAM_ISOCHRONIC_DB", 5, "the isochronic pulse"},
}};

static_assert(
    [] {
        for (std::size_t i = 0; i < kLayerCount; ++i)
            if (kLayerVocabulary[i].layer != static_cast<LayerId>(i) ||
                !kLayerVolumeRange.contains(LayerVolumes{}.*kLayerVocabulary[i].volume))
                return false;
        return true;
    }(),
    "kLayerVocabulary is in LayerId order and every default volume is in range");

constexpr const LayerWord& layerWord(LayerId layer) {
    return kLayerVocabulary[static_cast<std::size_t>(layer) % kLayerCount];
}

/// The layer a name means, if any.
constexpr const LayerWord* layerNamed(std::string_view name) {
    for (const LayerWord& word : kLayerVocabulary)
        if (word.name == name) return &word;
    return nullptr;
}

/// The names in LayerId order, for parsers that take a list of keys.
inline constexpr std::array<std::string_view, kLayerCount> kLayerNames = [] {
    std::array<std::string_view, kLayerCount> names{};
    for (std::size_t i = 0; i < kLayerCount; ++i) names[i] = kLayerVocabulary[i].name;
    return names;
}();

/// "tone, bed, bells, voice, binaural, isochronic" (with `separator` ", ").
std::string layerNameList(std::string_view separator);
/// "-60 to 6" (dB, as messages and help say it).
std::string rangeText(const LayerVolumeRange& range);

}  // namespace stillpoint
