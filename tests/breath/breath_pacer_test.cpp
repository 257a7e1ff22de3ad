// The breath clock: every phase onset exact to the sample over an hour, for
// every preset, at a scaled pace and through a pace ramp. Expected onsets are
// computed here independently, in long double, from the pattern's seconds.
#include "stillpoint/breath_pacer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "stillpoint/pace_law.hpp"

namespace stillpoint {
namespace {

constexpr double kHourSeconds = 3600.0;

struct Onset {
    std::int64_t sample;
    BreathPhase phase;
};

// Walk the pacer until `endSample`, recording every segment start.
std::vector<Onset> collectOnsets(BreathPacer& pacer, std::int64_t endSample) {
    std::vector<Onset> onsets{{pacer.segmentStartSample(), pacer.phase()}};
    while (pacer.nextBoundarySample() < endSample) {
        pacer.advanceSegment();
        onsets.push_back({pacer.segmentStartSample(), pacer.phase()});
    }
    return onsets;
}

// Independent expectation at a constant pace: cycle k, segment i starts at
// (k * cycle + seconds before i) * scale seconds, rounded to the nearest sample.
std::vector<Onset> expectedConstantPace(const BreathPattern& pattern, long double scale,
                                        double rate, std::int64_t endSample) {
    std::vector<Onset> expected;
    long double cycle = 0;
    for (const auto& s : pattern.segments) cycle += s.seconds;
    for (long k = 0;; ++k) {
        long double before = 0;
        for (const auto& s : pattern.segments) {
            const long double t = (k * cycle + before) * scale;
            const auto sample = static_cast<std::int64_t>(std::llround(t * rate));
            if (sample >= endSample) return expected;
            expected.push_back({sample, s.phase});
            before += s.seconds;
        }
    }
}

class PresetOverAnHour : public ::testing::TestWithParam<std::tuple<std::string, double>> {};

TEST_P(PresetOverAnHour, EveryOnsetExactToTheSample) {
    const auto& [name, rate] = GetParam();
    const auto pattern = findPreset(name);
    ASSERT_TRUE(pattern.has_value());
    const auto end = static_cast<std::int64_t>(kHourSeconds * rate);

    BreathPacer pacer;
    pacer.start(*pattern, rate, 0, PaceLaw::constant(pattern->breathsPerMinute()));
    const auto onsets = collectOnsets(pacer, end);
    const auto expected = expectedConstantPace(*pattern, 1.0L, rate, end);

    ASSERT_EQ(onsets.size(), expected.size());
    for (std::size_t i = 0; i < onsets.size(); ++i) {
        ASSERT_EQ(onsets[i].sample, expected[i].sample) << name << " onset " << i;
        ASSERT_EQ(onsets[i].phase, expected[i].phase) << name << " onset " << i;
    }
    // An hour of breathing at the preset's pace: about 60 * bpm cycles.
    EXPECT_NEAR(static_cast<double>(pacer.completedCycles()), 60.0 * pattern->breathsPerMinute(),
                1.0);
}

INSTANTIATE_TEST_SUITE_P(AllPresets, PresetOverAnHour,
                         ::testing::Combine(::testing::Values("resonance", "coherent", "box",
                                                              "4-7-8", "extended-exhale", "sigh",
                                                              "gentle"),
                                            ::testing::Values(44100.0, 48000.0, 96000.0)));

TEST(BreathPacer, ScaledPaceKeepsProportionsExactOverAnHour) {
    const auto pattern = *findPreset("4-7-8");  // 19 s cycle, 3.16/min
    const double rate = 48000.0;
    const double bpm = 2.5;  // slower: each cycle 24 s
    const auto end = static_cast<std::int64_t>(kHourSeconds * rate);
    BreathPacer pacer;
    pacer.start(pattern, rate, 0, PaceLaw::constant(bpm));
    const auto onsets = collectOnsets(pacer, end);
    const long double scale = (60.0L / bpm) / 19.0L;
    const auto expected = expectedConstantPace(pattern, scale, rate, end);
    ASSERT_EQ(onsets.size(), expected.size());
    for (std::size_t i = 0; i < onsets.size(); ++i)
        ASSERT_EQ(onsets[i].sample, expected[i].sample) << i;
}

TEST(BreathPacer, RampFrom12To6OverThreeMinutesIsExactAndContinuous) {
    const auto pattern = *findPreset("coherent");  // 5 in, 5 out
    const double rate = 48000.0;
    const long double from = 12, to = 6, glide = 180;
    BreathPacer pacer;
    pacer.start(pattern, rate, 0, PaceLaw{12.0, 6.0, 180.0});
    const auto end = static_cast<std::int64_t>(kHourSeconds * rate);
    const auto onsets = collectOnsets(pacer, end);

    // Phase after t seconds: (from*t + slope*t^2/2) / 60 during the glide.
    // Boundaries fall at every half cycle; solve the quadratic for each.
    const long double slope = (to - from) / glide;
    const long double glideCycles = (from * glide + slope * glide * glide / 2) / 60;
    std::vector<std::int64_t> expected;
    for (long half = 0;; ++half) {
        const long double cycles = half / 2.0L;
        long double t;
        if (cycles <= glideCycles)
            t = (-from + std::sqrt(from * from + 2 * slope * 60 * cycles)) / slope;
        else
            t = glide + (cycles - glideCycles) * 60 / to;
        const auto sample = static_cast<std::int64_t>(std::llround(t * rate));
        if (sample >= end) break;
        expected.push_back(sample);
    }
    ASSERT_EQ(onsets.size(), expected.size());
    for (std::size_t i = 0; i < onsets.size(); ++i) ASSERT_EQ(onsets[i].sample, expected[i]) << i;

    // Continuous phase: during the glide every half-breath is longer than the last.
    std::int64_t previous = 0;
    for (std::size_t i = 1; i < onsets.size() && onsets[i].sample < 180 * 48000; ++i) {
        const auto length = onsets[i].sample - onsets[i - 1].sample;
        EXPECT_GT(length, previous) << i;
        previous = length;
    }
    // After the glide: 6/min, every half-breath exactly 5 s (within rounding).
    for (std::size_t i = onsets.size() - 10; i < onsets.size(); ++i)
        EXPECT_NEAR(static_cast<double>(onsets[i].sample - onsets[i - 1].sample), 5 * rate, 1.0);
}

TEST(BreathPacer, FullnessRisesOnInhaleFallsOnExhaleAndNeverJumps) {
    const auto pattern = *findPreset("box");
    const double rate = 8000.0;
    BreathPacer pacer;
    pacer.start(pattern, rate, 0, PaceLaw::constant(pattern.breathsPerMinute()));
    std::vector<float> trace;
    for (int segment = 0; segment < 8; ++segment) {
        const auto from = pacer.segmentStartSample();
        std::vector<float> block(static_cast<std::size_t>(pacer.nextBoundarySample() - from));
        pacer.fillFullness(from, block.data(), static_cast<int>(block.size()));
        trace.insert(trace.end(), block.begin(), block.end());
        pacer.advanceSegment();
    }
    const int seg = 4 * 8000;  // box: 4 s per phase
    EXPECT_FLOAT_EQ(trace[0], 0.0f);
    EXPECT_NEAR(trace[seg - 1], 1.0f, 1e-3);      // full at the end of the inhale
    EXPECT_FLOAT_EQ(trace[seg + seg / 2], 1.0f);  // holds full
    EXPECT_NEAR(trace[3 * seg - 1], 0.0f, 1e-3);  // empty at the end of the exhale
    EXPECT_FLOAT_EQ(trace[3 * seg + seg / 2], 0.0f);
    float largestStep = 0;
    for (std::size_t i = 1; i < trace.size(); ++i)
        largestStep = std::max(largestStep, std::abs(trace[i] - trace[i - 1]));
    // Smoothstep's steepest slope is 1.5 / segment length.
    EXPECT_LT(largestStep, 1.5f / seg * 1.01f);
}

TEST(BreathPacer, GlideMidBreathKeepsFullnessContinuous) {
    const auto pattern = *findPreset("coherent");
    const double rate = 48000.0;
    BreathPacer pacer;
    pacer.start(pattern, rate, 0, PaceLaw::constant(6.0));
    const std::int64_t at = 2 * 48000;  // 2 s into a 5 s inhale
    float before[1];
    pacer.fillFullness(at - 1, before, 1);
    const auto oldBoundary = pacer.nextBoundarySample();
    pacer.glideTo(3.0, at, 0);  // at once to half the pace
    float now[1];
    pacer.fillFullness(at, now, 1);
    EXPECT_NEAR(now[0], before[0], 1e-4);
    // The remaining 3 s of inhale now take 6 s.
    EXPECT_EQ(pacer.nextBoundarySample(), at + 6 * 48000);
    EXPECT_GT(pacer.nextBoundarySample(), oldBoundary);
}

TEST(PaceLaw, SecondsForInvertsCyclesAfter) {
    const PaceLaw law{12.0, 6.0, 180.0};
    for (double t : {0.5, 10.0, 90.0, 179.9, 180.0, 400.0, 3600.0})
        EXPECT_NEAR(law.secondsFor(law.cyclesAfter(t)), t, 1e-9) << t;
    EXPECT_DOUBLE_EQ(law.bpmAt(90.0), 9.0);
    EXPECT_DOUBLE_EQ(law.cyclesAfter(180.0), 27.0);  // mean 9/min over 3 minutes
}

}  // namespace
}  // namespace stillpoint
