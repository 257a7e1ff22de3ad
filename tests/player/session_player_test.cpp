// SessionPlayer follows a host timeline: contiguous playback and offline
// relocations sound exactly as `stillpoint render` does at the same host
// samples; realtime relocations land on the same audio once the worker's
// engine takes over; a stopped host gets silence and no advance.
#include "session_player.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

#include "stillpoint/offline_render.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::plugin {
namespace {

constexpr double kRate = 48000.0;

std::shared_ptr<const Program> planText(const char* yaml) {
    auto parsed = parseSession(yaml, "player.yaml");
    EXPECT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    EXPECT_TRUE(planned.program);
    return std::make_shared<const Program>(std::move(*planned.program));
}

std::shared_ptr<const Program> shortSession() {
    return planText(R"(
title: short
defaults: {pattern: coherent, tone: pad, bed: pink}
sections:
  - name: one
    steps:
      - bell: bowl
      - breathe: {cycles: 2}
      - bell: chime
)");
}

std::shared_ptr<const Program> otherSession() {
    return planText(R"(
title: other
defaults: {pattern: box, tone: wave, bed: brown}
sections:
  - name: one
    steps:
      - breathe: {cycles: 2}
)");
}

/// Plays host blocks of `block` frames from `from` and collects both channels.
struct Capture {
    std::vector<float> left, right;
};

Capture play(SessionPlayer& player, std::int64_t from, std::int64_t frames, int block,
             HostTransport transport) {
    Capture c;
    std::vector<float> l(static_cast<std::size_t>(block)), r(static_cast<std::size_t>(block));
    for (std::int64_t done = 0; done < frames;) {
        const int n = static_cast<int>(std::min<std::int64_t>(block, frames - done));
        float* out[2] = {l.data(), r.data()};
        transport.sample = from + done;
        player.process(out, n, transport);
        c.left.insert(c.left.end(), l.begin(), l.begin() + n);
        c.right.insert(c.right.end(), r.begin(), r.begin() + n);
        done += n;
    }
    return c;
}

RenderedAudio reference(const std::shared_ptr<const Program>& program) {
    EngineConfig config;
    config.sampleRate = kRate;
    return renderProgram(program, config);
}

/// Frames of `got` from host sample `from` that differ from the render.
std::int64_t mismatches(const Capture& got, const RenderedAudio& render, std::int64_t from) {
    std::int64_t bad = 0;
    for (std::size_t i = 0; i < got.left.size(); ++i) {
        const auto frame = static_cast<std::size_t>(from) + i;
        const float l = frame < static_cast<std::size_t>(render.frames())
                            ? render.interleaved[2 * frame]
                            : 0.0f;
        const float r = frame < static_cast<std::size_t>(render.frames())
                            ? render.interleaved[2 * frame + 1]
                            : 0.0f;
        if (got.left[i] != l || got.right[i] != r) ++bad;
    }
    return bad;
}

double peak(const std::vector<float>& x) {
    double p = 0;
    for (float v : x) p = std::max(p, static_cast<double>(std::fabs(v)));
    return p;
}

/// The short session, its reference render and a player prepared to play it.
struct ShortSessionPlayer {
    std::shared_ptr<const Program> program = shortSession();
    RenderedAudio render = reference(program);
    SessionPlayer player;
    ShortSessionPlayer() {
        player.setProgram(program);
        player.prepare(kRate);
    }
};

TEST(SessionPlayer, OfflinePlaybackFromTheStartEqualsTheRender) {
    ShortSessionPlayer fixture;
    auto& [program, render, player] = fixture;
    HostTransport offline{0, true, true};
    const auto got = play(player, 0, render.frames() + 1000, 333, offline);
    EXPECT_EQ(mismatches(got, render, 0), 0);
    EXPECT_GT(peak(got.left), 0.05);
}

TEST(SessionPlayer, RealtimePlaybackFromTheStartEqualsTheRenderAtAnyBlockSize) {
    const auto program = shortSession();
    const auto render = reference(program);
    for (int block : {1, 64, 1000, 8192}) {
        SessionPlayer player;
        player.setProgram(program);
        player.prepare(kRate);
        const auto got =
            play(player, 0, std::min<std::int64_t>(render.frames(), 200000), block, {});
        EXPECT_EQ(mismatches(got, render, 0), 0) << "block " << block;
    }
}

TEST(SessionPlayer, OfflineJumpLandsOnTheRenderedAudioThere) {
    ShortSessionPlayer fixture;
    auto& [program, render, player] = fixture;
    HostTransport offline{0, true, true};
    play(player, 0, 48000, 512, offline);
    // A loop back and a jump forward, each exact from its first sample.
    for (std::int64_t at : {std::int64_t{12345}, std::int64_t{700001}, std::int64_t{3}}) {
        const auto got = play(player, at, 24000, 512, offline);
        EXPECT_EQ(mismatches(got, render, at), 0) << "at " << at;
        EXPECT_GT(peak(got.left), 0.0) << "at " << at;
    }
}

TEST(SessionPlayer, StoppedHostGetsSilenceAndTheSessionWaits) {
    ShortSessionPlayer fixture;
    auto& [program, render, player] = fixture;
    play(player, 0, 96000, 256, {});
    HostTransport halt{96000, false, false};
    std::vector<float> l(256, 1.0f), r(256, 1.0f);
    float* out[2] = {l.data(), r.data()};
    for (int i = 0; i < 50; ++i) player.process(out, 256, halt);
    EXPECT_EQ(peak(l), 0.0);
    EXPECT_EQ(peak(r), 0.0);
    // Playing on from the same place continues the session (after a 10 ms fade-in).
    const auto resumed = play(player, 96000, 4800, 256, {});
    Capture tail;
    tail.left.assign(resumed.left.begin() + 480, resumed.left.end());
    tail.right.assign(resumed.right.begin() + 480, resumed.right.end());
    EXPECT_EQ(mismatches(tail, render, 96000 + 480), 0);
    EXPECT_LT(std::fabs(resumed.left[0]), 1e-3);
}

/// Plays realtime blocks, sleeping like a device would, until the player has
/// an engine again or `limit` host seconds pass; returns the host sample reached.
std::int64_t playUntilSettled(SessionPlayer& player, std::int64_t from, double limitSeconds) {
    std::vector<float> l(512), r(512);
    float* out[2] = {l.data(), r.data()};
    std::int64_t at = from;
    const auto limit = static_cast<std::int64_t>(limitSeconds * kRate);
    while (at < from + limit) {
        player.process(out, 512, {at, true, false});
        at += 512;
        if (!player.relocating()) break;
        // A host's clock runs at real time; the worker aims ahead by wall time.
        std::this_thread::sleep_for(std::chrono::duration<double>(512 / kRate));
    }
    return at;
}

TEST(SessionPlayer, RealtimeJumpBuildsAnEngineAsideAndLandsOnTheRenderedAudio) {
    ShortSessionPlayer fixture;
    auto& [program, render, player] = fixture;
    play(player, 0, 24000, 512, {});
    const auto generation = player.engineGeneration();
    // The host jumps to 15 s: silence while the worker builds, then the render's audio.
    const std::int64_t settled = playUntilSettled(player, 24000 * 30, 30.0);
    ASSERT_FALSE(player.relocating());
    EXPECT_NE(player.engineGeneration(), generation);
    const std::int64_t from = settled + 48000 * 2;  // past the waiting and the fade-in
    play(player, settled, from - settled, 512, {});
    const auto got = play(player, from, 48000, 512, {});
    EXPECT_EQ(mismatches(got, render, from), 0);
    EXPECT_GT(peak(got.left), 0.01);
}

TEST(SessionPlayer, ADroppedHostCycleIsCaughtUpInPlaceWithoutARelocation) {
    ShortSessionPlayer fixture;
    auto& [program, render, player] = fixture;
    play(player, 0, 48000, 256, {});
    const auto generation = player.engineGeneration();
    // The host skipped 1024 frames (an xrun): the audio there is the render's, at once.
    const auto got = play(player, 48000 + 1024, 4800, 256, {});
    EXPECT_EQ(player.engineGeneration(), generation);
    EXPECT_FALSE(player.relocating());
    EXPECT_EQ(mismatches(got, render, 48000 + 1024), 0);
}

TEST(SessionPlayer, ANewSessionPlaysAtTheSameHostTime) {
    const auto first = shortSession();
    const auto second = otherSession();
    const auto render = reference(second);
    SessionPlayer player;
    player.setProgram(first);
    player.prepare(kRate);
    HostTransport offline{0, true, true};
    play(player, 0, 48000, 512, offline);
    player.setProgram(second);
    const auto got = play(player, 48000, 48000, 512, offline);
    EXPECT_EQ(mismatches(got, render, 48000), 0);
    EXPECT_EQ(player.program(), second);
}

TEST(SessionPlayer, ZeroFramesAndHostsBeforeTheStartAreSilentAndHarmless) {
    ShortSessionPlayer fixture;
    auto& [program, render, player] = fixture;
    float* none[2] = {nullptr, nullptr};
    player.process(none, 0, {});
    // Two seconds of pre-roll, then the session from its first sample.
    const auto got = play(player, -96000, 96000 + 48000, 500, {});
    EXPECT_EQ(peak(std::vector<float>(got.left.begin(), got.left.begin() + 96000)), 0.0);
    Capture session;
    session.left.assign(got.left.begin() + 96000, got.left.end());
    session.right.assign(got.right.begin() + 96000, got.right.end());
    EXPECT_EQ(mismatches(session, render, 0), 0);
}

}  // namespace
}  // namespace stillpoint::plugin
