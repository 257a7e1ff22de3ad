#include "parameters.hpp"

#include <cmath>
#include <string_view>

#include "stillpoint/breath_pattern.hpp"

namespace stillpoint::capi {
namespace {

// Each layer volume's sp_param under its own name (the layers' parameters
// only; -Wswitch cannot list them, so a new one is added here and to
// layer_vocabulary.hpp together).
constexpr std::string_view cLayerParamName(sp_param param) noexcept {
    switch (param) {
        case SP_PARAM_TONE_DB:
            return "SP_PARAM_TONE_DB";
        case SP_PARAM_BED_DB:
            return "SP_PARAM_BED_DB";
        case SP_PARAM_BELLS_DB:
            return "SP_PARAM_BELLS_DB";
        case SP_PARAM_VOICE_DB:
            return "SP_PARAM_VOICE_DB";
        case SP_PARAM_BINAURAL_DB:
            return "SP_PARAM_BINAURAL_DB";
        case SP_PARAM_ISOCHRONIC_DB:
            return "SP_PARAM_ISOCHRONIC_DB";
        default:
            return {};
    }
}

// Every layer's C parameter is named and numbered as the vocabulary says,
// every layer-volume sp_param has a layer, and each saved-state key is
// "<the layer's name>-db".
constexpr bool layersMatchTheCParameters() {
    int named = 0;
    for (int value = 0; value < 64; ++value)
        named += cLayerParamName(static_cast<sp_param>(value)).empty() ? 0 : 1;
    if (named != kLayerCount) return false;
    for (const LayerParameter& p : kLayerParameters) {
        const LayerWord& word = layerWord(p.layer);
        const std::string_view key = p.stateKey;
        if (cLayerParamName(p.param) != word.cName ||
            key.substr(0, word.name.size()) != word.name || key.substr(word.name.size()) != "-db")
            return false;
    }
    return true;
}
static_assert(layersMatchTheCParameters(),
              "layer_vocabulary.hpp and sp_param disagree: each SP_PARAM_*_DB needs one layer "
              "with its name and value");

}  // namespace

std::optional<LayerId> layerOf(sp_param param) noexcept {
    for (const auto& p : kLayerParameters)
        if (p.param == param) return p.layer;
    return std::nullopt;
}

bool isHapticParameter(sp_param param) noexcept {
    return param == SP_PARAM_HAPTICS_ON || param == SP_PARAM_HAPTIC_CAP ||
           param == SP_PARAM_HAPTIC_ACTUATOR;
}

bool isKnownParameter(sp_param param) noexcept {
    return layerOf(param).has_value() || param == SP_PARAM_PACE_BPM || isHapticParameter(param) ||
           param == SP_PARAM_WAIT_AT_CHECKINS || param == SP_PARAM_PATTERN;
}

bool isValidParameterValue(sp_param param, double value) noexcept {
    if (!std::isfinite(value)) return false;
    if (layerOf(param)) return value >= kMinLayerDb && value <= kMaxLayerDb;
    switch (param) {
        case SP_PARAM_HAPTICS_ON:
        case SP_PARAM_WAIT_AT_CHECKINS:
            return value == 0.0 || value == 1.0;
        case SP_PARAM_HAPTIC_CAP:
            return value >= 0.0 && value <= 1.0;
        case SP_PARAM_HAPTIC_ACTUATOR:
            return value == double{SP_HAPTIC_LRA} || value == double{SP_HAPTIC_SHAKER};
        case SP_PARAM_PATTERN:  // 0: the session's; 1..: breathPresets(), in order
            return value == std::floor(value) && value >= 0.0 &&
                   value <= static_cast<double>(breathPresets().size());
        default:  // the pace; 0 hands it back to the session
            return value == 0.0 || (value >= kMinPaceBpm && value <= kMaxPaceBpm);
    }
}

HapticSignal actuatorSignal(double value) noexcept {
    return value == double{SP_HAPTIC_SHAKER} ? HapticSignal::Shaker : HapticSignal::Lra;
}

bool isValidSampleRate(double rate) noexcept {
    return std::isfinite(rate) && rate >= kMinSampleRate && rate <= kMaxSampleRate;
}

int channelsOf(sp_layout layout) noexcept {
    switch (layout) {
        case SP_LAYOUT_MONO:
            return 1;
        case SP_LAYOUT_STEREO:
            return 2;
        case SP_LAYOUT_STEREO_HAPTIC:
            return 3;
    }
    return 0;
}

}  // namespace stillpoint::capi
