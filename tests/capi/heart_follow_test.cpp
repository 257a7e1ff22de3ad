// The C API follows the heart live: a synthetic RR trace fed through
// sp_heart_push_rr and sp_heart_update at each block's output time, during a
// `pace: resonance` step, moves the breath's pace within the safety limits,
// exactly as a HeartPaceFollower driven directly from the same events and
// beats does (the CLI's and the app's logic); when the beats stop the pace
// glides back to the step's own and is handed back.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "../support/resonance_session.hpp"
#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/heart_pace.hpp"
#include "stillpoint/session_parser.hpp"
#include "stillpoint/stillpoint.h"
#include "stillpoint/synthetic_rr.hpp"

namespace stillpoint::heart {
namespace {

constexpr double kRate = 16000.0;
constexpr int kBlock = 1024;
constexpr double kProfileBpm = 6.5;     // the listener's pace the step starts at
constexpr double kLoseAtSeconds = 300;  // the strap stops sending here
constexpr const char* kSession =
    "title: Follow\nsections:\n  - name: One\n    steps:\n"
    "      - breathe: {duration: 8m, pace: resonance}\n";

/// A heart whose resonance (5.5/min) is below the profile's pace, breathing
/// at the profile's pace: steady, no dropouts (the stream is lost on purpose).
std::vector<Beat> strapBeats() {
    SyntheticHeart heart;
    heart.resonanceBpm = 5.5;
    heart.dropoutsPerMinute = 0.0;
    heart.seed = 7;
    return syntheticBeats(heart, {PaceBlock{kProfileBpm, 0.0, 480.0, 0.4}}, 480.0);
}

struct BlockRecord {
    double nowSeconds = 0.0;
    std::vector<sp_event> events;  // what the engine reported for the block
    std::size_t beatsUpTo = 0;     // beats[0, beatsUpTo) pushed by now
    double followedBpm = 0.0;      // sp_status.heart_followed_pace_bpm after the update
    double paceBpm = 0.0;          // sp_status.pace_bpm: the breath's pace the engine plays
    bool live = false;             // sp_status.heart_live
};

/// The session through the C API, the heart attached, one update per block.
/// `detachAt`: sp_attach_heart(engine, NULL) once the output clock passes it.
std::vector<BlockRecord> playThroughCApi(const std::vector<Beat>& beats, double detachAt = 1e9) {
    sp_engine* engine = nullptr;
    sp_heart* strap = nullptr;
    EXPECT_EQ(sp_create(&engine), SP_OK);
    EXPECT_EQ(sp_heart_create(&strap), SP_OK);
    EXPECT_EQ(sp_set_resonance_pace(engine, kProfileBpm), SP_OK);
    EXPECT_EQ(sp_load_session(engine, kSession, std::strlen(kSession), "follow.yaml"), SP_OK);
    EXPECT_EQ(sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO), SP_OK);
    EXPECT_EQ(sp_wait_for_preparation(engine), SP_OK);
    EXPECT_EQ(sp_attach_heart(engine, strap), SP_OK);
    std::vector<float> left(kBlock), right(kBlock);
    float* out[2] = {left.data(), right.data()};
    std::vector<BlockRecord> blocks;
    std::size_t next = 0;
    std::int64_t played = 0, length = 1;
    while (played < length) {
        EXPECT_EQ(sp_process(engine, out, 2, kBlock), SP_OK);
        BlockRecord block;
        for (sp_event event; sp_poll_event(engine, &event) == SP_OK;) block.events.push_back(event);
        EXPECT_EQ(sp_get_position(engine, &played, &length), SP_OK);
        block.nowSeconds = static_cast<double>(played) / kRate;
        for (; next < beats.size() && beats[next].seconds <= block.nowSeconds &&
               beats[next].seconds < kLoseAtSeconds;
             ++next)
            EXPECT_EQ(sp_heart_push_rr(strap, beats[next].rrMs), SP_OK);
        block.beatsUpTo = next;
        if (block.nowSeconds >= detachAt) {
            EXPECT_EQ(sp_attach_heart(engine, nullptr), SP_OK);
            detachAt = 1e9;
        }
        EXPECT_EQ(sp_heart_update(strap, block.nowSeconds), SP_OK);
        sp_status status{};
        status.struct_size = sizeof status;
        EXPECT_EQ(sp_get_status(engine, &status), SP_OK);
        EXPECT_EQ(status.struct_size, sizeof status);
        block.followedBpm = status.heart_followed_pace_bpm;
        block.paceBpm = status.pace_bpm;
        block.live = status.heart_live != 0;
        blocks.push_back(std::move(block));
    }
    sp_destroy(engine);  // before the heart, as stillpoint.h asks
    sp_heart_destroy(strap);
    return blocks;
}

/// The beats through the C API to the end, played once for the tests that read it.
const std::vector<BlockRecord>& attachedThroughout() {
    static const std::vector<BlockRecord> blocks = playThroughCApi(strapBeats());
    return blocks;
}

std::shared_ptr<const Program> plannedProgram() {
    return test::planWithResonance(kSession, "follow.yaml", kProfileBpm);
}

struct Reference {
    std::vector<std::optional<Command>> commands;  // per block
    std::vector<double> followedBpm;               // per block
};

/// The follower as the CLI drives it: the same events, the same beats at the same times.
Reference followDirectly(const std::vector<BlockRecord>& blocks, const std::vector<Beat>& beats) {
    HeartMonitor monitor;
    HeartPaceFollower follower(plannedProgram(), kRate);
    Reference reference;
    std::size_t next = 0;
    for (const BlockRecord& block : blocks) {
        for (const sp_event& e : block.events) {
            Event event;
            if (e.type == SP_EVENT_STEP_STARTED)
                event.type = EventType::StepStarted;
            else if (e.type == SP_EVENT_PHASE_CHANGED)
                event.type = EventType::PhaseChanged;
            else
                continue;
            event.index = e.index;
            event.sample = e.sample;
            event.sessionSample = e.session_sample;
            follower.onEvent(event);
        }
        for (; next < block.beatsUpTo; ++next) monitor.pushRr(beats[next].rrMs);
        monitor.update(block.nowSeconds);
        reference.commands.push_back(follower.tick(block.nowSeconds, monitor).command);
        reference.followedBpm.push_back(follower.followedBpm());
    }
    return reference;
}

TEST(CApiHeartFollow, SetsTheSamePacesAtTheSameBlocksAsTheFollowerItself) {
    const std::vector<Beat> beats = strapBeats();
    const std::vector<BlockRecord>& blocks = attachedThroughout();
    const Reference reference = followDirectly(blocks, beats);
    ASSERT_EQ(reference.followedBpm.size(), blocks.size());

    std::size_t setPaces = 0, firstSteer = blocks.size();
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        ASSERT_EQ(blocks[i].followedBpm, reference.followedBpm[i]) << "block " << i;
        if (!reference.commands[i]) continue;
        ASSERT_EQ(reference.commands[i]->type, CommandType::SetPace);
        ++setPaces;
        firstSteer = std::min(firstSteer, i);
        // The C API's status shows the value the follower sent at that very block.
        EXPECT_EQ(blocks[i].followedBpm, reference.commands[i]->value) << "block " << i;
    }
    EXPECT_GT(setPaces, 20u);
    // Nothing is set before coherence is valid (32 s of beats) and the lungs were full once.
    EXPECT_GT(blocks[firstSteer].nowSeconds, 32.0);
}

TEST(CApiHeartFollow, ThePaceMovesWithinTheLimitsThenGlidesBackWhenTheBeatsStop) {
    const std::vector<BlockRecord>& blocks = attachedThroughout();

    double lastSet = kProfileBpm, lastAt = -1e9, furthest = 0.0;
    bool handedBack = false, lostSeen = false;
    for (std::size_t i = 1; i < blocks.size(); ++i) {
        const double now = blocks[i].nowSeconds, followed = blocks[i].followedBpm;
        if (followed == blocks[i - 1].followedBpm) continue;
        if (followed == 0.0) {  // handed back: only once the beats stopped
            EXPECT_GT(now, kLoseAtSeconds);
            EXPECT_FALSE(blocks[i].live);
            EXPECT_NEAR(lastSet, kProfileBpm, kFollowStepBpm + 1e-9);
            handedBack = true;
            continue;
        }
        EXPECT_GE(followed, kMinResonancePace);
        EXPECT_LE(followed, kMaxResonancePace);
        EXPECT_LE(std::abs(followed - lastSet), kFollowStepBpm + 1e-9) << "at " << now << " s";
        const bool lost = !blocks[i].live;  // no beat for 5 s
        // One step at most every 6 s; the first step back comes as the loss is seen.
        if (!lost || lostSeen) {
            EXPECT_GE(now - lastAt, kFollowStepSeconds - 1e-9) << "at " << now << " s";
        }
        if (lost) {  // gliding back to the step's own
            EXPECT_LT(std::abs(followed - kProfileBpm), std::abs(lastSet - kProfileBpm)) << now;
            lostSeen = true;
        }
        lastSet = followed;
        lastAt = now;
        furthest = std::max(furthest, std::abs(followed - kProfileBpm));
    }
    // The trace is open loop (it keeps to the profile's pace), so where the
    // pace heads is the follower's business (heart_pace_test); that it moved is ours.
    EXPECT_GT(furthest, 0.3);
    EXPECT_TRUE(handedBack);
    EXPECT_EQ(blocks.back().followedBpm, 0.0);

    // The engine breathes what was set: 8 s after a steady stretch its pace is the followed one.
    const auto at = [&](double seconds) {
        return *std::find_if(blocks.begin(), blocks.end(),
                             [&](const BlockRecord& b) { return b.nowSeconds >= seconds; });
    };
    const BlockRecord beforeLoss = at(kLoseAtSeconds);
    EXPECT_NEAR(beforeLoss.paceBpm, beforeLoss.followedBpm, 2 * kFollowStepBpm);
    EXPECT_GT(std::abs(beforeLoss.paceBpm - kProfileBpm), 0.3);
    // Handed back: the step's own pace again.
    EXPECT_NEAR(at(470.0).paceBpm, kProfileBpm, 1e-9);
}

TEST(CApiHeartFollow, DetachingTheHeartHandsThePaceBack) {
    const std::vector<BlockRecord> blocks = playThroughCApi(strapBeats(), 290.0);
    const auto at = [&](double seconds) {
        return *std::find_if(blocks.begin(), blocks.end(),
                             [&](const BlockRecord& b) { return b.nowSeconds >= seconds; });
    };
    ASSERT_GT(at(289.0).followedBpm, 0.0);  // steering when the strap goes
    EXPECT_GT(std::abs(at(289.0).paceBpm - kProfileBpm), 0.2);
    EXPECT_EQ(at(290.1).followedBpm, 0.0);
    // At once, not over minutes: the engine's own 8 s glide back to the step's pace.
    EXPECT_NEAR(at(305.0).paceBpm, kProfileBpm, 1e-9);
    EXPECT_NEAR(at(470.0).paceBpm, kProfileBpm, 1e-9);
}

}  // namespace
}  // namespace stillpoint::heart
