// `stillpoint render -o OUT.opus|.mp3`: decoded back with libsndfile, the
// file is the WAV's length and loudness; a rate the codec cannot take is
// refused before any work, naming the rates it can.
#include <sndfile.h>

#include <vector>

#include "audio_analysis.hpp"
#include "cli_fixture.hpp"

namespace {

struct Decoded {
    int rate = 0, channels = 0, container = 0, codec = 0;
    std::vector<float> left, right;
};

Decoded decode(const fs::path& path) {
    Decoded d;
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr) return d;
    std::vector<float> frames(static_cast<std::size_t>(info.frames * info.channels));
    const sf_count_t got = sf_readf_float(file, frames.data(), info.frames);
    sf_close(file);
    d.rate = info.samplerate;
    d.channels = info.channels;
    d.container = info.format & SF_FORMAT_TYPEMASK;
    d.codec = info.format & SF_FORMAT_SUBMASK;
    for (sf_count_t i = 0; i < got; ++i) {
        d.left.push_back(frames[static_cast<std::size_t>(i * info.channels)]);
        d.right.push_back(frames[static_cast<std::size_t>(i * info.channels + info.channels - 1)]);
    }
    return d;
}

class LossyOutput : public Cli {};

TEST_F(LossyOutput, OpusAndMp3DecodeToTheWavsLengthAndLoudness) {
    const auto session = write("lossy.yaml", kShortSession);
    const auto wavPath = dir_ / "reference.wav";
    ASSERT_EQ(run("render " + session.string() + " -o " + wavPath.string() + " --quiet").exitCode,
              0);
    const Decoded wav = decode(wavPath);
    ASSERT_GT(wav.left.size(), 48000u * 10);
    const int n = static_cast<int>(wav.left.size());
    const double wavLufs =
        stillpoint::test::integratedLufs(wav.left.data(), wav.right.data(), n, 48000);

    struct Case {
        const char* name;
        int container, codec;
        double maxBitsPerSecond;
    } cases[] = {{"out.opus", SF_FORMAT_OGG, SF_FORMAT_OPUS, 160000},
                 {"out.mp3", SF_FORMAT_MPEG, SF_FORMAT_MPEG_LAYER_III, 192000}};
    for (const auto& c : cases) {
        const auto path = dir_ / c.name;
        const auto r = run("render " + session.string() + " -o " + path.string() + " --quiet");
        ASSERT_EQ(r.exitCode, 0) << c.name << ": " << r.err;
        EXPECT_EQ(r.out, path.string() + "\n");
        const Decoded d = decode(path);
        EXPECT_EQ(d.rate, 48000) << c.name;
        EXPECT_EQ(d.channels, 2) << c.name;
        EXPECT_EQ(d.container, c.container) << c.name;
        EXPECT_EQ(d.codec, c.codec) << c.name;
        // Codec delay and padding: within 60 ms of the WAV's length.
        EXPECT_NEAR(static_cast<double>(d.left.size()), static_cast<double>(n), 48000 * 0.06)
            << c.name;
        const int m = static_cast<int>(std::min(d.left.size(), wav.left.size()));
        const double lufs =
            stillpoint::test::integratedLufs(d.left.data(), d.right.data(), m, 48000);
        EXPECT_NEAR(lufs, wavLufs, 0.5) << c.name;
        EXPECT_NEAR(lufs, -16.0, 1.0) << c.name << ": the render's loudness target";
        EXPECT_LT(stillpoint::test::truePeakDbTp(d.left.data(), d.right.data(), m, 48000), 0.0)
            << c.name;
        // A lossy file is several times smaller than 24-bit PCM.
        const double seconds = static_cast<double>(n) / 48000.0;
        EXPECT_LT(static_cast<double>(fs::file_size(path)) * 8.0 / seconds, c.maxBitsPerSecond)
            << c.name;
        EXPECT_GT(static_cast<double>(fs::file_size(path)) * 8.0 / seconds, 48000.0) << c.name;
    }
}

TEST_F(LossyOutput, ARateTheCodecCannotTakeIsRefusedBeforeAnyWork) {
    const auto session = write("lossy.yaml", kShortSession);
    const auto opus = dir_ / "out.opus";
    auto r = run("render " + session.string() + " -o " + opus.string() + " --rate 44100");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "stillpoint render: " + opus.string() +
                         ": Opus cannot be written at 44100 Hz (Opus takes 8000, 12000, 16000, "
                         "24000 or 48000); use --rate 48000\n");
    const auto mp3 = dir_ / "out.mp3";
    r = run("render " + session.string() + " -o " + mp3.string() + " --rate 96000");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "stillpoint render: " + mp3.string() +
                         ": MP3 cannot be written at 96000 Hz (MP3 takes 32000, 44100 or 48000); "
                         "use --rate 48000\n");
    EXPECT_FALSE(fs::exists(opus));
    EXPECT_FALSE(fs::exists(mp3));
    // 44.1 kHz MP3 is fine.
    r = run("render " + session.string() + " -o " + mp3.string() + " --rate 44100 --quiet");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(decode(mp3).rate, 44100);
}

}  // namespace
