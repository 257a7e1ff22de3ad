#include "device_probe.hpp"

#include <RtAudio.h>

#include "quiet_stderr.hpp"

namespace stillpoint::cli::live {

std::vector<std::string> compiledApis() {
    std::vector<RtAudio::Api> apis;
    RtAudio::getCompiledApi(apis);
    std::vector<std::string> names;
    for (const auto api : apis)
        if (api != RtAudio::RTAUDIO_DUMMY) names.push_back(RtAudio::getApiName(api));
    return names;
}

ApiDevices probeOutputs(const std::string& apiName) {
    ApiDevices result;
    result.api = apiName;
    const RtAudio::Api api = RtAudio::getCompiledApiByName(apiName);
    result.displayName = RtAudio::getApiDisplayName(api);
    if (api == RtAudio::UNSPECIFIED) {
        result.problem = "not compiled into this RtAudio";
        return result;
    }
    QuietStderr quiet;
    try {
        RtAudio audio(api);
        audio.showWarnings(false);
        const unsigned count = audio.getDeviceCount();
        for (unsigned i = 0; i < count; ++i) {
            const RtAudio::DeviceInfo info = audio.getDeviceInfo(i);
            if (!info.probed || info.outputChannels == 0) continue;
            result.outputs.push_back({i, info.name, info.outputChannels, info.sampleRates,
                                      info.preferredSampleRate, info.isDefaultOutput});
        }
        if (count == 0)
            result.problem = api == RtAudio::UNIX_JACK ? "no JACK server running" : "no devices";
    } catch (const RtAudioError& e) {
        result.problem = e.getMessage();
    }
    return result;
}

}  // namespace stillpoint::cli::live
