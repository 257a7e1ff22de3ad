// The exporters' shared parts: the breakpoints a curve format gets stay
// within their tolerance of the rendered track at every sample, and are far
// fewer than the samples; taps come out with the track.
#include "stillpoint/haptic_export.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "haptics/export/breakpoints.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::test {
namespace {

std::shared_ptr<const Program> box() {
    auto parsed = loadSessionFile(std::string(STILLPOINT_ASSETS_DIR) + "/programs/box.yaml");
    EXPECT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    EXPECT_TRUE(planned.program);
    return std::make_shared<const Program>(std::move(*planned.program));
}

TEST(HapticExport, BreakpointsFollowTheTrackWithinTheirTolerance) {
    const HapticTrack track = renderHapticTrack(box(), {}, 48000.0);
    ASSERT_GT(track.seconds(), 60.0);
    constexpr float kTolerance = 0.01f;
    const auto points = haptics::fitBreakpoints(track.intensity, track.sampleRate, kTolerance);
    ASSERT_GE(points.size(), 2u);
    EXPECT_EQ(points.front().seconds, 0.0);
    EXPECT_NEAR(points.back().seconds, double(track.intensity.size() - 1) / track.sampleRate, 1e-9);
    // Fitted on 2 ms steps; between them the track moves at most
    // kMaxHapticSlopePerSecond * 1 ms.
    const double slack = kMaxHapticSlopePerSecond * 0.001;
    double worst = 0.0;
    for (std::size_t i = 0; i < track.intensity.size(); i += 7) {
        const double t = double(i) / track.sampleRate;
        worst = std::max(worst, double(std::abs(haptics::valueAt(points, t) - track.intensity[i])));
    }
    std::printf("%zu breakpoints for %.0f s; worst error %.4f\n", points.size(), track.seconds(),
                worst);
    EXPECT_LE(worst, kTolerance + slack);
    EXPECT_LT(double(points.size()), track.seconds() * 5.0);  // a few per second at most
}

TEST(HapticExport, TapsComeWithTheTrackAndFollowTheCap) {
    HapticSettings settings;
    settings.intensityCap = 0.5;
    const HapticTrack track = renderHapticTrack(box(), settings, 48000.0);
    ASSERT_GT(track.taps.size(), 20u);
    for (const auto& tap : track.taps) {
        EXPECT_NEAR(tap.strength, 0.2 * 0.5, 1e-6);
        ASSERT_LT(tap.sample, std::int64_t(track.intensity.size()));
    }
    settings.enabled = false;
    const HapticTrack off = renderHapticTrack(box(), settings, 48000.0);
    EXPECT_TRUE(off.taps.empty());
    for (float v : off.intensity) ASSERT_EQ(v, 0.0f);
}

}  // namespace
}  // namespace stillpoint::test
