// Device probing: the audio APIs this build of RtAudio speaks and the output
// devices each one offers, for `stillpoint devices` and for choosing a device.
//
// Threads: control thread only (RtAudio probing may block briefly).
#pragma once

#include <string>
#include <vector>

namespace stillpoint::cli::live {

struct OutputDevice {
    unsigned id = 0;  ///< RtAudio's device index within its API
    std::string name;
    unsigned outputChannels = 0;
    std::vector<unsigned> rates;
    unsigned preferredRate = 0;
    bool isDefault = false;
};

struct ApiDevices {
    std::string api;          ///< short name: "jack", "alsa", "pulse"
    std::string displayName;  ///< "Jack", "ALSA", "Pulse"
    std::vector<OutputDevice> outputs;
    std::string problem;  ///< why there are none, when known
};

/// Short names of the APIs compiled into RtAudio, in its order of preference.
std::vector<std::string> compiledApis();
/// Output devices of `api` (a short name from compiledApis()), probed quietly.
ApiDevices probeOutputs(const std::string& api);

}  // namespace stillpoint::cli::live
