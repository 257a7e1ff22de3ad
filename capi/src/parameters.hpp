// The C API's parameters and settings: which sp_param is which mixer layer,
// the names they carry in a saved state, and the ranges stillpoint.h
// documents. One table, so the API, the state text and the checks agree.
//
// Constants and pure functions: any thread, real-time safe.
#pragma once

#include <array>
#include <optional>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/haptics.hpp"
#include "stillpoint/layer_vocabulary.hpp"
#include "stillpoint/pace_range.hpp"
#include "stillpoint/session.hpp"
#include "stillpoint/stillpoint.h"

namespace stillpoint::capi {

struct LayerParameter {
    sp_param param;
    LayerId layer;
    const char* stateKey;          ///< its line in a saved state
    double LayerVolumes::*volume;  ///< the session's own value
};

inline constexpr int kLayerCount = static_cast<int>(LayerId::Count);
/// In LayerId order: kLayerParameters[i].layer == LayerId(i). Each layer's
/// sp_param and volume come from layer_vocabulary.hpp; the saved state's
/// keys are the C API's own ("<layer>-db", checked in parameters.cpp).
inline constexpr std::array<LayerParameter, kLayerCount> kLayerParameters = [] {
    constexpr std::array<const char*, kLayerCount> stateKeys = {
        "tone-db", "bed-db", "bells-db", "voice-db", "binaural-db", "isochronic-db"};
    std::array<LayerParameter, kLayerCount> parameters{};
    for (std::size_t i = 0; i < parameters.size(); ++i)
        parameters[i] = {static_cast<sp_param>(kLayerVocabulary[i].cValue),
                         kLayerVocabulary[i].layer, stateKeys[i], kLayerVocabulary[i].volume};
    return parameters;
}();

inline constexpr double kMinLayerDb = kLayerVolumeRange.lowestDb;
inline constexpr double kMaxLayerDb = kLayerVolumeRange.highestDb;
inline constexpr double kMinPaceBpm = kEnginePaceRange.lowestBpm;
inline constexpr double kMaxPaceBpm = kEnginePaceRange.highestBpm;
inline constexpr double kMinSampleRate = 8000.0;
inline constexpr double kMaxSampleRate = 768000.0;
inline constexpr int kMaxBlockFrames = 65536;

/// The layer a parameter sets, if it is a layer volume.
std::optional<LayerId> layerOf(sp_param param) noexcept;
bool isKnownParameter(sp_param param) noexcept;
/// SP_PARAM_HAPTICS_ON, SP_PARAM_HAPTIC_CAP or SP_PARAM_HAPTIC_ACTUATOR.
bool isHapticParameter(sp_param param) noexcept;
/// The carrier an SP_PARAM_HAPTIC_ACTUATOR value names.
HapticSignal actuatorSignal(double value) noexcept;
/// Whether `value` is in the documented range of `param` (known parameters only).
bool isValidParameterValue(sp_param param, double value) noexcept;
bool isValidSampleRate(double rate) noexcept;
/// Channels of a known layout, 0 for an unknown one.
int channelsOf(sp_layout layout) noexcept;

}  // namespace stillpoint::capi
