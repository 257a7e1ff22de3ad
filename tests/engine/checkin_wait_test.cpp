// Checkins in live play wait for the listener: after the prompt the session
// holds (the bed going on) until Continue, then goes on at the sample the
// command acts; a render takes the checkin's set time.
#include <gtest/gtest.h>

#include "audio_analysis.hpp"
#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

constexpr double kRate = 48000.0;
std::int64_t at(double seconds) {
    return std::llround(seconds * kRate);
}

// A bell after the checkin: its strike is found in the signal.
const char* kCheckin = R"(title: checkin
defaults: {bed: none, tone: none}
sections:
  - name: one
    steps:
      - checkin: {prompt: "How is this for you right now?", wait: 5s}
      - bell: chime
)";

const Event* first(const RenderedAudio& audio, EventType type, int index = -1) {
    for (const auto& e : audio.events)
        if (e.type == type && (index < 0 || e.index == index)) return &e;
    return nullptr;
}

EngineConfig live() {
    EngineConfig config;
    config.waitAtCheckins = true;
    return config;
}

/// Where the prompt ends: the checkin's start plus its clip.
std::int64_t promptEnd(const Program& program, const RenderedAudio& audio) {
    const auto* step = first(audio, EventType::StepStarted, 0);
    return step->sample + program.narration->steps[0][0].lengthFramesAt(audio.sampleRate);
}

TEST(CheckinWait, LiveTheSessionWaitsAfterThePromptUntilContinue) {
    const auto program = programFromText(kCheckin);
    ASSERT_TRUE(program);
    // Continue 60 s in, far past the 5 s a render waits; pushed on a block boundary.
    const std::int64_t continueAt = at(60.0);
    ASSERT_EQ(continueAt % 64, 0);
    const auto audio =
        playWithCommands(program, {{continueAt, {CommandType::Continue}}}, 64, live());

    const auto* waiting = first(audio, EventType::WaitingForContinue);
    ASSERT_TRUE(waiting);
    EXPECT_EQ(waiting->index, 0);
    EXPECT_NEAR(static_cast<double>(waiting->sample),
                static_cast<double>(promptEnd(*program, audio)), 1.0);

    // The bell step starts where the command acts: its block, plus the look-ahead.
    Engine probe;
    probe.load(program);
    probe.prepare(live());
    const auto* bell = first(audio, EventType::StepStarted, 1);
    ASSERT_TRUE(bell);
    EXPECT_EQ(bell->sample, continueAt + probe.lookAheadFrames());
    // And it is heard there: silence while waiting, the chime from that sample.
    const auto left = channel(audio, 0);
    const std::int64_t quietFrom = promptEnd(*program, audio) + 48;
    std::int64_t heard = quietFrom;
    while (heard < static_cast<std::int64_t>(left.size()) &&
           std::abs(left[static_cast<std::size_t>(heard)]) < 1e-6f)
        ++heard;
    EXPECT_LE(std::abs(heard - bell->sample), 48) << "bell heard at " << heard;
}

TEST(CheckinWait, ARenderWaitsTheSetTime) {
    const auto program = programFromText(kCheckin);
    ASSERT_TRUE(program);
    const auto audio = renderProgram(program, {});
    EXPECT_FALSE(first(audio, EventType::WaitingForContinue));
    const auto* bell = first(audio, EventType::StepStarted, 1);
    ASSERT_TRUE(bell);
    EXPECT_NEAR(static_cast<double>(bell->sample),
                static_cast<double>(promptEnd(*program, audio) + at(5.0)), 1.0);
}

TEST(CheckinWait, AContinueDuringThePromptGoesOnRightAfterIt) {
    const auto program = programFromText(kCheckin);
    ASSERT_TRUE(program);
    const auto audio = playWithCommands(program, {{at(0.5), {CommandType::Continue}}}, 64, live());
    EXPECT_FALSE(first(audio, EventType::WaitingForContinue));
    const auto* bell = first(audio, EventType::StepStarted, 1);
    ASSERT_TRUE(bell);
    EXPECT_NEAR(static_cast<double>(bell->sample), static_cast<double>(promptEnd(*program, audio)),
                1.0);
}

TEST(CheckinWait, TheBedGoesOnWhileWaiting) {
    std::string withBed = kCheckin;
    withBed.replace(withBed.find("bed: none"), 9, "bed: brown");
    const auto program = programFromText(withBed);
    ASSERT_TRUE(program);
    const auto audio = playWithCommands(program, {{at(40.0), {CommandType::Continue}}}, 64, live());
    const auto left = channel(audio, 0);
    // From 10 s after the prompt until the Continue: the bed at a steady level.
    const std::int64_t from = promptEnd(*program, audio) + at(10.0);
    const auto levelDb = [&](std::int64_t start, std::int64_t end) {
        return rmsDbfs(left.data() + start, static_cast<int>(end - start));
    };
    const double early = levelDb(from, from + at(5.0));
    const double late = levelDb(at(34.0), at(39.0));
    EXPECT_GT(early, -60.0);
    EXPECT_NEAR(early, late, 1.5);
}

TEST(CheckinWait, ContinueOutsideACheckinChangesNothing) {
    const auto program = programFromText(kCheckin);
    ASSERT_TRUE(program);
    const auto once = playWithCommands(program, {{at(60.0), {CommandType::Continue}}}, 64, live());
    // A second Continue lands in the bell step: nothing to go on from.
    const auto twice = playWithCommands(
        program, {{at(60.0), {CommandType::Continue}}, {at(61.0), {CommandType::Continue}}}, 64,
        live());
    EXPECT_EQ(once.interleaved, twice.interleaved);
}

}  // namespace
}  // namespace stillpoint::test
