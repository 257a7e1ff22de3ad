// Heart-paced breathing end to end: a real Engine plays a `pace: resonance`
// step while a simulated heart (closed loop: it answers the breath the engine
// actually paces) feeds a HeartMonitor, and a HeartPaceFollower steers. The
// breath's pace is measured from the engine's own inhale onsets.
#include "stillpoint/heart_pace.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "../support/closed_loop_heart.hpp"
#include "../support/resonance_session.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/resonance.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::heart {
namespace {

constexpr double kRate = 16000.0;
constexpr int kBlock = 1024;

/// One `pace: resonance` step of `duration`, then the steps in `after`.
std::shared_ptr<const Program> resonanceProgram(double profileBpm, const char* duration,
                                                const std::string& after = {}) {
    const std::string text =
        "title: Heart\nsections:\n  - name: One\n    steps:\n"
        "      - breathe: {duration: " +
        std::string(duration) + ", pace: resonance}\n" + after;
    return test::planWithResonance(text, "heart.yaml", profileBpm);
}

using sim::ClosedLoopHeart;

struct BreathLog {
    std::vector<double> inhaleSeconds;
    std::vector<std::pair<double, FollowNote>> notes;
    std::vector<Command> commands;
    /// Pace of breath i (from inhale i to inhale i + 1).
    double bpm(std::size_t i) const { return 60.0 / (inhaleSeconds[i + 1] - inhaleSeconds[i]); }
};

enum class Stream { Heart, Hostile };

/// Play `program`; beats flow while `beating(t)` is true.
template <class Beating>
BreathLog play(std::shared_ptr<const Program> program, ClosedLoopHeart& heart, Stream stream,
               Beating beating) {
    Engine engine;
    engine.load(program);
    EngineConfig config;
    config.sampleRate = kRate;
    config.maxBlockFrames = kBlock;
    config.calibrateLoudness = false;
    engine.prepare(config);
    HeartMonitor monitor;
    HeartPaceFollower follower(program, kRate);
    BreathLog log;
    std::vector<float> left(kBlock), right(kBlock);
    float* out[2] = {left.data(), right.data()};
    double lungsFull = 0.0, breathBpm = program->steps[0].paceBpm;
    bool inhaling = false;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    while (!engine.finished()) {
        engine.process(out, kBlock);
        const double now = static_cast<double>(engine.position()) / kRate;
        Event event;
        while (engine.popEvent(event)) {
            follower.onEvent(event);
            if (event.type != EventType::PhaseChanged) continue;
            const double at = static_cast<double>(event.sample) / kRate;
            const auto phase = static_cast<BreathPhase>(event.index);
            EXPECT_TRUE(phase == BreathPhase::Inhale || phase == BreathPhase::Exhale)
                << "a hold at " << at << " s";
            if (phase == BreathPhase::Inhale) {
                if (!log.inhaleSeconds.empty()) breathBpm = 60.0 / (at - log.inhaleSeconds.back());
                log.inhaleSeconds.push_back(at);
            } else if (inhaling) {
                lungsFull = at;
            }
            inhaling = phase == BreathPhase::Inhale;
        }
        while (heart.nextBeat < now) {
            double rr = heart.nextInterval(breathBpm, lungsFull);
            if (stream == Stream::Hostile) {  // junk, extremes, floods
                const double roll = unit(heart.random);
                if (roll < 0.1)
                    rr = std::nan("");
                else if (roll < 0.2)
                    rr = roll < 0.15 ? 301.0 : 1999.0;
                else if (roll < 0.25)
                    rr = -1e300;
                else if (roll < 0.27)
                    for (int i = 0; i < 300; ++i)
                        monitor.pushRr(400.0 + 1500.0 * unit(heart.random));
            }
            heart.nextBeat += std::isfinite(rr) && rr > 0.0 ? std::min(rr, 2000.0) / 1000.0 : 0.8;
            if (beating(heart.nextBeat)) monitor.pushRr(rr, heart.nextBeat);
        }
        monitor.update(now);
        const FollowUpdate update = follower.tick(now, monitor);
        if (update.command) {
            log.commands.push_back(*update.command);
            EXPECT_TRUE(engine.pushCommand(*update.command));
        }
        if (update.note != FollowNote::None) log.notes.emplace_back(now, update.note);
    }
    return log;
}

/// The safety limits over a played breath log.
void expectSafe(const BreathLog& log) {
    for (const Command& command : log.commands) {
        EXPECT_EQ(command.type, CommandType::SetPace);
        EXPECT_TRUE(command.value == 0.0 ||
                    (command.value >= kMinResonancePace && command.value <= kMaxResonancePace))
            << command.value;
    }
    ASSERT_GT(log.inhaleSeconds.size(), 20u);
    for (std::size_t i = 0; i + 1 < log.inhaleSeconds.size(); ++i) {
        // Onsets are whole samples: a breath's measured pace is exact to about 1e-4/min.
        EXPECT_GE(log.bpm(i), kMinResonancePace - 1e-3) << "breath " << i;
        EXPECT_LE(log.bpm(i), kMaxResonancePace + 1e-3) << "breath " << i;
        // No breath's pace is more than 0.5/min from any breath within the minute before it
        // (each breath's pace is its average, so the bound holds on those averages too).
        for (std::size_t j = i; j-- > 0 && log.inhaleSeconds[i] - log.inhaleSeconds[j] <= 60.0;)
            EXPECT_LE(std::abs(log.bpm(i) - log.bpm(j)), kMaxPaceChangePerMinute + 1e-3)
                << "breaths " << j << " and " << i;
    }
}

TEST(HeartPace, FollowsTheHeartTowardItsResonanceWithinTheLimits) {
    ClosedLoopHeart heart;
    heart.resonanceBpm = 5.0;
    const BreathLog log =
        play(resonanceProgram(6.0, "10m"), heart, Stream::Heart, [](double) { return true; });
    expectSafe(log);
    ASSERT_FALSE(log.notes.empty());
    EXPECT_EQ(log.notes.front().second, FollowNote::Following);
    const std::size_t last = log.inhaleSeconds.size() - 2;
    EXPECT_NEAR(log.bpm(0), 6.0, 1e-3);
    EXPECT_NEAR(log.bpm(last), 5.0, 0.35) << "after " << log.inhaleSeconds[last] << " s";
}

TEST(HeartPace, LosingTheStreamGlidesBackToTheSessionsPaceAndSaysSo) {
    ClosedLoopHeart heart;
    heart.resonanceBpm = 5.0;
    const BreathLog log = play(resonanceProgram(6.0, "10m"), heart, Stream::Heart,
                               [](double t) { return t < 240.0; });
    expectSafe(log);
    bool lost = false, handedBack = false;
    for (const auto& [at, note] : log.notes) {
        if (note == FollowNote::StreamLost) {
            lost = true;
            EXPECT_NEAR(at, 245.0, 1.0);  // five quiet seconds after the last beat
        }
        if (note == FollowNote::HandedBack) handedBack = lost;
    }
    EXPECT_TRUE(lost);
    EXPECT_TRUE(handedBack);
    EXPECT_EQ(log.commands.back().value, 0.0);  // the session's own pace again
    EXPECT_NEAR(log.bpm(log.inhaleSeconds.size() - 2), 6.0, 1e-3);
}

TEST(HeartPace, TheNextStepGetsItsOwnPaceBack) {
    ClosedLoopHeart heart;
    heart.resonanceBpm = 5.0;
    const BreathLog log =
        play(resonanceProgram(6.0, "4m", "      - breathe: {cycles: 4, pace: 6.5}\n"), heart,
             Stream::Heart, [](double) { return true; });
    ASSERT_FALSE(log.notes.empty());
    EXPECT_EQ(log.notes.back().second, FollowNote::HandedBack);
    EXPECT_EQ(log.commands.back().value, 0.0);
    const std::size_t last = log.inhaleSeconds.size() - 2;
    EXPECT_LT(log.bpm(last - 4), 5.9);  // the resonance step had been steered
    EXPECT_NEAR(log.bpm(last), 6.5, 1e-3);
    EXPECT_NEAR(log.bpm(last - 1), 6.5, 1e-3);
}

TEST(HeartPace, AHostileStreamNeverBreaksTheLimits) {
    ClosedLoopHeart heart;
    heart.resonanceBpm = 4.0;  // below the range: the follower must stop at 4.5
    // Beats come and go: 40 s on, 12 s off.
    const BreathLog log = play(resonanceProgram(5.0, "12m"), heart, Stream::Hostile,
                               [](double t) { return std::fmod(t, 52.0) < 40.0; });
    expectSafe(log);
    // It did steer (toward 4.0), and stopped no lower than the range allows.
    double slowest = 1e9;
    for (std::size_t i = 0; i + 1 < log.inhaleSeconds.size(); ++i)
        slowest = std::min(slowest, log.bpm(i));
    EXPECT_LT(slowest, 4.9);
}

}  // namespace
}  // namespace stillpoint::heart
