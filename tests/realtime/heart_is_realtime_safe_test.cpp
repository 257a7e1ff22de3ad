// Heart input during playback never allocates, frees or locks: a producer
// thread pushes RR intervals and 0x2A37 packets while the audio thread
// processes a `pace: resonance` session and consumes them (HeartMonitor::
// update, coherence and phase included) and steers the pace with a
// HeartPaceFollower; both threads are watched by a RealtimeGuard.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

#include "../support/resonance_session.hpp"
#include "realtime_guard.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/heart_pace.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::test {
namespace {

TEST(HeartInput, PushingAndConsumingBeatsDuringPlaybackIsRealtimeSafe) {
    const char* yaml = R"(
title: heart
sections:
  - name: one
    steps:
      - breathe: {duration: 3m, pace: resonance}
)";
    const auto program = test::planWithResonance(yaml, "heart.yaml", 6.0);
    ASSERT_TRUE(program);
    constexpr double kRate = 48000.0;
    constexpr int kBlock = 512;
    Engine engine;
    engine.load(program);
    EngineConfig config;
    config.maxBlockFrames = kBlock;
    config.calibrateLoudness = false;
    engine.prepare(config);
    heart::HeartMonitor monitor;
    heart::HeartPaceFollower follower(program, kRate);

    std::atomic<bool> done{false};
    std::atomic<long> producerViolations{-1}, pushed{0};
    std::thread producer([&] {
        RealtimeGuard guard;
        const std::uint8_t packet[] = {0x16, 70, 0x60, 0x03, 0x70, 0x03};  // two RR near 850 ms
        for (long i = 0; !done.load(); ++i) {
            const double rr = 60000.0 / (66.0 + 6.0 * std::sin(0.05 * static_cast<double>(i)));
            if (i % 7 == 0)
                monitor.pushMeasurement(packet, sizeof packet);
            else
                monitor.pushRr(rr);
            pushed.fetch_add(1);
            std::this_thread::yield();
        }
        producerViolations.store(guard.violations().total());
    });

    std::vector<float> left(kBlock), right(kBlock);
    float* out[2] = {left.data(), right.data()};
    RealtimeViolations worst;
    long commands = 0;
    {
        RealtimeGuard guard;
        // Until the session has ended and the producer has pushed its share,
        // however the two threads were scheduled (a finished engine plays silence).
        for (long blocks = 0; (!engine.finished() || pushed.load() <= 1000) && blocks < 2000000;
             ++blocks) {
            engine.process(out, kBlock);
            const double now = static_cast<double>(engine.position()) / kRate;
            Event event;
            while (engine.popEvent(event)) follower.onEvent(event);
            monitor.update(now);
            const heart::FollowUpdate update = follower.tick(now, monitor);
            if (update.command && engine.pushCommand(*update.command)) ++commands;
        }
        worst = guard.violations();
    }
    done.store(true);
    producer.join();
    EXPECT_EQ(worst.allocations, 0);
    EXPECT_EQ(worst.frees, 0);
    EXPECT_EQ(worst.locks, 0);
    EXPECT_EQ(producerViolations.load(), 0);
    EXPECT_GT(pushed.load(), 1000);
    EXPECT_GT(monitor.state().counts.accepted, 100u);
    EXPECT_GT(commands, 0);  // the follower did steer
}

}  // namespace
}  // namespace stillpoint::test
