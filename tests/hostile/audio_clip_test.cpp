// Damaged and absurd audio clips: each is refused with an error that names
// the file and says what to do, or (a flipped bit in the samples) read as a
// valid clip. Files that are no files (a FIFO, a device) are refused at once.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "blocking_guard.hpp"
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

TEST(AudioClipReader, NaNAndInfiniteFloatSamplesAreRefusedWithTheirTime) {
    auto bytes = test::encodeToneClip(ClipContainer::WavFloat, 48000, 1, 0.1);
    test::setFloatSample(bytes, 1234, std::numeric_limits<float>::quiet_NaN());
    EXPECT_EQ(readAudioClip(bytes, "nan.wav").error,
              "nan.wav: has a sample at 0.026 s (frame 1234, channel 1) that is NaN or infinite; "
              "export it again as 16- or 24-bit WAV or FLAC");
    test::setFloatSample(bytes, 1234, 0.25f);
    test::setFloatSample(bytes, 4799, -std::numeric_limits<float>::infinity());
    EXPECT_EQ(readAudioClip(bytes, "inf.wav").error,
              "inf.wav: has a sample at 0.100 s (frame 4799, channel 1) that is NaN or infinite; "
              "export it again as 16- or 24-bit WAV or FLAC");
    test::setFloatSample(bytes, 4799, 0.25f);
    test::setFloatSample(bytes, 7, 4.0f);
    EXPECT_EQ(readAudioClip(bytes, "loud.wav").error,
              "loud.wav: has a sample at 0.000 s (frame 7, channel 1) beyond full scale (4); "
              "normalise it to peak at or below 0 dBFS and export it again as 16- or 24-bit WAV "
              "or FLAC");
    // Full scale itself is a sample like any other.
    test::setFloatSample(bytes, 7, -1.0f);
    const auto read = readAudioClip(bytes, "full.wav");
    ASSERT_TRUE(read.clip) << read.error;
    EXPECT_EQ(read.clip->interleaved[7], -1.0f);
}

TEST(AudioClipReader, TheBadSampleIsFoundPastTheFirstDecodeChunk) {
    // Two seconds at 48 kHz stereo: the NaN sits in the second 65536-frame chunk, right channel.
    auto bytes = test::encodeToneClip(ClipContainer::WavFloat, 48000, 2, 2.0);
    test::setFloatSample(bytes, 2 * 90000 + 1, std::numeric_limits<float>::quiet_NaN());
    EXPECT_EQ(readAudioClip(bytes, "late.wav").error,
              "late.wav: has a sample at 1.875 s (frame 90000, channel 2) that is NaN or "
              "infinite; export it again as 16- or 24-bit WAV or FLAC");
}

TEST(AudioClipReader, ImpossibleSampleRatesAreRefusedBeforeDecoding) {
    for (const std::uint32_t rate : {1u, 7999u, 384001u, 10000000u}) {
        auto bytes = test::encodeToneClip(ClipContainer::Wav16, 48000, 1, 0.1);
        test::setWavFormat(bytes, rate, 1);
        EXPECT_EQ(readAudioClip(bytes, "rate.wav").error,
                  "rate.wav: has a sample rate of " + std::to_string(rate) +
                      " Hz; use 8000 to 384000 Hz (44100 or 48000 is usual)");
    }
    // The ends of the range are clips like any other.
    for (const int rate : {8000, 384000}) {
        const auto read =
            readAudioClip(test::encodeToneClip(ClipContainer::Flac16, rate, 1, 0.05), "edge.flac");
        ASSERT_TRUE(read.clip) << read.error;
        EXPECT_EQ(read.clip->sampleRate, rate);
        EXPECT_EQ(read.clip->frames(), rate / 20);
    }
}

TEST(AudioClipReader, ImpossibleChannelCountsAreRefused) {
    // 65535 is the most a WAV header can state; libsndfile itself stops at 1024.
    for (const int channels : {0, 9, 1024, 65535}) {
        auto bytes = test::encodeToneClip(ClipContainer::Wav16, 48000, 1, 0.1);
        test::setWavFormat(bytes, 48000, static_cast<std::uint16_t>(channels));
        const auto error = readAudioClip(bytes, "channels.wav").error;
        if (channels == 9 || channels == 1024)
            EXPECT_EQ(error, "channels.wav: has " + std::to_string(channels) +
                                 " channels, more than the 8 a clip may have; export it as mono "
                                 "or stereo");
        else
            EXPECT_EQ(error.rfind("channels.wav: not a readable WAV or FLAC file (", 0), 0u)
                << channels << ": " << error;
    }
    const auto bytes = test::encodeToneClip(ClipContainer::Wav16, 48000, 2, 0.1);
    AudioClipLimits mono;
    mono.maxChannels = 1;
    EXPECT_EQ(readAudioClip(bytes, "s.wav", mono).error,
              "s.wav: has 2 channels, more than the 1 a clip may have; export it as mono or "
              "stereo");
}

TEST(AudioClipReader, LengthLimitsAreCheckedBeforeDecoding) {
    const auto bytes = test::encodeToneClip(ClipContainer::Wav16, 48000, 2, 0.5);
    AudioClipLimits short_;
    short_.maxSeconds = 0.25;
    EXPECT_EQ(readAudioClip(bytes, "s.wav", short_).error,
              "s.wav: is longer than the 0.25 s a clip may be; split it");
    AudioClipLimits small;
    small.maxDecodedBytes = 1u << 16;  // 8192 stereo frames; the clip has 24000
    EXPECT_EQ(readAudioClip(bytes, "s.wav", small).error,
              "s.wav: holds more samples than the 1 MB a clip may decode to; export it at 48000 "
              "Hz in mono or stereo, or split it");
}

TEST(AudioClipReader, AFlacOfUnknownLengthIsDecodedWhole) {
    // What `ffmpeg ... -f flac pipe:` writes: STREAMINFO with no total.
    auto bytes = test::encodeToneClip(ClipContainer::Flac16, 44100, 2, 2.0);
    const auto known = readAudioClip(bytes, "known.flac");
    ASSERT_TRUE(known.clip) << known.error;
    test::forgetFlacLength(bytes);
    const auto read = readAudioClip(bytes, "piped.flac");
    ASSERT_TRUE(read.clip) << read.error;
    EXPECT_EQ(read.clip->frames(), 88200);
    EXPECT_EQ(read.clip->interleaved, known.clip->interleaved);

    // Bounded as any clip: decoding stops at the first frame past the limit.
    AudioClipLimits short_;
    short_.maxSeconds = 1.0;
    EXPECT_EQ(readAudioClip(bytes, "piped.flac", short_).error,
              "piped.flac: is longer than the 1 s a clip may be; split it");
    // Cut short, it is the whole frames before the cut: a stream that never
    // said how long it is cannot be told from a shorter one.
    const auto cut = readAudioClip(test::truncatedTo(bytes, bytes.size() / 2), "cut.flac");
    ASSERT_TRUE(cut.clip) << cut.error;
    EXPECT_GT(cut.clip->frames(), 0);
    EXPECT_LT(cut.clip->frames(), 88200);
    EXPECT_TRUE(std::equal(cut.clip->interleaved.begin(), cut.clip->interleaved.end(),
                           known.clip->interleaved.begin()));
}

TEST(AudioClipReader, AWavOfUnknownLengthIsReadToItsEnd) {
    auto bytes = test::encodeToneClip(ClipContainer::Wav16, 16000, 1, 0.5);
    test::forgetWavLength(bytes);
    const auto read = readAudioClip(bytes, "piped.wav");
    ASSERT_TRUE(read.clip) << read.error;
    EXPECT_EQ(read.clip->frames(), 8000);
    EXPECT_NEAR(read.clip->interleaved[30], 0.5 * std::sin(2 * M_PI * 440 * 30 / 16000.0), 1e-4);
}

/// A scratch path for this test, removed after.
class ScratchFile {
  public:
    explicit ScratchFile(const std::string& name)
        : path_(std::filesystem::temp_directory_path() /
                ("stillpoint-hostile-" + std::to_string(::getpid()) + "-" + name)) {}
    ~ScratchFile() { std::filesystem::remove_all(path_); }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string string() const { return path_.string(); }

  private:
    std::filesystem::path path_;
};

TEST(AudioClipReader, AFileTooLargeIsRefusedBeforeItIsRead) {
    const ScratchFile file("huge-clip.wav");
    for (const std::uintmax_t size : {std::uintmax_t{1} << 30, std::uintmax_t{2} << 30}) {
        { std::ofstream out(file.path(), std::ios::binary); }
        std::filesystem::resize_file(file.path(), size);  // sparse: no gigabyte is written
        EXPECT_EQ(readAudioClipFile(file.string()).error,
                  file.string() + ": the file is " + std::to_string(size >> 20) +
                      " MB, larger than the 256 MB a clip may be; split it");
    }
}

TEST(AudioClipReader, AFifoNamedAsAClipIsRefusedAtOnce) {
    const ScratchFile scratch("clip.fifo");
    const test::TestFifo fifo(scratch.path());
    const auto read =
        test::returnsPromptly(fifo, [&] { return readAudioClipFile(scratch.string()); });
    EXPECT_EQ(read.error,
              scratch.string() + ": is a named pipe (FIFO), not a file; name a WAV or FLAC file");
}

TEST(AudioClipReader, DevicesAndFoldersAreRefused) {
    EXPECT_EQ(readAudioClipFile("/dev/zero").error,
              "/dev/zero: is a character device, not a file; name a WAV or FLAC file");
    EXPECT_EQ(readAudioClipFile("/tmp").error,
              "/tmp: is a folder, not a clip; name a WAV or FLAC file");
}

TEST(AudioClipReader, AClipFileReadsAsItsBytesDo) {
    const ScratchFile file("tone.flac");
    const auto bytes = test::encodeToneClip(ClipContainer::Flac16, 22050, 1, 0.5);
    std::ofstream(file.path(), std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    const auto read = readAudioClipFile(file.string());
    ASSERT_TRUE(read.clip) << read.error;
    EXPECT_EQ(read.clip->interleaved, readAudioClip(bytes, "tone.flac").clip->interleaved);
}

TEST(AudioClipReader, AMissingFileNamesThePath) {
    const auto read = readAudioClipFile("/nonexistent/pack/intro.wav");
    EXPECT_EQ(read.error,
              "/nonexistent/pack/intro.wav: cannot read the file: No such file or directory; "
              "check the path");
}

// The fuzz target's seeds, each with what it must give.
TEST(AudioClipReader, TheFuzzSeedsReadAsCatalogued) {
    const auto folder =
        std::filesystem::path(STILLPOINT_TEST_DATA_DIR) / ".." / "fuzz" / "corpus" / "audio_clip";
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"mono16.wav", ""},
        {"mono16.flac", ""},
        {"stereo24.wav", ""},
        {"float32.wav", ""},
        {"unknown_length.flac", ""},  // as ffmpeg writes to a pipe
        {"unknown_length.wav", ""},
        {"nan_float.wav", "has a sample at 0.003 s (frame 50, channel 1) that is NaN or infinite"},
        {"inf_float.wav", "has a sample at 0.004 s (frame 60, channel 1) that is NaN or infinite"},
        {"over_full_scale_float.wav",
         "has a sample at 0.004 s (frame 70, channel 1) beyond full scale (4)"},
        {"rate_1hz.wav", "has a sample rate of 1 Hz; use 8000 to 384000 Hz"},
        {"rate_10mhz.wav", "has a sample rate of 10000000 Hz; use 8000 to 384000 Hz"},
        {"channels_0.wav", "not a readable WAV or FLAC file ("},
        {"channels_65535.wav", "not a readable WAV or FLAC file ("},
    };
    for (const auto& [name, error] : expected) {
        const auto path = (folder / name).string();
        const auto read = readAudioClipFile(path);
        if (error.empty()) {
            EXPECT_TRUE(read.clip) << read.error;
            continue;
        }
        EXPECT_EQ(read.error.rfind(path + ": " + error, 0), 0u) << read.error;
    }
}

}  // namespace
}  // namespace stillpoint
