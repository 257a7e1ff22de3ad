// WAVs past 4 GB: a RIFF WAV counts its bytes in 32 bits, so a render longer
// than about 4.1 hours (48 kHz, stereo, 24-bit) is written as RF64 instead of
// wrapping its header; a RIFF WAV that would grow past its limit is refused.
#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <vector>

#include "io/audio_file_writer.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kRiffLimitBytes = 0xFFFFFFFFll - (1 << 20);

std::int64_t hours(double h, int rate) {
    return static_cast<std::int64_t>(h * 3600.0 * rate);
}

TEST(LongWav, ARenderPast4GbIsPlannedAsRf64) {
    EXPECT_EQ(wavContainerFor(hours(4.0, 48000), 2), WavContainer::Riff);
    EXPECT_EQ(wavContainerFor(hours(4.2, 48000), 2), WavContainer::Rf64);
    EXPECT_EQ(wavContainerFor(hours(6.2, 48000), 2), WavContainer::Rf64);
    EXPECT_EQ(wavContainerFor(hours(8.0, 48000), 1), WavContainer::Riff);
    EXPECT_EQ(wavContainerFor(hours(8.5, 48000), 1), WavContainer::Rf64);
    EXPECT_EQ(wavContainerFor(hours(2.5, 48000), 3), WavContainer::Riff);  // with a haptic channel
    EXPECT_EQ(wavContainerFor(hours(3.0, 48000), 3), WavContainer::Rf64);
    EXPECT_EQ(wavContainerFor(hours(1.0, 192000), 2), WavContainer::Riff);
    EXPECT_EQ(wavContainerFor(hours(1.1, 192000), 2), WavContainer::Rf64);
    // The edge, to the frame: 6 bytes a stereo frame.
    const std::int64_t lastRiffFrame = kRiffLimitBytes / 6;
    EXPECT_EQ(wavContainerFor(lastRiffFrame, 2), WavContainer::Riff);
    EXPECT_EQ(wavContainerFor(lastRiffFrame + 1, 2), WavContainer::Rf64);
}

class LongWavFile : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("stillpoint-longwav-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

// A file planned as a 7-hour render is RF64 from its first byte; this one
// stops after a tenth of a second, which shows the container and its
// samples read back without writing gigabytes.
TEST_F(LongWavFile, AnRf64FileRoundTrips) {
    const std::string path = (dir_ / "long.wav").string();
    constexpr int kRate = 48000, kFrames = 4800;
    std::vector<float> ramp(2 * kFrames);
    for (int i = 0; i < kFrames; ++i) {
        ramp[2 * i] = 0.5f * std::sin(0.01f * static_cast<float>(i));
        ramp[2 * i + 1] = -ramp[2 * i];
    }
    AudioFileWriter writer;
    ASSERT_TRUE(writer.open(path, AudioFileFormat::Wav, kRate, 2, hours(7.0, kRate)))
        << writer.error();
    EXPECT_EQ(writer.sndfileFormat(), SF_FORMAT_RF64 | SF_FORMAT_PCM_24);
    ASSERT_TRUE(writer.write(ramp.data(), kFrames)) << writer.error();
    ASSERT_TRUE(writer.commit()) << writer.error();

    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    ASSERT_NE(file, nullptr) << sf_strerror(nullptr);
    EXPECT_EQ(info.format & SF_FORMAT_TYPEMASK, SF_FORMAT_RF64);
    EXPECT_EQ(info.frames, kFrames);
    EXPECT_EQ(info.channels, 2);
    std::vector<float> back(ramp.size());
    EXPECT_EQ(sf_readf_float(file, back.data(), kFrames), kFrames);
    sf_close(file);
    float worst = 0.0f;
    for (std::size_t i = 0; i < ramp.size(); ++i)
        worst = std::max(worst, std::abs(back[i] - ramp[i]));
    EXPECT_LT(worst, 1.0f / (1 << 22));  // 24-bit
}

TEST_F(LongWavFile, AnOrdinaryRenderStaysAPlainWav) {
    const std::string path = (dir_ / "short.wav").string();
    AudioFileWriter writer;
    ASSERT_TRUE(writer.open(path, AudioFileFormat::Wav, 48000, 2, 48000)) << writer.error();
    EXPECT_EQ(writer.sndfileFormat(), SF_FORMAT_WAV | SF_FORMAT_PCM_24);
    const std::vector<float> silence(2 * 480, 0.0f);
    ASSERT_TRUE(writer.write(silence.data(), 480));
    ASSERT_TRUE(writer.commit()) << writer.error();
    char magic[4] = {};
    std::FILE* raw = std::fopen(path.c_str(), "rb");
    ASSERT_NE(raw, nullptr);
    EXPECT_EQ(std::fread(magic, 1, 4, raw), 4u);
    std::fclose(raw);
    EXPECT_EQ(std::string(magic, 4), "RIFF");
}

// A plain WAV that is handed more than its 32-bit sizes can count is
// refused before a byte is written, never wrapped; the block is not read.
TEST_F(LongWavFile, APlainWavThatWouldWrapIsRefused) {
    const std::string path = (dir_ / "wrap.wav").string();
    AudioFileWriter writer;
    ASSERT_TRUE(writer.open(path, AudioFileFormat::Wav, 48000, 2, 48000)) << writer.error();
    const float one[2] = {0.0f, 0.0f};
    EXPECT_FALSE(writer.write(one, kRiffLimitBytes / 6 + 1));
    EXPECT_EQ(writer.error(), path + ": grew past the 4 GB a WAV can count; render it as .flac");
}

}  // namespace
}  // namespace stillpoint
