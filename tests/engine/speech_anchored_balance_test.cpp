// The calibration's arithmetic on energies made up for the purpose: the
// target reached exactly, the background never lifted over the author's
// balance, and brought down to exactly the margin when it is too loud.
#include "graph/speech_anchored_balance.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "graph/loudness_meter.hpp"

namespace stillpoint {
namespace {

// K-weighted mean square of a signal at `lufs` (BS.1770: -0.691 + 10 log10).
double energyAt(double lufs) {
    return std::pow(10.0, (lufs + 0.691) / 10.0);
}

double lufsOf(const PartEnergies& parts, const SpeechAnchoredBalance& b) {
    std::vector<double> mix(parts.rest.size());
    for (std::size_t i = 0; i < mix.size(); ++i)
        mix[i] = parts.voice[i] * std::pow(10.0, b.voiceDb / 10.0) +
                 parts.rest[i] * std::pow(10.0, b.restDb / 10.0);
    return IntegratedLoudnessMeter::integratedLufsOf(mix);
}

/// 60 s: lines of 5 s every 15 s at `voiceLufs`, a background at `restLufs`
/// (ducked 8 dB while speaking).
PartEnergies session(double voiceLufs, double restLufs) {
    PartEnergies parts;
    parts.voice.assign(600, 0.0);
    parts.rest.assign(600, restLufs > -200.0 ? energyAt(restLufs) : 0.0);
    for (long start = 50; start + 50 <= 600; start += 150) {
        parts.lines.push_back({start, start + 50});
        for (long i = start; i < start + 50; ++i) {
            parts.voice[static_cast<std::size_t>(i)] = energyAt(voiceLufs);
            parts.rest[static_cast<std::size_t>(i)] *= std::pow(10.0, -0.8);
        }
    }
    return parts;
}

TEST(SpeechAnchoredBalance, AVoiceAloneComesToTheTargetWithItsOwnGain) {
    const auto parts = session(-17.0, -1000.0);
    const auto b = balanceSpeechAnchored(parts, -16.0, 10.5, -40.0, 36.0);
    EXPECT_NEAR(lufsOf(parts, b), -16.0, 1e-6);
    // 1 dB, and a quarter more: the 400 ms blocks across each line's edges
    // pass the gate half full and pull the mean down.
    EXPECT_GT(b.voiceDb, 1.0);
    EXPECT_LT(b.voiceDb, 1.5);
    EXPECT_TRUE(std::isinf(b.marginLu));
}

TEST(SpeechAnchoredBalance, AQuietBedIsNeverLiftedOverTheAuthorsBalance) {
    // The bed 30 LU under the voice: gated out, so the voice carries the
    // session; the bed moves with it and no further.
    const auto parts = session(-17.0, -47.0);
    const auto b = balanceSpeechAnchored(parts, -16.0, 10.5, -40.0, 36.0);
    EXPECT_DOUBLE_EQ(b.restDb, b.voiceDb);
    EXPECT_NEAR(lufsOf(parts, b), -16.0, 1e-6);
    EXPECT_NEAR(b.marginLu, 38.0, 1e-6);  // 30 LU, and 8 more for the duck
}

TEST(SpeechAnchoredBalance, ABedTooCloseToTheVoiceComesDownToTheMarginAlone) {
    // The bed at -15, ducked to -23 while speaking: 6 LU under a -17 voice,
    // so it comes down 4.5 dB to sit 10.5 LU under.
    const auto parts = session(-17.0, -15.0);
    const auto b = balanceSpeechAnchored(parts, -16.0, 10.5, -40.0, 36.0);
    EXPECT_NEAR(b.restDb - b.voiceDb, -4.5, 1e-9);
    EXPECT_NEAR(b.marginLu, 10.5, 1e-9);
    EXPECT_NEAR(lufsOf(parts, b), -16.0, 1e-6);
}

TEST(SpeechAnchoredBalance, WithoutAVoiceTheGainIsTargetMinusLoudness) {
    const auto parts = session(-1000.0, -30.0);
    PartEnergies bedOnly{std::vector<double>(600, 0.0), parts.rest, {}};
    const auto b = balanceSpeechAnchored(bedOnly, -16.0, 10.5, -40.0, 36.0);
    EXPECT_NEAR(lufsOf(bedOnly, b), -16.0, 1e-6);
    EXPECT_DOUBLE_EQ(b.voiceDb, b.restDb);
}

TEST(SpeechAnchoredBalance, TheGainStopsAtItsBound) {
    const auto parts = session(-60.0, -1000.0);
    const auto b = balanceSpeechAnchored(parts, -16.0, 10.5, -40.0, 36.0);
    EXPECT_DOUBLE_EQ(b.voiceDb, 36.0);
}

}  // namespace
}  // namespace stillpoint
