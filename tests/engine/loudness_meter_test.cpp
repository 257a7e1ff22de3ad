// The engine's own loudness meter (used for calibration) agrees with
// libebur128 on real program material and on reference tones.
#include "graph/loudness_meter.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <iterator>
#include <numbers>

#include "audio_analysis.hpp"
#include "graph/loudness_analysis.hpp"
#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

double ours(const std::vector<float>& l, const std::vector<float>& r, double rate) {
    IntegratedLoudnessMeter meter(rate, 2);
    meter.add(l.data(), r.data(), static_cast<int>(l.size()));
    return meter.integratedLufs();
}

TEST(IntegratedLoudnessMeter, A1kHzSineAtMinus20DbfsPerChannelReadsAsEbur128Does) {
    for (const double rate : {44100.0, 48000.0, 96000.0}) {
        const auto n = static_cast<std::size_t>(rate * 10);
        std::vector<float> l(n), r(n);
        for (std::size_t i = 0; i < n; ++i)
            l[i] = r[i] = static_cast<float>(
                0.1 * std::sin(2 * std::numbers::pi * 997.0 * static_cast<double>(i) / rate));
        const double reference = integratedLufs(l.data(), r.data(), static_cast<int>(n), rate);
        EXPECT_NEAR(ours(l, r, rate), reference, 0.02) << rate;
        // BS.1770: a 997 Hz sine at -20 dBFS peak in both channels reads about -20.0 LUFS (+3 dB
        // for two channels, -3 dB sine RMS).
        EXPECT_NEAR(reference, -20.0, 0.2);
    }
}

TEST(IntegratedLoudnessMeter, AgreesWithEbur128OnRenderedSessions) {
    for (const char* name : {"/programs/coherent.yaml", "/programs/physiological-sigh.yaml"}) {
        const auto program = programFromFile(std::string(STILLPOINT_ASSETS_DIR) + name);
        ASSERT_TRUE(program);
        const auto audio = renderProgram(program, {}, 1024);
        const auto l = channel(audio, 0), r = channel(audio, 1);
        EXPECT_NEAR(
            ours(l, r, audio.sampleRate),
            integratedLufs(l.data(), r.data(), static_cast<int>(l.size()), audio.sampleRate), 0.05)
            << name;
    }
}

// Every shipped session, and every rate across them: the sessions take the
// three rates in turn (each rate meets sessions of every kind), which checks
// the same class as every session at every rate in a third of the time.
TEST(LoudnessAnalysis, HalfRateAnalysisMatchesFullRateWithinATenthOfALu) {
    constexpr double kRates[] = {44100.0, 48000.0, 96000.0};
    std::size_t turn = 0;
    for (const auto& path : assetSessionPaths()) {
        const auto program = programFromFile(path);
        ASSERT_TRUE(program);
        const double rate = kRates[turn++ % std::size(kRates)];
        EngineConfig config;
        config.sampleRate = rate;
        const double full = measureProgramLoudness(*program, config, {}, rate);
        const double fast = measureProgramLoudness(*program, config);
        EXPECT_NEAR(fast, full, 0.1) << path << " at " << rate;
    }
    EXPECT_GE(turn, std::size(kRates)) << "fewer sessions than rates: some rate went unchecked";
}

TEST(IntegratedLoudnessMeter, SilenceIsGatedOut) {
    std::vector<float> zeros(48000 * 3, 0.0f);
    EXPECT_TRUE(std::isinf(ours(zeros, zeros, 48000.0)));
}

}  // namespace
}  // namespace stillpoint::test
