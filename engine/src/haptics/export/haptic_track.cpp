// renderHapticTrack: the Engine's Envelope signal for a whole session, and
// its tap events.
#include <algorithm>

#include "stillpoint/engine.hpp"
#include "stillpoint/haptic_export.hpp"

namespace stillpoint {

HapticTrack renderHapticTrack(std::shared_ptr<const Program> program, HapticSettings settings,
                              double sampleRate) {
    constexpr int kBlock = 4096;
    EngineConfig config;
    config.sampleRate = sampleRate;
    config.maxBlockFrames = kBlock;
    config.channels = 1;
    config.calibrateLoudness = false;  // the haptic track does not depend on the audio's level
    settings.signal = HapticSignal::Envelope;
    config.haptics = settings;
    Engine engine;
    engine.load(std::move(program));
    engine.prepare(config);

    HapticTrack track;
    track.sampleRate = sampleRate;
    const std::int64_t total = engine.lengthFrames();
    track.intensity.resize(static_cast<std::size_t>(total));
    std::vector<float> audio(kBlock);
    Event event;
    for (std::int64_t done = 0; done < total;) {
        const int n = static_cast<int>(std::min<std::int64_t>(kBlock, total - done));
        float* out[2] = {audio.data(), track.intensity.data() + done};
        engine.process(out, n);
        done += n;
        while (engine.popEvent(event))
            if (event.type == EventType::HapticTap)
                track.taps.push_back({event.sample, static_cast<float>(event.value),
                                      static_cast<HapticTapCause>(event.index)});
    }
    return track;
}

std::optional<HapticFormat> hapticFormatNamed(std::string_view name) {
    if (name == "ahap") return HapticFormat::Ahap;
    if (name == "android") return HapticFormat::Android;
    if (name == "haptic") return HapticFormat::MetaHaptic;
    return std::nullopt;
}

}  // namespace stillpoint
