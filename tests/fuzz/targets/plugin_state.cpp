// The plugin's saved state (plugins/processor/plugin_state): any bytes a host
// hands back come out as a state or a reason. An accepted state holds only
// finite parameter values, writes back to bytes that read as the same state,
// and its session text goes through the session parser as the plugin's does.
// Each input runs twice: as it is, and resealed (its body length and
// checksum made to match), so mutations reach the reader behind the checksum.
#include "processor/plugin_state.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "fuzz_support.hpp"

namespace {

void readAndWriteBack(const std::uint8_t* data, std::size_t size) {
    using namespace stillpoint::plugin;
    std::string error;
    const auto state = readPluginState(data, size, error);
    if (!state) {
        if (error.rfind("the saved state ", 0) != 0) std::abort();
        return;
    }
    for (const auto& parameter : state->parameters)
        if (!std::isfinite(parameter.value) || parameter.id.empty()) std::abort();
    const auto written = writePluginState(*state);
    const auto again = readPluginState(written.data(), written.size(), error);
    if (!again || writePluginState(*again) != written) std::abort();
    (void)stillpoint::parseSession(state->session.text, state->session.name);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    readAndWriteBack(data, size);
    std::vector<std::uint8_t> resealed(data, data + size);
    stillpoint::plugin::sealPluginState(resealed);
    if (!std::equal(resealed.begin(), resealed.end(), data))
        readAndWriteBack(resealed.data(), resealed.size());
    return 0;
}
