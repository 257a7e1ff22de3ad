// The haptic track comes from the same offline render loop as every render:
// it is, sample for sample, the haptic channel a render of the session with
// the Envelope signal writes, and its taps are that render's tap events.
#include <gtest/gtest.h>

#include "stillpoint/haptic_export.hpp"
#include "stillpoint/offline_render.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::test {
namespace {

std::shared_ptr<const Program> shortSession() {
    auto parsed = parseSession(
        "title: t\ndefaults: {bed: none}\nsections:\n  - name: a\n    steps:\n"
        "      - breathe: {pattern: box, cycles: 2}\n      - bell: chime\n"
        "      - breathe: {pattern: sigh, cycles: 1}\n",
        "short.yaml");
    EXPECT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    EXPECT_TRUE(planned.program);
    return std::make_shared<const Program>(std::move(*planned.program));
}

TEST(HapticTrackRender, IsTheHapticChannelOfARenderAndItsTapEvents) {
    HapticSettings settings;
    settings.intensityCap = 0.8;
    const auto program = shortSession();
    const HapticTrack track = renderHapticTrack(program, settings, 44100.0);

    EngineConfig config;
    config.sampleRate = 44100.0;
    config.channels = 1;
    config.calibrateLoudness = false;
    config.haptics = settings;
    config.haptics.signal = HapticSignal::Envelope;
    const RenderedAudio audio = renderProgram(program, config, 333);  // another block size
    ASSERT_EQ(audio.channels, 2);
    ASSERT_EQ(std::int64_t(track.intensity.size()), audio.frames());
    ASSERT_GT(audio.frames(), 44100 * 20);
    float loudest = 0.0f;
    for (std::int64_t i = 0; i < audio.frames(); ++i) {
        ASSERT_EQ(track.intensity[std::size_t(i)], audio.interleaved[std::size_t(i * 2 + 1)])
            << "sample " << i;
        loudest = std::max(loudest, track.intensity[std::size_t(i)]);
    }
    EXPECT_GT(loudest, 0.5f);  // the breath is in it, under the cap
    EXPECT_LE(loudest, 0.8f);

    std::vector<HapticTrack::Tap> taps;
    for (const Event& e : audio.events)
        if (e.type == EventType::HapticTap)
            taps.push_back({e.sample, float(e.value), HapticTapCause(e.index)});
    ASSERT_EQ(track.taps.size(), taps.size());
    ASSERT_GT(taps.size(), 8u);  // a phase change tap each phase, and the bell's
    for (std::size_t i = 0; i < taps.size(); ++i) {
        EXPECT_EQ(track.taps[i].sample, taps[i].sample);
        EXPECT_EQ(track.taps[i].strength, taps[i].strength);
        EXPECT_EQ(track.taps[i].cause, taps[i].cause);
    }
}

}  // namespace
}  // namespace stillpoint::test
