// Damaged audio clips: each is refused with an error that names the file and
// says what to do, or (a flipped bit in the samples) read as a valid clip.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "damaged_audio.hpp"
#include "io/audio_file_reader.hpp"

namespace stillpoint {
namespace {

using test::ClipContainer;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(AudioClipReader, WholeClipsReadBackExactly) {
    for (const auto container : {ClipContainer::Wav16, ClipContainer::Wav24,
                                 ClipContainer::WavFloat, ClipContainer::Flac16}) {
        const auto bytes = test::encodeToneClip(container, 48000, 2, 0.25);
        const auto read = readAudioClip(bytes, "intro.wav");
        ASSERT_TRUE(read.clip) << read.error;
        EXPECT_EQ(read.clip->sampleRate, 48000);
        EXPECT_EQ(read.clip->channels, 2);
        EXPECT_EQ(read.clip->frames(), 12000);
        // Frame 30 of a 440 Hz tone at half scale, within 16-bit quantisation.
        EXPECT_NEAR(read.clip->interleaved[60], 0.5 * std::sin(2 * M_PI * 440 * 30 / 48000.0),
                    1e-4);
    }
}

TEST(AudioClipReader, TruncatedWavIsRefusedNamingTheFile) {
    const auto bytes = test::encodeToneClip(ClipContainer::Wav16, 48000, 1, 0.5);
    for (const std::size_t keep : {bytes.size() - 1, bytes.size() / 2, std::size_t{100}}) {
        const auto read = readAudioClip(test::truncatedTo(bytes, keep), "pack/clips/intro.wav");
        EXPECT_FALSE(read.clip) << keep;
        EXPECT_TRUE(
            contains(read.error, "pack/clips/intro.wav: is truncated or its header is damaged"))
            << read.error;
        EXPECT_TRUE(contains(read.error, "export it again as WAV or FLAC")) << read.error;
    }
}

TEST(AudioClipReader, TruncatedFlacIsRefusedNamingTheFile) {
    const auto bytes = test::encodeToneClip(ClipContainer::Flac16, 48000, 1, 1.0);
    const auto read = readAudioClip(test::truncatedTo(bytes, bytes.size() * 2 / 3), "intro.flac");
    EXPECT_FALSE(read.clip);
    EXPECT_TRUE(contains(read.error,
                         "intro.flac: is truncated or damaged: its header promises 48000 frames"))
        << read.error;
}

TEST(AudioClipReader, HeaderOnlyAndEmptyAndForeignFilesAreRefused) {
    const auto bytes = test::encodeToneClip(ClipContainer::Wav16, 48000, 1, 0.1);
    EXPECT_EQ(readAudioClip(test::truncatedTo(bytes, 0), "a.wav").error,
              "a.wav: the file is empty; export it again as WAV or FLAC");
    EXPECT_TRUE(contains(readAudioClip(test::truncatedTo(bytes, 20), "a.wav").error,
                         "a.wav: not a readable WAV or FLAC file"));
    // Text, or another format named .wav (an MP3's ID3 tag, an Ogg page),
    // never reaches a decoder.
    for (const std::string foreign : {"title: not audio\n", "ID3\x04 tag", "OggS page"}) {
        const auto read = readAudioClip(
            {reinterpret_cast<const std::uint8_t*>(foreign.data()), foreign.size()}, "a.wav");
        EXPECT_EQ(read.error,
                  "a.wav: not a readable WAV or FLAC file (it does not start like one); "
                  "export it again as WAV or FLAC");
    }
}

// Every single-bit flip in the header, and a sample of flips in the data:
// refused with a named error, or read as finite samples within full scale.
void flipEveryHeaderBit(ClipContainer container, std::size_t headerBytes) {
    const auto bytes = test::encodeToneClip(container, 16000, 1, 0.05);
    int refused = 0, read = 0;
    for (std::size_t bit = 0; bit < headerBytes * 8; ++bit) {
        const auto result = readAudioClip(test::withBitFlipped(bytes, bit), "flip.wav");
        if (!result.clip) {
            ++refused;
            EXPECT_EQ(result.error.rfind("flip.wav: ", 0), 0u) << bit << ": " << result.error;
            continue;
        }
        ++read;
        for (const float s : result.clip->interleaved)
            ASSERT_TRUE(std::isfinite(s) && std::fabs(s) <= 1.0f);
    }
    EXPECT_GT(refused, 0);  // the header matters: some flips must be caught
    EXPECT_GT(read, 0);     // and some are harmless (unused fields)
}

TEST(AudioClipReader, BitFlippedWavHeadersNeverCrash) {
    flipEveryHeaderBit(ClipContainer::Wav16, 44);
}
TEST(AudioClipReader, BitFlippedFlacHeadersNeverCrash) {
    flipEveryHeaderBit(ClipContainer::Flac16, 128);
}

TEST(AudioClipReader, BitFlippedFlacFramesAreRefusedOrStayValid) {
    const auto bytes = test::encodeToneClip(ClipContainer::Flac16, 16000, 1, 0.5);
    for (std::size_t bit = 128 * 8; bit < bytes.size() * 8; bit += 97) {
        const auto result = readAudioClip(test::withBitFlipped(bytes, bit), "flip.flac");
        if (!result.clip) {
            EXPECT_EQ(result.error.rfind("flip.flac: ", 0), 0u) << result.error;
            continue;
        }
        for (const float s : result.clip->interleaved)
            ASSERT_TRUE(std::isfinite(s) && std::fabs(s) <= 1.0f);
    }
}

TEST(AudioClipReader, NaNAndInfiniteFloatSamplesAreRefusedWithTheirFrame) {
    auto bytes = test::encodeToneClip(ClipContainer::WavFloat, 48000, 1, 0.1);
    test::setFloatSample(bytes, 1234, std::numeric_limits<float>::quiet_NaN());
    EXPECT_EQ(readAudioClip(bytes, "nan.wav").error,
              "nan.wav: has an invalid sample (NaN or infinite) at frame 1234; export it again as "
              "WAV or FLAC with integer samples");
    test::setFloatSample(bytes, 1234, 0.25f);
    test::setFloatSample(bytes, 7, std::numeric_limits<float>::infinity());
    EXPECT_TRUE(contains(readAudioClip(bytes, "inf.wav").error, "NaN or infinite) at frame 7"));
    test::setFloatSample(bytes, 7, 4.0f);
    EXPECT_TRUE(contains(readAudioClip(bytes, "loud.wav").error, "beyond full scale) at frame 7"));
}

TEST(AudioClipReader, LimitsAreCheckedBeforeDecoding) {
    const auto bytes = test::encodeToneClip(ClipContainer::Wav16, 48000, 2, 0.5);
    AudioClipLimits mono;
    mono.maxChannels = 1;
    EXPECT_EQ(readAudioClip(bytes, "s.wav", mono).error,
              "s.wav: has 2 channels; use mono or stereo");
    AudioClipLimits short_;
    short_.maxSeconds = 0.25;
    EXPECT_TRUE(contains(readAudioClip(bytes, "s.wav", short_).error,
                         "s.wav: is longer than the 0.25 s a clip may be; split it"));
}

TEST(AudioClipReader, AFileTooLargeIsRefusedBeforeItIsRead) {
    const auto path = std::filesystem::temp_directory_path() / "stillpoint-huge-clip.wav";
    { std::ofstream out(path, std::ios::binary); }
    std::filesystem::resize_file(path, std::uintmax_t{1} << 30);  // sparse: no gigabyte is written
    const auto read = readAudioClipFile(path.string());
    std::filesystem::remove(path);
    EXPECT_EQ(
        read.error,
        path.string() + ": the file is 1024 MB, larger than the 256 MB a clip may be; split it");
}

TEST(AudioClipReader, AMissingFileNamesThePath) {
    const auto read = readAudioClipFile("/nonexistent/pack/intro.wav");
    EXPECT_TRUE(contains(read.error, "/nonexistent/pack/intro.wav: cannot read the file"))
        << read.error;
}

}  // namespace
}  // namespace stillpoint
