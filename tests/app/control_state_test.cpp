// The processor's control path without audio: the queue keeps order and
// says when it is full; each control sets the free timeline and asks the
// engine for what it should (a pause once, a resume only after a pause, a
// play after the end from the top).
#include "processor/control_state.hpp"

#include <gtest/gtest.h>

namespace stillpoint::plugin {
namespace {

CommandType commandOf(ControlType type, ControlState& state, bool finished = false) {
    const auto command = applyControl({type}, state, finished);
    EXPECT_TRUE(command.has_value());
    return command ? command->type : CommandType::Stop;
}

TEST(ControlQueue, KeepsOrderRefusesWhenFullButNeverLosesGroundingOrStop) {
    ControlQueue queue;
    for (std::size_t i = 0; i < ControlQueue::kCapacity; ++i)
        ASSERT_TRUE(queue.tryPush({i % 2 == 0 ? ControlType::NextSection : ControlType::Pause}));
    EXPECT_FALSE(queue.tryPush({ControlType::Play}));
    EXPECT_TRUE(queue.tryPush({ControlType::Stop}));  // latched behind the full queue
    EXPECT_TRUE(queue.tryPush({ControlType::Grounding}));
    ProcessorControl control;
    for (std::size_t i = 0; i < ControlQueue::kCapacity; ++i) {
        ASSERT_TRUE(queue.tryPop(control));
        EXPECT_EQ(control.type, i % 2 == 0 ? ControlType::NextSection : ControlType::Pause);
    }
    // Both after what was asked before them; Stop last.
    ASSERT_TRUE(queue.tryPop(control));
    EXPECT_EQ(control.type, ControlType::Grounding);
    ASSERT_TRUE(queue.tryPop(control));
    EXPECT_EQ(control.type, ControlType::Stop);
    EXPECT_FALSE(queue.tryPop(control));
    EXPECT_TRUE(queue.tryPush({ControlType::Play}));  // room again
}

TEST(ControlState, TheStandaloneRunsAtOnceACueWaitsForPlay) {
    ControlState state;
    EXPECT_TRUE(state.timelineRuns);
    EXPECT_FALSE(state.waitsForStart);
    state.timeline = 48000;
    EXPECT_FALSE(applyControl({ControlType::Cue}, state, false));
    EXPECT_EQ(state.timeline, 0);
    EXPECT_FALSE(state.timelineRuns);
    EXPECT_TRUE(state.waitsForStart);
    EXPECT_TRUE(state.cued);
    EXPECT_FALSE(applyControl({ControlType::Play}, state, false));
    EXPECT_TRUE(state.timelineRuns);
    EXPECT_TRUE(state.waitsForStart);  // until the engine for the start is in
}

TEST(ControlState, PauseGoesOnceAndPlayResumesIt) {
    ControlState state;
    applyControl({ControlType::Cue}, state, false);
    EXPECT_FALSE(applyControl({ControlType::Pause}, state, false));  // nothing plays yet
    applyControl({ControlType::Play}, state, false);
    EXPECT_EQ(commandOf(ControlType::Pause, state), CommandType::Pause);
    EXPECT_FALSE(applyControl({ControlType::Pause}, state, false));
    EXPECT_EQ(commandOf(ControlType::Play, state), CommandType::Resume);
    EXPECT_FALSE(applyControl({ControlType::Play}, state, false));  // already playing
}

TEST(ControlState, PlayAfterTheEndStartsFromTheTop) {
    ControlState state;
    state.timeline = 96000;
    EXPECT_FALSE(applyControl({ControlType::Pause}, state, true));
    EXPECT_FALSE(applyControl({ControlType::Play}, state, true));
    EXPECT_EQ(state.timeline, 0);
    EXPECT_TRUE(state.cued);
    EXPECT_TRUE(state.timelineRuns);
    EXPECT_TRUE(state.waitsForStart);
}

TEST(ControlState, MomentsBecomeTheirEngineCommands) {
    ControlState state;
    applyControl({ControlType::Cue}, state, false);
    EXPECT_EQ(commandOf(ControlType::Grounding, state), CommandType::Grounding);
    EXPECT_TRUE(state.timelineRuns);  // grounding is reachable before Play too
    EXPECT_EQ(commandOf(ControlType::NextSection, state), CommandType::NextSection);
    EXPECT_EQ(commandOf(ControlType::PreviousSection, state), CommandType::PrevSection);
    EXPECT_EQ(commandOf(ControlType::Stop, state), CommandType::Stop);
    EXPECT_EQ(commandOf(ControlType::Continue, state), CommandType::Continue);
    EXPECT_TRUE(state.timelineRuns);
}

TEST(ControlState, TheHeartsPaceGoesToTheEngineAsItIsAndChangesNoTimeline) {
    ControlState state;
    const ControlState before = state;
    const auto paced = applyControl({ControlType::FollowPace, 5.35}, state, false);
    ASSERT_TRUE(paced);
    EXPECT_EQ(paced->type, CommandType::SetPace);
    EXPECT_EQ(paced->value, 5.35);  // finer than the Pace parameter's 0.1 steps
    const auto handedBack = applyControl({ControlType::FollowPace, 0.0}, state, false);
    ASSERT_TRUE(handedBack);
    EXPECT_EQ(handedBack->value, 0.0);  // the session's own pace again
    EXPECT_EQ(state.timelineRuns, before.timelineRuns);
    EXPECT_EQ(state.waitsForStart, before.waitsForStart);
    EXPECT_EQ(state.pauseAsked, before.pauseAsked);
}

}  // namespace
}  // namespace stillpoint::plugin
