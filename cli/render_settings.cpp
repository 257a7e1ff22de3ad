#include "render_settings.hpp"

#include <cmath>

#include "haptic_options.hpp"
#include "session_loader.hpp"
#include "stillpoint/captions.hpp"

namespace stillpoint::cli {
namespace {

bool parseRate(const std::string& text, double& rate) {
    for (const int allowed : {44100, 48000, 88200, 96000, 176400, 192000}) {
        if (text == std::to_string(allowed)) {
            rate = allowed;
            return true;
        }
    }
    return false;
}

}  // namespace

const std::vector<OptionSpec>& renderSettingOptions() {
    static const std::vector<OptionSpec> options{
        {"rate", 0, true},    {"channels", 0, true}, {"captions", 0, true}, kAvoidOption,
        kResonanceOption,     kPaceOption,           kVoiceOption,          kVoicePackOption,
        kHapticChannelOption, kHapticCapOption};
    return options;
}

std::string readRenderSettings(const Arguments& a, RenderSettings& settings) {
    EngineConfig& config = settings.config;
    if (auto rate = a.value("rate"); rate && !parseRate(*rate, config.sampleRate))
        return "--rate " + *rate +
               " is not supported; use 44100, 48000, 88200, 96000, 176400 or 192000";
    if (auto channels = a.value("channels")) {
        if (*channels != "1" && *channels != "2")
            return "--channels " + *channels + " is not supported; use 1 or 2";
        config.channels = *channels == "1" ? 1 : 2;
    }
    if (std::string problem = hapticOptionsProblem(a, config.haptics); !problem.empty())
        return problem;
    if (a.value("haptic-cap") && config.haptics.signal == HapticSignal::None)
        return "--haptic-cap needs --haptic-channel lra|shaker";
    settings.captions = a.value("captions");
    if (settings.captions && !captionFormatFor("." + *settings.captions))
        return "--captions " + *settings.captions + " is not a caption format; use vtt or srt";
    settings.plan = planOptionsFrom(a);
    if (settings.plan.resonanceBpm && std::isnan(*settings.plan.resonanceBpm))
        return "--resonance " + *a.value("resonance") +
               " is not a resonance pace; use 4.5 to 7 breaths/min, e.g. 5.5";
    if (settings.plan.paceBpm && std::isnan(*settings.plan.paceBpm)) return paceOptionProblem();
    settings.voicePack = voicePackFrom(a);
    return {};
}

std::string captionPathBeside(const std::string& audioPath, const std::string& extension) {
    const auto dot = audioPath.rfind('.');
    return audioPath.substr(0, dot) + "." + extension;
}

}  // namespace stillpoint::cli
