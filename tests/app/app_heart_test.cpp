// The listener's heart in the app: a simulated heart (closed loop: it answers
// the breath the engine actually plays) steers a `pace: resonance` step
// through the real audio path within the safety limits; beats sent over OSC
// reach the monitor, and what the remote publishes is the monitor's.
#include "app_heart.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "../support/closed_loop_heart.hpp"
#include "app_player.hpp"
#include "app_render.hpp"
#include "assessment_heart.hpp"
#include "osc_packet.hpp"
#include "osc_remote.hpp"
#include "session_catalogue.hpp"
#include "stillpoint/resonance.hpp"

namespace stillpoint::app {
namespace {

constexpr double kRate = 16000.0;
constexpr int kBlock = 1024;
constexpr int kBlockMs = 64;

const plugin::SessionText kResonanceStep{"heart.yaml", R"(title: Heart
sections:
  - name: One
    steps:
      - breathe: {duration: 5m, pace: resonance}
)"};

struct PaceAt {
    double seconds, bpm;
};

/// The app playing `pace: resonance` (the profile's pace 6.0) while a closed-loop
/// heart with its resonance at 5.0 beats into it, block by block.
class HeartRig {
  public:
    HeartRig() {
        player.prepare(kRate, kBlock);
        ClientProfile profile;
        profile.resonanceBpm = 6.0;
        EXPECT_EQ(player.load(kResonanceStep, profile), "");
        player.play();
        heart_.resonanceBpm = 5.0;
    }

    /// Play until `seconds` on the engine's clock (or the end); the engine's pace after each block.
    void playUntil(double seconds) {
        float* out[2] = {left_.data(), right_.data()};
        while (now_ < seconds && !player.state().finished) {
            player.render(out, 2, kBlock);
            // While SessionPlayer's worker builds an engine or the engine holds
            // for its first gains, go at a device's pace (not counted below).
            if (test::engineComing(player.display())) {
                std::this_thread::sleep_for(std::chrono::milliseconds(kBlockMs));
                continue;
            }
            const SessionState s = player.display().session.read();
            now_ = stateSeconds(s, s.outputSample);
            const int phase = player.display().phase.load();
            if (lastPhase_ == static_cast<int>(BreathPhase::Inhale) &&
                phase == static_cast<int>(BreathPhase::Exhale))
                lungsFull_ = now_;
            lastPhase_ = phase;
            while (heart_.nextBeat < now_) {
                const double rr =
                    heart_.nextInterval(s.paceBpm > 0.0 ? s.paceBpm : 6.0, lungsFull_);
                heart_.nextBeat += rr / 1000.0;
                player.heart().pushRr(rr);
            }
            player.heart().tick();
            if (s.paceBpm > 0.0) paces.push_back({now_, s.paceBpm});
            if (const double followed = player.heart().followedBpm(); followed > 0.0) {
                followedMost = std::max(followedMost, followed);
                followedLeast = std::min(followedLeast, followed);
            }
            if (++blocks_ > 2 * 400 * kRate / kBlock) break;  // a clock that never ran
        }
    }

    AppPlayer player;
    std::vector<PaceAt> paces;
    double followedMost = 0.0, followedLeast = 99.0;

  private:
    heart::sim::ClosedLoopHeart heart_;
    std::vector<float> left_ = std::vector<float>(kBlock), right_ = std::vector<float>(kBlock);
    double now_ = 0.0, lungsFull_ = 0.0;
    int lastPhase_ = -1;
    int blocks_ = 0;
};

TEST(AppHeart, ASyntheticHeartSteersTheResonanceStepWithinTheLimits) {
    HeartRig rig;
    rig.playUntil(400.0);
    AppPlayer& player = rig.player;
    const auto& paces = rig.paces;
    const double followedLeast = rig.followedLeast, followedMost = rig.followedMost;
    ASSERT_GT(paces.size(), 1000u);
    EXPECT_GT(paces.back().seconds, 290.0);
    // The limits (CARE.md), on the pace the engine breathes: 4.5-7/min, and
    // at most 0.5/min of change within any minute.
    for (std::size_t i = 0; i < paces.size(); ++i) {
        EXPECT_GE(paces[i].bpm, heart::kMinResonancePace - 1e-6) << paces[i].seconds << " s";
        EXPECT_LE(paces[i].bpm, heart::kMaxResonancePace + 1e-6) << paces[i].seconds << " s";
        for (std::size_t j = i; j-- > 0 && paces[i].seconds - paces[j].seconds <= 60.0;)
            ASSERT_LE(std::abs(paces[i].bpm - paces[j].bpm), heart::kMaxPaceChangePerMinute + 1e-3)
                << "from " << paces[j].seconds << " s to " << paces[i].seconds << " s";
    }
    EXPECT_NEAR(paces.front().bpm, 6.0, 1e-6);  // the profile's pace first
    EXPECT_GE(followedLeast, heart::kMinResonancePace);
    EXPECT_LE(followedMost, 6.0 + 1e-9);  // the heart's resonance is below: it only slowed
    // Toward the heart's resonance (5.0), as far as the limits let it in five minutes.
    RecordProperty("final_pace_bpm", std::to_string(paces.back().bpm));
    RecordProperty("followed_least_bpm", std::to_string(followedLeast));
    EXPECT_LT(paces.back().bpm, 5.45) << "at " << paces.back().seconds << " s";
    EXPECT_GT(paces.back().bpm, 4.8);
    const heart::HeartState state = player.heart().state();
    EXPECT_TRUE(state.live);
    EXPECT_TRUE(state.coherenceValid);
    EXPECT_GT(state.coherence, 0.5);  // breathing near resonance: one strong rhythm
    // The session's state (as the window and the remote read it) carries the
    // pace the heart set, from the next block on.
    std::vector<float> left(kBlock), right(kBlock);
    float* out[2] = {left.data(), right.data()};
    player.render(out, 2, kBlock);
    const SessionHeart carried = player.display().session.read().heart;
    EXPECT_TRUE(carried.connected);
    EXPECT_EQ(carried.followedPaceBpm, player.heart().followedBpm());
    EXPECT_EQ(carried.coherence, state.coherence);
}

TEST(AppHeart, ATherapistsPaceStandsOverTheHearts) {
    HeartRig rig;
    rig.playUntil(120.0);
    const double steered = rig.player.heart().followedBpm();
    ASSERT_GT(steered, 0.0);
    ASSERT_LT(steered, 6.0);  // the heart had begun to slow it
    rig.player.faster();      // the therapist: the step's own pace plus 0.5
    const double asked = rig.player.state().paceBpm;
    EXPECT_GT(asked, steered);
    rig.paces.clear();
    rig.playUntil(180.0);
    ASSERT_FALSE(rig.paces.empty());
    // After the engine's 8 s glide, the therapist's pace and nothing else.
    for (const PaceAt& pace : rig.paces) {
        if (pace.seconds > 130.0) {
            ASSERT_NEAR(pace.bpm, asked, 1e-6) << pace.seconds << " s";
        }
    }
}

TEST(AppHeart, BeatsBeforeTheSessionPlaysAreRefused) {
    AppPlayer player;
    player.prepare(kRate, kBlock);
    ASSERT_EQ(player.load(plugin::bundledSessions().front(), {}), "");
    player.heart().tick();
    EXPECT_FALSE(player.heart().pushRr(1000.0));
    player.heart().tick();
    EXPECT_EQ(player.heart().state().counts.total(), 0u);
    EXPECT_EQ(heart::describeHeart(player.state().heart), "");
}

int freePort() {
    juce::DatagramSocket probe(false);
    probe.bindToPort(0, "127.0.0.1");
    return probe.getBoundPort();
}

void pump(int milliseconds) {
    juce::MessageManager::getInstance()->runDispatchLoopUntil(milliseconds);
}

TEST(AppHeart, BeatsOverOscReachTheMonitorAndTheRemoteGetsItsFigures) {
    AppPlayer player;
    ASSERT_EQ(player.load(plugin::bundledSessions().front(), {}), "");
    player.play();
    HeadlessClock clock(player, 48000.0);
    const int port = freePort();
    OscRemote remote(player, {port, false, {}}, {});
    ASSERT_TRUE(remote.listening());
    juce::DatagramSocket replies(false), out(false);
    ASSERT_TRUE(replies.bindToPort(0, "127.0.0.1"));
    const auto send = [&](const OscMessage& message) {
        const auto bytes = encodeOscMessage(message);
        ASSERT_EQ(out.write("127.0.0.1", port, bytes.data(), static_cast<int>(bytes.size())),
                  static_cast<int>(bytes.size()));
    };
    send({"/stillpoint/register", {replies.getBoundPort()}});
    for (int i = 0; i < 60 && !player.display().session.read().started; ++i) pump(50);
    pump(100);  // the heart's timer sees the session's clock run

    const float beats[] = {1000.0f, 960.0f, 1010.0f, 980.0f, 1020.0f, 1000.0f, 940.0f, 990.0f};
    for (const float rr : beats) send({"/stillpoint/heart/rr", {rr}});
    send({"/stillpoint/heart/rr", {150.0f}});               // a beat out of range: counted
    send({"/stillpoint/heart/rr", {std::string("1000")}});  // no beat at all: dropped
    send({"/stillpoint/heart/rr", {std::nanf("")}});        // dropped
    pump(400);

    const heart::HeartState state = player.heart().state();
    EXPECT_EQ(state.counts.accepted, 8u);
    EXPECT_EQ(state.counts.outOfRange, 1u);
    EXPECT_EQ(state.counts.total(), 9u);
    EXPECT_TRUE(state.live);
    EXPECT_NEAR(state.heartRateBpm, 60000.0 / ((1020.0 + 1000.0 + 940.0 + 990.0) / 4.0), 0.5);
    EXPECT_FALSE(state.coherenceValid);
    // The session's state carries the same figures: the window and the remote read them there.
    const SessionHeart carried = player.state().heart;
    EXPECT_TRUE(carried.connected);
    EXPECT_TRUE(carried.live);
    EXPECT_EQ(carried.beats, 8u);
    EXPECT_EQ(carried.artefacts, 1u);
    EXPECT_EQ(carried.heartRateBpm, state.heartRateBpm);
    EXPECT_EQ(heart::describeHeart(carried), "61 bpm");  // no coherence before 32 s of beats

    // The last /stillpoint/heart the remote sent: f bpm, f coherence (-1: not yet), i live.
    std::optional<OscMessage> published;
    std::vector<std::uint8_t> datagram(kMaxOscPacketBytes + 1);
    while (replies.waitUntilReady(true, 0) == 1) {
        juce::String host;
        int from = 0;
        const int n =
            replies.read(datagram.data(), static_cast<int>(datagram.size()), false, host, from);
        if (n <= 0) break;
        auto message = parseOscMessage(datagram.data(), static_cast<std::size_t>(n));
        if (message && message->address == kHeartStateAddress) published = std::move(message);
    }
    ASSERT_TRUE(published);
    ASSERT_EQ(published->arguments.size(), 3u);
    EXPECT_EQ(std::get<float>(published->arguments[0]), static_cast<float>(state.heartRateBpm));
    EXPECT_EQ(std::get<float>(published->arguments[1]), -1.0f);
    EXPECT_EQ(std::get<std::int32_t>(published->arguments[2]), 1);
}

TEST(AppHeart, StrapNotificationsOverOscAreReadAndHostileOnesCountedWithTheirReason) {
    AppPlayer player;
    ASSERT_EQ(player.load(plugin::bundledSessions().front(), {}), "");
    player.play();
    HeadlessClock clock(player, 48000.0);
    const int port = freePort();
    int changes = 0;
    OscRemote remote(player, {port, false, {}}, [&] { ++changes; });
    ASSERT_TRUE(remote.listening());
    juce::DatagramSocket out(false);
    const auto send = [&](std::vector<std::uint8_t> notification) {
        const auto bytes =
            encodeOscMessage({"/stillpoint/heart/ble", {OscBlob{std::move(notification)}}});
        ASSERT_EQ(out.write("127.0.0.1", port, bytes.data(), static_cast<int>(bytes.size())),
                  static_cast<int>(bytes.size()));
    };
    for (int i = 0; i < 60 && !player.display().session.read().started; ++i) pump(50);
    pump(100);  // the heart's timer sees the session's clock run

    // Flags 0x10: 8-bit heart rate, RR intervals (1/1024 s, little-endian) follow.
    for (const std::uint16_t rr :
         std::initializer_list<std::uint16_t>{1024, 983, 1034, 1004, 1044, 1024})
        send({0x10, 60, static_cast<std::uint8_t>(rr & 0xff), static_cast<std::uint8_t>(rr >> 8)});
    send({0x16, 59, 0x00, 0x04, 0xec, 0x03});  // contact detected, two intervals
    pump(300);
    EXPECT_EQ(player.heart().state().counts.accepted, 8u);
    EXPECT_EQ(player.heart().refusedMeasurements(), 0u);
    EXPECT_EQ(changes, 0);  // beats redraw nothing

    send({});                      // empty
    send({0x11});                  // short: the flags announce a 16-bit heart rate
    send({0x00, 60, 0x00, 0x04});  // wrong flags: bytes where no field is announced
    std::vector<std::uint8_t> huge{0x10, 60};
    huge.resize(2 + 2 * 100, 0x04);  // a hundred intervals
    send(huge);
    // Longer than any packet the remote reads: dropped whole, before it is read.
    std::vector<std::uint8_t> tooLong{0x10, 60};
    tooLong.resize(1100, 0x04);
    send(tooLong);
    pump(300);

    EXPECT_EQ(player.heart().state().counts.total(), 8u);  // nothing pushed by a bad packet
    EXPECT_EQ(player.heart().refusedMeasurements(), 4u);
    EXPECT_EQ(player.heart().lastRefusal(),
              "heart rate measurement (0x2A37): 100 RR intervals, more than the 32 one packet "
              "may carry; split them over packets");
    EXPECT_EQ(changes, 4);  // each refusal is said in the window

    send({0x11});
    pump(200);
    EXPECT_EQ(player.heart().lastRefusal(),
              "heart rate measurement (0x2A37): 1 bytes, but its flags announce 3 before any RR "
              "interval (heart rate, energy expended); pass the whole notification");
}

TEST(AppHeart, AnAssessmentPlayedInTheAppFindsTheHeartsResonance) {
    AppPlayer player;
    player.prepare(kRate, kBlock);
    ASSERT_EQ(player.load({kAssessmentName, heart::assessmentSessionText()}, {}), "");
    player.play();
    std::size_t sent = 0;
    test::playAssessmentWithHeart(player, 5.0, kBlock, sent);
    ASSERT_GT(sent, 800u);  // about 15 minutes of beats
    EXPECT_EQ(player.heart().recordedBeats(), sent);
    const heart::ResonanceResult found = player.heart().assessment();
    ASSERT_GE(found.chosen, 0) << found.error;
    EXPECT_EQ(found.paces.size(), std::size(heart::kAssessmentPaces));
    RecordProperty("found_bpm", std::to_string(found.resonanceBpm));
    EXPECT_NEAR(found.resonanceBpm, 5.0, 0.5);
}

TEST(AppHeart, AnyOtherSessionIsNoAssessment) {
    AppPlayer player;
    player.prepare(kRate, kBlock);
    ClientProfile profile;
    profile.resonanceBpm = 6.0;
    ASSERT_EQ(player.load(kResonanceStep, profile), "");  // one paced step: nothing to compare
    const heart::ResonanceResult found = player.heart().assessment();
    EXPECT_EQ(found.chosen, -1);
    EXPECT_EQ(found.error,
              "the session playing is not a resonance assessment (no two paces to compare); play "
              "the resonance assessment with the strap's beats coming in");
}

}  // namespace
}  // namespace stillpoint::app
