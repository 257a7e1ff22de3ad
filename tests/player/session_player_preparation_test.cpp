// SessionPlayer never makes its host wait for the voice: prepare() returns
// at once whatever the narration cache holds, realtime playback sounds
// while the lines are still being made (its state counting them), an
// offline bounce waits for them and equals the render, and a voice that
// fails is reported while the session plays on.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "preparation_status.hpp"
#include "session_player.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/offline_render.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::plugin {
namespace {

constexpr double kRate = 48000.0;
constexpr int kBlock = 512;

std::shared_ptr<const Program> planText(const std::string& yaml) {
    auto parsed = parseSession(yaml, "preparing.yaml");
    EXPECT_TRUE(parsed.session) << (parsed.diagnostics.empty() ? ""
                                                               : parsed.diagnostics[0].message);
    auto planned = planSession(*parsed.session);
    EXPECT_TRUE(planned.program);
    return std::make_shared<const Program>(std::move(*planned.program));
}

/// A session of `lines` say steps in words no cache has seen: every line is
/// synthesised, as with a cold cache.
std::shared_ptr<const Program> unheardSession(int lines) {
    const auto unique = std::chrono::system_clock::now().time_since_epoch().count();
    std::string yaml =
        "title: unheard\ndefaults: {bed: pink, tone: pad}\nsections:\n"
        "  - name: one\n    steps:\n";
    for (int i = 0; i < lines; ++i)
        yaml += "      - say: Line " + std::to_string(i) + " of " + std::to_string(unique) +
                ", a slow and gentle sentence to rest with.\n";
    return planText(yaml);
}

double seconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

float peakOf(const std::vector<float>& x) {
    float p = 0.0f;
    for (float v : x) p = std::max(p, std::fabs(v));
    return p;
}

TEST(SessionPlayerPreparation, PrepareReturnsAtOnceWithAColdCache) {
    const auto program = unheardSession(6);
    SessionPlayer player;
    player.setProgram(program);
    const auto began = std::chrono::steady_clock::now();
    player.prepare(kRate);
    const double took = seconds(std::chrono::steady_clock::now() - began);
    RecordProperty("prepare_ms", std::to_string(1000.0 * took));
    EXPECT_LT(took, 0.05);
    // The lines are made afterwards, on the worker.
    EXPECT_FALSE(player.waitUntilPrepared(std::chrono::milliseconds(0)));
    ASSERT_TRUE(player.waitUntilPrepared(std::chrono::seconds(120)));
    const PreparationProgress done = player.preparationProgress();
    EXPECT_EQ(done.phase, PreparationPhase::Ready);
    EXPECT_GE(done.linesTotal, 6);  // the built-in grounding's lines come after
    EXPECT_EQ(done.linesReady, done.linesTotal);
    EXPECT_EQ(player.narrationProblem(), "");
}

TEST(SessionPlayerPreparation, RealtimePlaybackSoundsBeforeTheVoiceIsMadeAndCountsTheLines) {
    const auto program = unheardSession(12);
    SessionPlayer player;
    player.setProgram(program);
    player.prepare(kRate);
    std::vector<float> l(kBlock), r(kBlock);
    float* out[2] = {l.data(), r.data()};
    std::int64_t host = 0;
    bool sounded = false;
    PreparationProgress whenSounding;
    SessionState stateWhenSounding;
    // At a device's pace: one block, then its duration of wall time.
    for (; host < 30 * 48000 && !sounded; host += kBlock) {
        player.process(out, kBlock, {host, true, false});
        if (peakOf(l) > 0.0f) {
            sounded = true;
            whenSounding = player.preparationProgress();
            stateWhenSounding = player.playingState();
        }
        std::this_thread::sleep_for(std::chrono::duration<double>(kBlock / kRate));
    }
    ASSERT_TRUE(sounded);
    RecordProperty("first_sound_ms", std::to_string(1000.0 * static_cast<double>(host) / kRate));
    EXPECT_EQ(whenSounding.phase, PreparationPhase::Narrating);
    EXPECT_LT(whenSounding.linesReady, whenSounding.linesTotal);
    // The engine's own state says so too (the editor and the app read it).
    EXPECT_TRUE(stateWhenSounding.preparing);
    EXPECT_EQ(stateWhenSounding.linesTotal, whenSounding.linesTotal);
    EXPECT_LT(stateWhenSounding.linesReady, stateWhenSounding.linesTotal);

    // Playing on, the lines arrive and the state counts them all.
    ASSERT_TRUE(player.waitUntilPrepared(std::chrono::seconds(120)));
    for (int i = 0; i < 4; ++i, host += kBlock) player.process(out, kBlock, {host, true, false});
    const SessionState later = player.playingState();
    EXPECT_FALSE(later.preparing);
    EXPECT_EQ(later.linesReady, later.linesTotal);
    EXPECT_EQ(later.linesTotal, whenSounding.linesTotal);
}

TEST(SessionPlayerPreparation, AnOfflineBounceStartedBeforeTheVoiceWaitsForItAndEqualsTheRender) {
    const auto program = unheardSession(3);
    SessionPlayer player;
    player.setProgram(program);
    player.prepare(kRate);
    // The render of the same words (the player's lines are in the cache by then).
    std::vector<float> got;
    std::vector<float> l(kBlock), r(kBlock);
    float* out[2] = {l.data(), r.data()};
    for (std::int64_t host = 0; host < 8 * 48000; host += kBlock) {
        player.process(out, kBlock, {host, true, true});
        got.insert(got.end(), l.begin(), l.end());
    }
    auto narrated = std::make_shared<Program>(*program);
    NarrationSettings settings;
    settings.sampleRate = kRate;
    ASSERT_TRUE(narrateProgram(*narrated, settings).ok);
    EngineConfig config;
    config.sampleRate = kRate;
    const RenderedAudio render = renderProgram(narrated, config);
    std::int64_t differ = 0;
    for (std::size_t i = 0; i < got.size(); ++i)
        if (got[i] != render.interleaved[2 * i]) ++differ;
    EXPECT_EQ(differ, 0);
    EXPECT_GT(peakOf(got), 0.05f);
}

TEST(SessionPlayerPreparation, AVoiceThatFailsIsReportedAndTheSessionPlaysOn) {
    const auto program = planText(R"(
title: pack
defaults: {voice: {pack: no-such-pack}, bed: pink, tone: pad}
sections:
  - name: one
    steps:
      - say: Hello there.
      - breathe: {cycles: 2}
)");
    SessionPlayer player;
    player.setProgram(program);
    player.prepare(kRate);
    ASSERT_TRUE(player.waitUntilPrepared(std::chrono::seconds(60)));
    EXPECT_EQ(player.preparationProgress().phase, PreparationPhase::Failed);
    const std::string problem = player.narrationProblem();
    EXPECT_NE(problem.find("no-such-pack"), std::string::npos) << problem;
    EXPECT_NE(problem.find("preparing.yaml:3:"), std::string::npos) << problem;
    EXPECT_NE(problem.find("the session plays on without the lines that could not be made"),
              std::string::npos)
        << problem;
    // Realtime and offline, it sounds (the bed, the tone) rather than hold silent.
    for (const bool offline : {false, true}) {
        std::vector<float> l(kBlock), r(kBlock);
        float* out[2] = {l.data(), r.data()};
        float loudest = 0.0f;
        for (std::int64_t host = 0; host < 10 * 48000; host += kBlock) {
            player.process(out, kBlock, {host, true, offline});
            loudest = std::max(loudest, peakOf(l));
            if (player.relocating()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        EXPECT_GT(loudest, 0.05f) << (offline ? "offline" : "realtime");
    }
}

TEST(SessionPlayerPreparation, TheEditorAndTheAppSayHowFarTheVoiceIs) {
    using Phase = PreparationPhase;
    EXPECT_EQ(preparationStatus({3, 12, Phase::Narrating}, false),
              "preparing the voice: 3 of 12 lines");
    EXPECT_EQ(preparationStatus({3, 12, Phase::Narrating}, true),
              "waiting for the voice: 3 of 12 lines");
    EXPECT_EQ(preparationStatus({12, 12, Phase::Calibrating}, false), "measuring the loudness");
    EXPECT_EQ(preparationStatus({12, 12, Phase::Ready}, false), "");
    EXPECT_EQ(preparationStatus({0, 12, Phase::Failed}, true), "");  // narrationProblem says why
    EXPECT_EQ(preparationStatus({}, false), "");                     // no session yet
}

}  // namespace
}  // namespace stillpoint::plugin
