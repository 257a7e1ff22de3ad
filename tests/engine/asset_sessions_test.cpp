// Every shipped session and program validates, renders, and lands at the
// loudness and peak the quality bars set: -16 LUFS integrated (+-0.5 LU) and a
// true peak at or below -1 dBTP, measured with libebur128.
#include <gtest/gtest.h>

#include "audio_analysis.hpp"
#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

class AssetSession : public ::testing::TestWithParam<std::string> {};

TEST_P(AssetSession, RendersAtTargetLoudnessUnderTheTruePeakCeiling) {
    const auto program = programFromFile(GetParam());
    ASSERT_TRUE(program);
    const auto audio = renderProgram(program, {}, 1024);
    ASSERT_GT(audio.frames(), 48000 * 30);
    const auto left = channel(audio, 0);
    const auto right = channel(audio, 1);
    const auto frames = static_cast<int>(left.size());

    const double lufs = integratedLufs(left.data(), right.data(), frames, audio.sampleRate);
    const double peak = truePeakDbTp(left.data(), right.data(), frames, audio.sampleRate);
    EXPECT_NEAR(lufs, -16.0, 0.5) << GetParam();
    EXPECT_LE(peak, -1.0) << GetParam();
    EXPECT_EQ(countNonFinite(audio.interleaved.data(), static_cast<int>(audio.interleaved.size())),
              0);
    EXPECT_EQ(countSubnormal(audio.interleaved.data(), static_cast<int>(audio.interleaved.size())),
              0);

    // Faded in and out: silent at both ends.
    EXPECT_EQ(left.front(), 0.0f);
    EXPECT_LT(std::abs(left.back()), 1e-6f);
    EXPECT_LT(std::abs(right.back()), 1e-6f);
    // The engine reports the session's end exactly at its last sample.
    const auto finished = eventsOfType(audio, EventType::Finished);
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_EQ(finished.front().sample, audio.frames());
}

INSTANTIATE_TEST_SUITE_P(Assets, AssetSession, ::testing::ValuesIn(assetSessionPaths()),
                         [](const auto& param_info) {
                             std::string name =
                                 std::filesystem::path(param_info.param).stem().string();
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

TEST(AssetSessions, ThereAreAtLeastSixProgramsAndTheDefaultSession) {
    const auto paths = assetSessionPaths();
    int programs = 0;
    bool defaultSession = false;
    for (const auto& p : paths) {
        programs += p.find("/programs/") != std::string::npos;
        defaultSession |= p.ends_with("sessions/arrive-and-breathe.yaml");
    }
    EXPECT_GE(programs, 6);
    EXPECT_TRUE(defaultSession);
}

TEST(AssetSessions, ArriveAndBreatheIsAboutTenMinutes) {
    const auto program =
        programFromFile(std::string(STILLPOINT_ASSETS_DIR) + "/sessions/arrive-and-breathe.yaml");
    ASSERT_TRUE(program);
    EXPECT_NEAR(program->lengthSeconds, 600.0, 45.0);
}

}  // namespace
}  // namespace stillpoint::test
