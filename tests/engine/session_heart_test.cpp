// The listener's heart in the session state: what the thread that analyses
// the heart gives (Engine::setHeart) is what every reader of Engine::state()
// gets, across blocks and while the audio thread plays, each figure whole;
// a session without a heart says so (connected false).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "session_rendering.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/heart_monitor.hpp"

namespace stillpoint {
namespace {

constexpr double kRate = 8000.0;
constexpr int kBlock = 256;

const char* kBreath = R"(title: Breath
defaults: {pattern: coherent, tone: pad, bed: none}
sections:
  - name: Only
    steps:
      - breathe: {cycles: 3, pace: 6}
)";

std::unique_ptr<Engine> preparedEngine() {
    auto engine = std::make_unique<Engine>();
    engine->load(test::programFromText(kBreath));
    EngineConfig config;
    config.sampleRate = kRate;
    config.maxBlockFrames = kBlock;
    config.calibrateLoudness = false;
    engine->prepare(config);
    return engine;
}

SessionHeart heartNumber(std::uint64_t n) {
    SessionHeart h;
    h.connected = true;
    h.live = n % 2 == 0;
    h.heartRateBpm = 50.0 + static_cast<double>(n % 40);
    h.coherenceValid = true;
    h.coherence = static_cast<double>(n % 100) / 100.0;
    h.beats = n;
    h.artefacts = n / 10;
    h.followedPaceBpm = 4.5 + static_cast<double>(n % 25) / 10.0;
    return h;
}

TEST(SessionHeart, WithoutAHeartTheStateSaysSo) {
    auto engine = preparedEngine();
    std::vector<float> left(kBlock), right(kBlock);
    float* out[3] = {left.data(), right.data(), nullptr};
    engine->process(out, kBlock);
    const SessionHeart h = engine->state().heart;
    EXPECT_FALSE(h.connected);
    EXPECT_EQ(h.beats, 0u);
    EXPECT_EQ(heart::describeHeart(h), "");
}

TEST(SessionHeart, WhatTheHeartsThreadGivesEveryStateCarries) {
    auto engine = preparedEngine();
    heart::HeartState monitored;
    monitored.live = true;
    monitored.heartRateBpm = 62.4;
    monitored.coherenceValid = true;
    monitored.coherence = 0.714;
    monitored.counts.accepted = 80;
    monitored.counts.outOfRange = 2;
    monitored.counts.jumps = 3;
    engine->setHeart(heart::sessionHeart(monitored, 5.45));
    std::vector<float> left(kBlock), right(kBlock);
    float* out[3] = {left.data(), right.data(), nullptr};
    for (int i = 0; i < 4; ++i) {
        engine->process(out, kBlock);
        const SessionState s = engine->state();
        ASSERT_TRUE(s.started);
        EXPECT_TRUE(s.heart.connected);
        EXPECT_TRUE(s.heart.live);
        EXPECT_EQ(s.heart.heartRateBpm, 62.4);
        EXPECT_TRUE(s.heart.coherenceValid);
        EXPECT_EQ(s.heart.coherence, 0.714);
        EXPECT_EQ(s.heart.beats, 80u);
        EXPECT_EQ(s.heart.artefacts, 5u);  // out of range and jumps together
        EXPECT_EQ(s.heart.followedPaceBpm, 5.45);
    }
    EXPECT_EQ(heart::describeHeart(engine->state().heart), "62 bpm, coherence 0.71");
    monitored.live = false;
    engine->setHeart(heart::sessionHeart(monitored, 0.0));
    EXPECT_EQ(heart::describeHeart(engine->state().heart), "heart lost");
}

TEST(SessionHeart, FiguresAreWholeWhileTheAudioThreadPlaysAndTheHeartsThreadPublishes) {
    auto engine = preparedEngine();
    std::atomic<bool> done{false};
    std::thread audio([&] {
        std::vector<float> left(kBlock), right(kBlock);
        float* out[3] = {left.data(), right.data(), nullptr};
        while (!done.load()) engine->process(out, kBlock);
    });
    constexpr std::uint64_t kPublications = 20000;
    std::thread heartThread([&] {
        for (std::uint64_t n = 1; n <= kPublications; ++n) engine->setHeart(heartNumber(n));
    });
    std::uint64_t lastBeats = 0;
    int reads = 0;
    while (lastBeats < kPublications) {
        const SessionHeart h = engine->state().heart;
        ++reads;
        if (!h.connected) continue;
        // Each figure is one some publication gave, and beats never go back.
        ASSERT_GE(h.beats, lastBeats);
        lastBeats = h.beats;
        ASSERT_GE(h.heartRateBpm, 50.0);
        ASSERT_LT(h.heartRateBpm, 90.0);
        ASSERT_GE(h.followedPaceBpm, 4.5);
        ASSERT_LE(h.followedPaceBpm, 6.9 + 1e-9);
        ASSERT_LE(h.artefacts, kPublications / 10);
    }
    heartThread.join();
    done.store(true);
    audio.join();
    EXPECT_EQ(engine->state().heart.beats, kPublications);
    EXPECT_EQ(engine->state().heart.followedPaceBpm, heartNumber(kPublications).followedPaceBpm);
    EXPECT_GT(reads, 0);
}

}  // namespace
}  // namespace stillpoint
