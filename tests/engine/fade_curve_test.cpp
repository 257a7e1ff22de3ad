// The fade's shape: its audible rise is even (about equal dB steps at 25, 50
// and 75% of the fade), it leaves silence and reaches full level with zero
// slope (no corner, no click), and a fade down is the same curve backwards.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "dsp/master_envelope.hpp"
#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

constexpr double kRate = 48000.0;
// Equal steps, within this: the quarters of the fade each add the same loudness.
constexpr double kEvenStepsDb = 0.5;

double db(double gain) {
    return 20.0 * std::log10(gain);
}

static_assert(kSessionFadeInSeconds >= 2.0, "nothing starts loud: a fade-in lasts 2 s at least");

/// The envelope's level at every sample of a ramp from `from` to `to`.
std::vector<float> ramp(float from, float to, std::int64_t frames) {
    MasterEnvelope envelope;
    envelope.snapTo(from);
    envelope.rampTo(to, frames);
    std::vector<float> level(static_cast<std::size_t>(frames) + 1, 1.0f), scratch(level.size());
    envelope.apply(level.data(), scratch.data(), static_cast<int>(level.size()));
    return level;
}

TEST(FadeCurve, TheRiseIsEvenInDbAtEachQuarter) {
    const double q1 = db(risingFadeGain(0.25)), q2 = db(risingFadeGain(0.5)),
                 q3 = db(risingFadeGain(0.75));
    EXPECT_NEAR(q2 - q1, q3 - q2, kEvenStepsDb);
    // Linear from -60 dB with eased ends: halfway is -30 dB.
    EXPECT_NEAR(q1, -46.7, 0.5);
    EXPECT_NEAR(q2, -30.0, 0.5);
    EXPECT_NEAR(q3, -13.3, 0.5);
    EXPECT_EQ(risingFadeGain(0.0), 0.0);
    EXPECT_EQ(risingFadeGain(1.0), 1.0);
}

TEST(FadeCurve, AFadeInRisesSmoothlyFromSilenceToFullLevel) {
    const auto frames = std::llround(kSessionFadeInSeconds * kRate);
    const auto level = ramp(0.0f, 1.0f, frames);
    EXPECT_EQ(level.front(), 0.0f);
    EXPECT_EQ(level.back(), 1.0f);
    double largest = 0.0;
    for (std::size_t i = 1; i < level.size(); ++i) {
        ASSERT_GE(level[i], level[i - 1]) << i;
        largest = std::max(largest, static_cast<double>(level[i] - level[i - 1]));
    }
    // Zero slope at the start: the first steps are far below any click.
    EXPECT_LT(level[1] - level[0], 1e-9f);
    EXPECT_LT(level[100], 1e-6f);
    // And no step anywhere near one: a full-scale signal moves by under -80 dB a sample.
    EXPECT_LT(largest, 1e-4);
    // Zero slope at the top: the last step is tiny next to the largest.
    EXPECT_LT(level[level.size() - 1] - level[level.size() - 2], 0.01 * largest);
}

TEST(FadeCurve, AFadeOutIsTheFadeInPlayedBackwards) {
    const auto frames = std::llround(kStopFadeSeconds * kRate);
    const auto down = ramp(1.0f, 0.0f, frames);
    const auto up = ramp(0.0f, 1.0f, frames);
    ASSERT_EQ(down.size(), up.size());
    for (std::size_t i = 0; i < down.size(); i += 997)
        EXPECT_NEAR(down[i], up[up.size() - 1 - i], 1e-6f) << i;
    EXPECT_EQ(down.back(), 0.0f);
    // Even in dB on the way down too.
    const auto quarter = static_cast<std::size_t>(frames / 4);
    EXPECT_NEAR(db(down[quarter]), -13.3, 0.5);
    EXPECT_NEAR(db(down[2 * quarter]), -30.0, 0.5);
    EXPECT_NEAR(db(down[3 * quarter]), -46.7, 0.5);
}

double rmsDb(const std::vector<float>& x, double fromSeconds, double toSeconds) {
    const auto from = static_cast<std::size_t>(fromSeconds * kRate);
    const auto to = static_cast<std::size_t>(toSeconds * kRate);
    double sum = 0.0;
    for (auto i = from; i < to; ++i) sum += static_cast<double>(x[i]) * x[i];
    return 10.0 * std::log10(sum / static_cast<double>(to - from));
}

TEST(FadeCurve, TheSessionsBedRisesByEqualStepsInDb) {
    // A bed alone, steady once faded in: what is heard is the fade's shape.
    const auto program = programFromText(R"(title: bed alone
defaults: {bed: pink, tone: none}
sections:
  - name: one
    steps:
      - pause: 10s
)");
    ASSERT_TRUE(program);
    const auto left = channel(renderProgram(program, {}), 0);
    const double fade = kSessionFadeInSeconds;
    const double full = rmsDb(left, fade + 1.0, fade + 3.0);
    auto heardAt = [&](double share) {
        const double t = share * fade;
        return rmsDb(left, t - 0.025, t + 0.025) - full;
    };
    const double q1 = heardAt(0.25), q2 = heardAt(0.5), q3 = heardAt(0.75);
    // Noise measured over 50 ms: within 2 dB of equal steps.
    EXPECT_NEAR(q2 - q1, q3 - q2, 2.0) << q1 << " " << q2 << " " << q3;
    EXPECT_NEAR(q3, -13.3, 2.0);
    EXPECT_NEAR(q2, -30.0, 2.0);
}

}  // namespace
}  // namespace stillpoint::test
