// The parameters a host sees and automates, in one table so the processor,
// the editor and the tests agree on IDs, ranges and meanings.
//
//   session        which bundled session plays (the last entry: a loaded file)
//   pattern        "session" (its own patterns) or a built-in breath pattern,
//                  from the next whole breath on (SetPattern)
//   pace           breaths per minute; 0 follows the session's own pace
//   tempo-sync     one breath lasts `beats-per-breath` beats of the host tempo
//   beats-per-breath
//   <layer>-trim   dB added to the session's own volume for that layer
//   hold           stay on the current breath pattern until released
//   haptics        the Haptic output bus on or off
//   continue       a trigger: each change from off to on lets a check-in that
//                  waits for the listener go on (Continue); off again arms it.
//                  A latching switch rather than one the plugin resets itself:
//                  a plugin may not move its own parameter from the audio
//                  thread, and a validator restores every parameter and reads
//                  the state back byte-identical (PLUGIN-VALIDATION.md).
//
// Pace and volume changes glide inside the engine (SetPace, SetLayerGain).
#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

#include <array>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/layer_vocabulary.hpp"

namespace stillpoint::plugin::params {

inline constexpr const char* kSession = "session";
inline constexpr const char* kPattern = "pattern";
inline constexpr const char* kPace = "pace";
inline constexpr const char* kTempoSync = "tempo-sync";
inline constexpr const char* kBeatsPerBreath = "beats-per-breath";
inline constexpr const char* kHold = "hold";
inline constexpr const char* kHaptics = "haptics";
inline constexpr const char* kContinue = "continue";

struct LayerTrim {
    LayerId layer;
    const char* id;    ///< "<layer>-trim": a host saves automation under it, so it never changes
    const char* name;  ///< the layer's title (layer_vocabulary.hpp)
};
/// In LayerId order, from the layer vocabulary; the IDs are spelled out
/// because hosts keep them, and checked against the layers' names below.
inline constexpr std::array<LayerTrim, kLayerCount> kLayerTrims = [] {
    constexpr std::array<const char*, kLayerCount> ids = {
        "tone-trim", "bed-trim", "bells-trim", "voice-trim", "binaural-trim", "isochronic-trim"};
    std::array<LayerTrim, kLayerCount> trims{};
    for (std::size_t i = 0; i < trims.size(); ++i)
        trims[i] = {kLayerVocabulary[i].layer, ids[i], kLayerVocabulary[i].title.data()};
    return trims;
}();
static_assert(
    [] {
        for (const LayerTrim& trim : kLayerTrims) {
            const std::string_view id = trim.id, name = layerWord(trim.layer).name;
            if (id.substr(0, name.size()) != name || id.substr(name.size()) != "-trim")
                return false;
        }
        return true;
    }(),
    "each trim's ID is its layer's name and -trim");

inline constexpr float kMaxPaceBpm = 20.0f;
inline constexpr float kMinTrimDb = -30.0f;
inline constexpr float kMaxTrimDb = 12.0f;
/// The engine's layer volume range (SetLayerGain clamps to it too).
inline constexpr double kMinLayerDb = kLayerVolumeRange.lowestDb;
inline constexpr double kMaxLayerDb = kLayerVolumeRange.highestDb;
/// Below this a pace is "follow the session".
inline constexpr float kSessionPaceBelow = 1.0f;

/// The session choice's entries: every bundled session's title, then "Loaded file".
juce::StringArray sessionChoices();
/// The pattern choice's entries: "session", then breathPresets()' names in
/// order, so an entry's index is SetPattern's.
juce::StringArray patternChoices();
juce::AudioProcessorValueTreeState::ParameterLayout makeLayout();

}  // namespace stillpoint::plugin::params
