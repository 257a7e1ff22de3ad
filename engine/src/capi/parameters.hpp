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
/// In LayerId order: kLayerParameters[i].layer == LayerId(i).
inline constexpr std::array<LayerParameter, kLayerCount> kLayerParameters = {{
    {SP_PARAM_TONE_DB, LayerId::Tone, "tone-db", &LayerVolumes::tone},
    {SP_PARAM_BED_DB, LayerId::Bed, "bed-db", &LayerVolumes::bed},
    {SP_PARAM_BELLS_DB, LayerId::Bells, "bells-db", &LayerVolumes::bells},
    {SP_PARAM_VOICE_DB, LayerId::Voice, "voice-db", &LayerVolumes::voice},
    {SP_PARAM_BINAURAL_DB, LayerId::Binaural, "binaural-db", &LayerVolumes::binaural},
    {SP_PARAM_ISOCHRONIC_DB, LayerId::Isochronic, "isochronic-db", &LayerVolumes::isochronic},
}};
static_assert([] {
    for (int i = 0; i < kLayerCount; ++i)
        if (static_cast<int>(kLayerParameters[static_cast<std::size_t>(i)].layer) != i)
            return false;
    return true;
}());

inline constexpr double kMinLayerDb = -60.0;
inline constexpr double kMaxLayerDb = 6.0;
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
