// The app as a therapist uses it live, through the real audio path
// (ProcessorHost, the processor, SessionPlayer's worker): another session
// chosen while one plays takes over without a cut; a check-in waits for
// Continue (the button and OSC's, and the plugin's Continue parameter); the
// caption is the line being spoken; the time left and the section's
// progress are the engine's SessionState's, grounding counting its own.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "app_player.hpp"
#include "app_render.hpp"
#include "processor/plugin_parameters.hpp"
#include "remote_request.hpp"
#include "stillpoint/breath_pattern.hpp"
#include "stillpoint/engine.hpp"
#include "switch_fade.hpp"

namespace stillpoint::app {
namespace {

using test::kBlock;
using test::kRate;

/// Another sound from its first sample: the wave tone, box breathing.
plugin::SessionText otherSession() {
    return {"other.yaml", R"(title: Other
defaults: {pattern: box, tone: wave, bed: pink}
sections:
  - name: Box
    steps:
      - breathe: {duration: 1m}
)"};
}

/// A check-in between a line and a bell, then a scan of three regions and a grounding.
plugin::SessionText checkinSession() {
    return {"checkin.yaml", R"(title: Check-in
defaults: {pattern: coherent, tone: pad, bed: brown}
sections:
  - name: Arrive
    steps:
      - say: "Settle in."
      - checkin: {prompt: "How is this for you?", wait: 2s}
      - bell: {kind: chime, ring: 2s}
  - name: Scan
    steps:
      - scan: {regions: [feet, hands, jaw], length: short}
      - breathe: {cycles: 2}
)"};
}

class Live : public ::testing::Test {
  protected:
    void SetUp() override { player_.prepare(kRate); }

    /// Render one block; keep the left channel when recording.
    void block() {
        float* out[2] = {left_.data(), right_.data()};
        player_.render(out, 2, kBlock);
        // From the first block that sounds, as a render from the start is.
        started_ = started_ || (recording_ && sounding());
        if (started_) heard_.insert(heard_.end(), left_.begin(), left_.end());
        // While the worker builds an engine, or it holds silence for its
        // first gains (its voice is made meanwhile), go at a device's pace.
        if (test::engineComing(player_.display()))
            std::this_thread::sleep_for(std::chrono::milliseconds(11));
    }
    void render(double seconds) {
        for (int done = 0; done < seconds * kRate; done += kBlock) block();
    }
    bool renderUntil(const std::function<bool()>& done, double seconds) {
        for (int frames = 0; frames < seconds * kRate; frames += kBlock) {
            if (done()) return true;
            block();
        }
        return done();
    }
    bool sounding() const {
        return std::any_of(left_.begin(), left_.end(), [](float v) { return v != 0.0f; });
    }

    AppPlayer player_;
    std::vector<float> left_ = std::vector<float>(kBlock), right_ = std::vector<float>(kBlock);
    bool recording_ = false;
    bool started_ = false;
    std::vector<float> heard_;
};

TEST_F(Live, AnotherSessionChosenWhilePlayingFadesTheOldOutAndPlaysTheNewFromItsStart) {
    ASSERT_EQ(player_.load(test::breathingSession(), {}), "");
    recording_ = true;
    ASSERT_TRUE(test::waitForVoice(player_));  // compared with its render from the start
    player_.play();
    ASSERT_TRUE(renderUntil([&] { return started_; }, 10.0));
    render(14.0);  // past the fade-in, over a whole breath (10 s at six a minute)
    const std::size_t at = heard_.size();
    ASSERT_EQ(player_.load(otherSession(), {}), "");
    render(10.0);
    EXPECT_TRUE(player_.state().playing);
    EXPECT_EQ(player_.state().title, "Other");

    // Against the old session played on without the switch, from its start too.
    const auto unswitched = test::renderFromStart(test::breathingSession(), {},
                                                  test::outputs({0, 1}), ProcessorHost::kOff, 20.0);
    ASSERT_FALSE(unswitched.empty());
    ASSERT_TRUE(
        std::equal(heard_.begin(), heard_.begin() + static_cast<long>(at), unswitched[0].begin()));
    const auto fade = stillpoint::test::measureSwitchFade(heard_, unswitched[0], at, kRate, 10.0);
    // The level falls to silence over the Stop fade, not in milliseconds:
    // 2.5 s, never more than 12 dB from one 50 ms to the next (the envelope
    // runs about 27 dB/s, the tone's own release a little faster; a cut
    // drops by everything at once) ...
    EXPECT_GE(fade.secondsToQuiet, 2.0);
    EXPECT_LE(fade.secondsToQuiet, kStopFadeSeconds + 0.1);
    EXPECT_LT(fade.steepestFallDb, 12.0);
    RecordProperty("seconds_to_silence", std::to_string(fade.secondsToQuiet));
    RecordProperty("steepest_fall_db_per_50ms", std::to_string(fade.steepestFallDb));
    RecordProperty("largest_step_before_during",
                   std::to_string(fade.stepBefore) + " " + std::to_string(fade.stepDuring));
    // ... and never steps further between samples than the sound did by itself.
    EXPECT_LE(fade.stepDuring, fade.stepBefore);

    // The new session then starts at its first sample: exactly its own
    // start, fade-in and all, as when it is played from the top.
    const auto reference =
        test::renderFromStart(otherSession(), {}, test::outputs({0, 1}), ProcessorHost::kOff, 2.0);
    ASSERT_FALSE(reference.empty());
    const auto& ref = reference[0];
    const auto first = static_cast<std::size_t>(
        std::find_if(ref.begin(), ref.end(), [](float v) { return v != 0.0f; }) - ref.begin());
    ASSERT_LT(first + static_cast<std::size_t>(kRate), ref.size());
    const long found = stillpoint::test::findExactly(heard_, at, ref.data() + first,
                                                     static_cast<std::size_t>(kRate));
    ASSERT_GE(found, 0) << "the new session's first second is not its own start";
    EXPECT_GE(static_cast<double>(found - static_cast<long>(at)) / kRate, fade.secondsToQuiet);
    // Its start is a fade-in: the first 100 ms far below a second later.
    const auto tenth = static_cast<int>(0.1 * kRate);
    EXPECT_LT(stillpoint::test::rms(ref.data() + first, tenth),
              0.25 * stillpoint::test::rms(ref.data() + first + static_cast<int>(kRate), tenth));
}

TEST_F(Live, ACheckinWaitsForContinueFromTheButtonAndThePluginsParameter) {
    ASSERT_EQ(player_.load(checkinSession(), {}), "");
    ASSERT_TRUE(test::waitForVoice(player_));  // its lines made first: this is about the check-in
    player_.play();
    ASSERT_TRUE(renderUntil([&] { return player_.state().waiting; }, 30.0));
    const int step = player_.display().step.load();
    render(5.0);  // far past the check-in's own 2 s
    EXPECT_TRUE(player_.state().waiting);
    EXPECT_EQ(player_.display().step.load(), step);
    player_.continueCheckin();
    ASSERT_TRUE(renderUntil([&] { return player_.display().step.load() == step + 1; }, 0.1));
    EXPECT_FALSE(player_.state().waiting);

    // The plugin's Continue parameter: its rising edge goes on, once.
    ASSERT_EQ(player_.load(checkinSession(), {}), "");  // chosen while playing: it plays
    ASSERT_TRUE(renderUntil([&] { return player_.state().waiting; }, 40.0));
    auto* go = player_.processor().parameters().getParameter(plugin::params::kContinue);
    go->setValueNotifyingHost(1.0f);
    ASSERT_TRUE(renderUntil([&] { return !player_.state().waiting; }, 0.1));
    go->setValueNotifyingHost(0.0f);
}

TEST_F(Live, TheCaptionIsTheLineBeingSpokenNotTheStepsFirst) {
    ASSERT_EQ(player_.load(checkinSession(), {}), "");
    ASSERT_TRUE(test::waitForVoice(player_));  // the caption's lines, all made
    player_.play();
    ASSERT_TRUE(renderUntil([&] { return player_.state().waiting; }, 30.0));
    player_.continueCheckin();
    const auto program = player_.program();
    ASSERT_NE(program->narration, nullptr);
    const int scan = 3;
    ASSERT_EQ(program->steps[scan].kind, StepKind::Scan);
    const auto& lines = program->narration->steps[scan];
    ASSERT_GE(lines.size(), 3u);
    // Each region's line in turn, while the step stays the scan.
    for (std::size_t i = 0; i < lines.size(); ++i) {
        SCOPED_TRACE(lines[i].caption);
        ASSERT_TRUE(renderUntil([&] { return player_.state().caption == lines[i].caption; }, 60.0));
        EXPECT_EQ(player_.display().step.load(), scan);
    }
}

TEST_F(Live, TimeLeftAndSectionProgressComeFromThePlanGroundingCountsItsOwn) {
    ASSERT_EQ(player_.load(test::breathingSession(), {}), "");
    ASSERT_TRUE(test::waitForVoice(player_));  // the plan's lengths, every line made
    player_.play();
    ASSERT_TRUE(renderUntil([&] { return player_.state().section == 0; }, 10.0));
    render(6.0);
    const auto program = player_.program();
    auto s = player_.state();
    // The plan's rest and the final fade-out.
    EXPECT_NEAR(s.remainingSeconds, program->lengthSeconds + kSessionFadeOutSeconds - 6.0, 0.5);
    EXPECT_NEAR(s.sectionElapsedSeconds, 6.0, 0.5);
    EXPECT_FALSE(s.grounding);

    // Held past the step's plan, what is left is what a release now would
    // leave: the breath in progress (10 s at most) and the fade-out.
    player_.setHold(true);
    render(70.0);
    s = player_.state();
    EXPECT_GE(s.remainingSeconds, kSessionFadeOutSeconds);
    EXPECT_LE(s.remainingSeconds, 10.0 + kSessionFadeOutSeconds);
    EXPECT_FALSE(s.finished);
    player_.setHold(false);

    player_.grounding();
    ASSERT_TRUE(renderUntil([&] { return player_.state().grounding; }, 10.0));
    render(3.0);
    s = player_.state();
    const auto& section = program->sections[static_cast<std::size_t>(program->groundingSection)];
    double length = 0.0;
    for (int i = 0; i < section.stepCount; ++i)
        length += program->steps[static_cast<std::size_t>(section.firstStep + i)].lengthSeconds;
    EXPECT_NEAR(s.sectionLengthSeconds, length, 0.01);
    EXPECT_GT(s.sectionElapsedSeconds, 1.0);
    EXPECT_NEAR(s.remainingSeconds, length - s.sectionElapsedSeconds + kSessionFadeOutSeconds,
                0.01);
}

TEST(RemotePatterns, TheRemoteOffersEveryBuiltInPatternAndTheAppBreathesIt) {
    EXPECT_EQ(static_cast<std::size_t>(kPatternCount), breathPresets().size());
    AppPlayer player;
    player.setPattern(3);
    EXPECT_EQ(
        player.processor().parameters().getRawParameterValue(plugin::params::kPattern)->load(),
        3.0f);
    player.setPattern(99);  // past the last: the last
    EXPECT_EQ(
        player.processor().parameters().getRawParameterValue(plugin::params::kPattern)->load(),
        static_cast<float>(kPatternCount));
}

}  // namespace
}  // namespace stillpoint::app
