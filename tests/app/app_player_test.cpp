// AppPlayer: the app's controls reach the plugin's processor and change what
// is heard and what the state says. Rendered through the real audio path
// (ProcessorHost, the processor, SessionPlayer's worker) as in the app.
#include "app_player.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <thread>
#include <vector>

#include "app_render.hpp"

namespace stillpoint::app {
namespace {

constexpr double kRate = 48000.0;
constexpr int kBlock = 512;

class Player : public ::testing::Test {
  protected:
    void SetUp() override {
        player_.prepare(kRate);
        ASSERT_EQ(player_.load(plugin::bundledSessions().front(), {}), "");
    }

    /// Render `seconds` of audio; the loudest sample.
    float render(double seconds) {
        float peak = 0.0f;
        for (int done = 0; done < seconds * kRate; done += kBlock) peak = std::max(peak, block());
        return peak;
    }

    /// Render until `done` holds, at most `seconds` of audio; whether it held.
    bool renderUntil(const std::function<bool()>& done, double seconds) {
        for (int frames = 0; frames < seconds * kRate; frames += kBlock) {
            if (done()) return true;
            block();
        }
        return done();
    }

    float block() {
        float* out[2] = {left_.data(), right_.data()};
        player_.render(out, 2, kBlock);
        // While SessionPlayer's worker builds an engine, or the engine holds
        // silence for its first gains (its voice is made meanwhile), go at a
        // device's pace (a block is 10.7 ms), or it would always come too late.
        if (test::engineComing(player_.display()))
            std::this_thread::sleep_for(std::chrono::milliseconds(11));
        float peak = 0.0f;
        for (int i = 0; i < kBlock; ++i)
            peak = std::max({peak, std::fabs(left_[i]), std::fabs(right_[i])});
        return peak;
    }

    AppPlayer player_;
    std::vector<float> left_ = std::vector<float>(kBlock), right_ = std::vector<float>(kBlock);
};

TEST_F(Player, SilentUntilPlayThenSounds) {
    EXPECT_EQ(render(1.0), 0.0f);
    EXPECT_FALSE(player_.state().playing);
    EXPECT_EQ(player_.state().elapsedSeconds, 0.0);
    player_.play();
    EXPECT_TRUE(renderUntil([&] { return block() > 1e-3f; }, 10.0));
    render(2.0);
    const auto state = player_.state();
    EXPECT_TRUE(state.playing);
    EXPECT_EQ(state.section, 0);
    EXPECT_EQ(state.title, "Arrive and breathe");
    EXPECT_GT(state.elapsedSeconds, 1.0);
    EXPECT_LT(state.elapsedSeconds, 12.0);
}

TEST_F(Player, NextAndPreviousMoveBetweenSections) {
    ASSERT_TRUE(test::waitForVoice(player_));  // the plan's section starts, every line made
    player_.play();
    ASSERT_TRUE(renderUntil([&] { return player_.state().section == 0; }, 10.0));
    render(1.0);
    player_.next();
    ASSERT_TRUE(renderUntil([&] { return player_.state().section == 1; }, 10.0));
    EXPECT_EQ(player_.state().sectionName, "Breathing");
    // The elapsed time follows the jump to the section's planned start.
    const double start = player_.program()->sections[1].startSeconds;
    EXPECT_NEAR(player_.state().elapsedSeconds, start, 1.0);
    player_.previous();  // just after its start: back to the section before
    ASSERT_TRUE(renderUntil([&] { return player_.state().section == 0; }, 10.0));
}

TEST_F(Player, PauseFadesToSilenceAndStopsTheClockUntilPlay) {
    player_.play();
    ASSERT_TRUE(renderUntil([&] { return block() > 1e-3f; }, 10.0));
    render(1.0);
    player_.pause();
    ASSERT_TRUE(renderUntil([&] { return player_.state().paused; }, 5.0));
    const double at = player_.state().elapsedSeconds;
    EXPECT_EQ(render(2.0), 0.0f);
    EXPECT_EQ(player_.state().elapsedSeconds, at);
    EXPECT_FALSE(player_.state().playing);
    player_.play();
    EXPECT_TRUE(renderUntil([&] { return block() > 1e-3f; }, 5.0));
    render(1.0);
    EXPECT_GT(player_.state().elapsedSeconds, at + 0.5);
}

TEST_F(Player, StopFadesOutThenFinishes) {
    player_.play();
    ASSERT_TRUE(renderUntil([&] { return block() > 1e-3f; }, 10.0));
    render(3.0);
    player_.stop();
    EXPECT_GT(render(0.2), 1e-4f);  // fading, not cut
    ASSERT_TRUE(renderUntil([&] { return player_.state().finished; }, 6.0));
    EXPECT_EQ(render(0.5), 0.0f);
    EXPECT_FALSE(player_.state().playing);
    // Play after the end starts the session again from the top.
    player_.play();
    ASSERT_TRUE(renderUntil([&] { return player_.state().section == 0 && block() > 1e-3f; }, 10.0));
    EXPECT_LT(player_.state().elapsedSeconds, 10.0);
}

TEST_F(Player, StopBehindAFullControlQueueStillFadesOut) {
    player_.play();
    ASSERT_TRUE(renderUntil([&] { return block() > 1e-3f; }, 10.0));
    render(3.0);
    // Play while playing changes nothing: a queue full of no-ops.
    int taken = 0;
    while (taken < 1000 && player_.processor().control({plugin::ControlType::Play})) ++taken;
    EXPECT_EQ(taken, 64);
    ASSERT_TRUE(player_.processor().control({plugin::ControlType::Stop}));  // never refused
    EXPECT_GT(render(0.2), 1e-4f);                                          // fading, not cut
    ASSERT_TRUE(renderUntil([&] { return player_.state().finished; }, 6.0));
    EXPECT_EQ(render(0.5), 0.0f);
}

TEST_F(Player, ProfilePaceAndTheSlowerFasterControls) {
    ClientProfile profile;
    profile.paceBpm = 5.0;
    ASSERT_EQ(player_.applyProfile(profile), "");
    // The pace is the processor's Pace parameter (a float): the same to 1e-4.
    EXPECT_NEAR(player_.state().paceBpm, 5.0, 1e-4);
    player_.faster();
    EXPECT_NEAR(player_.state().paceBpm, 5.0 + AppPlayer::kPaceStepBpm, 1e-4);
    EXPECT_NEAR(player_.processor().parameters().getRawParameterValue("pace")->load(), 5.5, 1e-4);
    player_.slower();
    player_.slower();
    EXPECT_NEAR(player_.state().paceBpm, 5.0 - AppPlayer::kPaceStepBpm, 1e-4);
    EXPECT_NEAR(player_.profile().paceBpm, 5.0 - AppPlayer::kPaceStepBpm,
                1e-4);  // what "Save profile" writes
    for (int i = 0; i < 40; ++i) player_.slower();
    EXPECT_NEAR(player_.state().paceBpm, kMinProfilePace, 1e-4);
}

TEST_F(Player, HoldIsReportedUntilReleased) {
    player_.play();
    player_.setHold(true);
    render(0.5);
    EXPECT_TRUE(player_.state().holding);
    player_.setHold(false);
    EXPECT_FALSE(player_.state().holding);
}

TEST_F(Player, AnAvoidRegionThatDoesNotExistIsAnErrorNamingIt) {
    ClientProfile profile;
    profile.avoid = {"elbowz"};
    const auto error = player_.applyProfile(profile);
    EXPECT_NE(error.find("elbowz"), std::string::npos) << error;
    EXPECT_TRUE(player_.processor().listenerOptions().avoid.empty());  // nothing changed
}

TEST_F(Player, AProfileAdaptsTheProcessorsPlan) {
    ClientProfile profile;
    profile.avoid = {"knees", "jaw"};
    profile.voice = "cmu_us_awb";
    profile.hapticCap = 0.4;
    ASSERT_EQ(player_.applyProfile(profile), "");
    const auto& options = player_.processor().listenerOptions();
    EXPECT_EQ(options.avoid, profile.avoid);
    EXPECT_EQ(options.voice, "cmu_us_awb");
    EXPECT_EQ(options.hapticCap, 0.4);
    // A scan loaded afterwards is planned without those regions: its lines never name them.
    const plugin::SessionText scan{"scan.yaml", R"(title: Scan
sections:
  - name: Scan
    steps:
      - scan: {regions: [feet, knees, belly, jaw], length: short}
)"};
    ASSERT_EQ(player_.load(scan, profile), "");
    const auto program = player_.processor().currentProgram();
    ASSERT_NE(program, nullptr);
    std::string spoken;
    for (const auto& step : program->steps)
        for (const auto& line : step.lines) spoken += line + "\n";
    EXPECT_NE(spoken.find("feet"), std::string::npos) << spoken;
    EXPECT_NE(spoken.find("belly"), std::string::npos) << spoken;
    EXPECT_EQ(spoken.find("knees"), std::string::npos) << spoken;
    EXPECT_EQ(spoken.find("jaw"), std::string::npos) << spoken;
}

TEST_F(Player, AProfilesResonancePaceIsWhatPaceResonanceBreathes) {
    const plugin::SessionText session{"resonance.yaml", R"(title: Resonance
sections:
  - name: One
    steps:
      - breathe: {duration: 2m, pace: resonance}
)"};
    const auto refused = player_.load(session, ClientProfile{});
    const std::string expected =
        "resonance.yaml:5:39: error: pace: resonance needs the listener's resonance pace";
    EXPECT_NE(refused.find(expected), std::string::npos) << refused;
    ClientProfile profile;
    profile.resonanceBpm = 5.0;
    ASSERT_EQ(player_.load(session, profile), "");
    const auto program = player_.processor().currentProgram();
    ASSERT_NE(program, nullptr);
    EXPECT_TRUE(program->steps[0].resonancePace);
    EXPECT_DOUBLE_EQ(program->steps[0].paceBpm, 5.0);
    EXPECT_EQ(program->steps[0].cycles, 10);
}

TEST_F(Player, AProfilesVoiceReplacesTheSessionsDefaultVoice) {
    ClientProfile profile;
    profile.voice = "flite:cmu_us_rms";
    ASSERT_EQ(player_.applyProfile(profile), "");
    const auto program = player_.processor().currentProgram();
    ASSERT_NE(program, nullptr);
    const VoiceName& voice = program->sound.voice.synthesized;
    ASSERT_TRUE(voice.engine);
    EXPECT_EQ(*voice.engine, SpeechEngine::Flite);
    EXPECT_EQ(voice.name, "cmu_us_rms");
}

TEST_F(Player, AVoiceOfAnUnknownEngineIsAnErrorAndChangesNothing) {
    ClientProfile profile;
    profile.voice = "klingon:worf";
    const auto error = player_.applyProfile(profile);
    EXPECT_NE(error.find("klingon"), std::string::npos) << error;
    EXPECT_EQ(player_.processor().listenerOptions().voice, "");
    EXPECT_FALSE(player_.processor().currentProgram()->sound.voice.synthesized.engine);
}

}  // namespace
}  // namespace stillpoint::app
