// renderHapticTrack: the Engine's Envelope signal for a whole session, and
// its tap events, from the one offline render loop.
#include "io/render_loop.hpp"
#include "stillpoint/haptic_export.hpp"

namespace stillpoint {

HapticTrack renderHapticTrack(std::shared_ptr<const Program> program, HapticSettings settings,
                              double sampleRate) {
    constexpr int kBlock = 4096;
    EngineConfig config;
    config.sampleRate = sampleRate;
    config.channels = 1;
    config.calibrateLoudness = false;  // the haptic track does not depend on the audio's level
    settings.signal = HapticSignal::Envelope;
    config.haptics = settings;
    Engine engine;
    prepareToRender(engine, std::move(program), config, kBlock);

    HapticTrack track;
    track.sampleRate = sampleRate;
    track.intensity.reserve(static_cast<std::size_t>(engine.lengthFrames()));
    renderWholeProgram(
        engine,
        [&](const RenderedBlock& block) {
            const float* haptic = block.planes[config.channels];  // after the audio channel
            track.intensity.insert(track.intensity.end(), haptic, haptic + block.frames);
            return true;
        },
        [&](const Event& event) {
            if (event.type == EventType::HapticTap)
                track.taps.push_back({event.sample, static_cast<float>(event.value),
                                      static_cast<HapticTapCause>(event.index)});
        });
    return track;
}

std::optional<HapticFormat> hapticFormatNamed(std::string_view name) {
    if (name == "ahap") return HapticFormat::Ahap;
    if (name == "android") return HapticFormat::Android;
    if (name == "haptic") return HapticFormat::MetaHaptic;
    return std::nullopt;
}

}  // namespace stillpoint
