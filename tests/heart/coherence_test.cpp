// Live coherence through the HeartMonitor: a heart in step with slow
// breathing scores high, noise scores low, and the score needs 32 s of beats.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "stillpoint/heart_coherence.hpp"
#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/synthetic_rr.hpp"

namespace stillpoint::heart {
namespace {

/// Feed `beats` through a monitor, updating at each beat; the state at `atSeconds`.
HeartState stateAfter(const std::vector<Beat>& beats, double atSeconds) {
    HeartMonitor monitor;
    for (const Beat& beat : beats) {
        if (beat.seconds > atSeconds) break;
        EXPECT_TRUE(monitor.pushRr(beat.rrMs, beat.seconds));
        monitor.update(beat.seconds);
    }
    monitor.update(atSeconds);
    return monitor.state();
}

SyntheticHeart noiseOnly(std::uint64_t seed) {
    SyntheticHeart heart;
    heart.rsaAmplitude = 0.0;
    heart.mayerAmplitude = 0.0;
    heart.noise = 3.0;
    heart.seed = seed;
    return heart;
}

TEST(Coherence, RisesForAHeartInStepWithSlowBreathing) {
    SyntheticHeart heart;
    heart.seed = 3;
    const std::vector<Beat> beats = steadyBreathingBeats(heart, 6.0, 120.0);
    const HeartState early = stateAfter(beats, 20.0);
    EXPECT_FALSE(early.coherenceValid);
    EXPECT_EQ(early.coherence, 0.0);
    const HeartState later = stateAfter(beats, 100.0);
    EXPECT_TRUE(later.coherenceValid);
    EXPECT_GT(later.coherence, 0.7);
    EXPECT_NEAR(later.rhythmPerMinute, 6.0, 60.0 / 64.0);
    EXPECT_TRUE(later.live);
    EXPECT_NEAR(later.heartRateBpm, 66.0, 12.0);
}

// Noise's strongest bin is a chance one: its share varies from trace to
// trace, but never comes near a coherent heart's.
TEST(Coherence, StaysLowForNoiseAndHighForCoherenceAcrossSeeds) {
    double noiseSum = 0.0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const HeartState noise =
            stateAfter(steadyBreathingBeats(noiseOnly(seed), 6.0, 100.0), 100.0);
        ASSERT_TRUE(noise.coherenceValid);
        EXPECT_LT(noise.coherence, 0.5) << "seed " << seed;
        noiseSum += noise.coherence;
        SyntheticHeart heart;
        heart.seed = seed;
        const HeartState coherent = stateAfter(steadyBreathingBeats(heart, 5.5, 100.0), 100.0);
        EXPECT_GT(coherent.coherence, 0.7) << "seed " << seed;
    }
    EXPECT_LT(noiseSum / 20.0, 0.35);
}

TEST(Coherence, APureRhythmScoresNearOne) {
    // Heart rate exactly 66 + 6 cos(2 pi 0.1 t), one beat per interval.
    std::vector<Beat> beats;
    for (double t = 0.0; t < 70.0;) {
        const double rate = 66.0 + 6.0 * std::cos(2.0 * std::numbers::pi * 0.1 * t);
        const double rr = 60000.0 / rate;
        t += rr / 1000.0;
        beats.push_back({t, rr});
    }
    CoherenceMeter meter;
    const CoherenceFigures figures =
        meter.measure(beats.data(), beats.size(), beats.back().seconds);
    ASSERT_TRUE(figures.valid);
    EXPECT_GT(figures.coherence, 0.95);
    EXPECT_NEAR(figures.peakHz, 0.1, 1.0 / 64.0);
}

TEST(HeartMonitor, LosesTheStreamAfterFiveQuietSeconds) {
    HeartMonitor monitor;
    for (int i = 1; i <= 10; ++i) {
        monitor.pushRr(1000.0);
        monitor.update(i * 1.0);
    }
    EXPECT_TRUE(monitor.state().live);
    EXPECT_DOUBLE_EQ(monitor.state().heartRateBpm, 60.0);
    monitor.update(15.0);
    EXPECT_TRUE(monitor.state().live);
    monitor.update(15.01);
    EXPECT_FALSE(monitor.state().live);
}

TEST(HeartMonitor, CountsArtefactsAndAFullQueue) {
    HeartMonitor monitor;
    for (double rr : {1000.0, 250.0, 2500.0, 1000.0, 600.0, 1000.0}) monitor.pushRr(rr);
    monitor.update(10.0);
    HeartState state = monitor.state();
    EXPECT_EQ(state.counts.accepted, 3u);
    EXPECT_EQ(state.counts.outOfRange, 2u);
    EXPECT_EQ(state.counts.jumps, 1u);
    for (std::size_t i = 0; i < HeartMonitor::kQueueCapacity + 3; ++i) monitor.pushRr(1000.0);
    EXPECT_EQ(monitor.state().dropped, 3u);
}

TEST(HeartMonitor, TakesTheIntervalsOfAMeasurementPacket) {
    HeartMonitor monitor;
    const std::uint8_t bytes[] = {0x16, 64, 0x00, 0x04, 0x00, 0x04};  // contact, two RR of 1 s
    EXPECT_TRUE(monitor.pushMeasurement(bytes, sizeof bytes).ok);
    const std::uint8_t bad[] = {0x10, 64, 0x00};
    EXPECT_FALSE(monitor.pushMeasurement(bad, sizeof bad).ok);
    monitor.update(2.0);
    EXPECT_EQ(monitor.state().counts.accepted, 2u);
    EXPECT_DOUBLE_EQ(monitor.state().heartRateBpm, 60.0);
}

}  // namespace
}  // namespace stillpoint::heart
