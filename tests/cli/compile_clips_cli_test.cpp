// `stillpoint compile`'s clip files: the FLAC clips are the raw PCM clips,
// sample for sample, and a compiled folder whose clip file is missing or
// short is refused with the session.json field that names it.
#include <sndfile.h>

#include <cmath>
#include <cstdint>
#include <iostream>
#include <vector>

#include "cli_fixture.hpp"
#include "stillpoint/compiled_session.hpp"

namespace {

class CompileClips : public Cli {
  protected:
    /// kShortSession compiled into dir_/NAME with `extra` options.
    fs::path compiled(const std::string& name, const std::string& extra = "") {
        const auto session = write("short.yaml", kShortSession);
        const auto folder = dir_ / name;
        const auto result =
            run("compile " + session.string() + " --quiet " + extra + " -o " + folder.string());
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return folder;
    }
};

/// `path`'s samples as libsndfile decodes them, 16-bit little-endian bytes.
std::string flacAsPcmBytes(const fs::path& path, SF_INFO& info) {
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (!file) return "cannot open: " + std::string(sf_strerror(nullptr));
    std::vector<short> samples(static_cast<std::size_t>(info.frames) * info.channels);
    const auto read = sf_read_short(file, samples.data(), static_cast<sf_count_t>(samples.size()));
    sf_close(file);
    std::string bytes;
    for (sf_count_t i = 0; i < read; ++i) {
        const auto bits = static_cast<std::uint16_t>(samples[static_cast<std::size_t>(i)]);
        bytes.push_back(static_cast<char>(bits & 0xff));
        bytes.push_back(static_cast<char>(bits >> 8));
    }
    return bytes;
}

void writeFlac(const fs::path& path, int frames) {
    SF_INFO info{};
    info.samplerate = 16000;
    info.channels = 1;
    info.format = SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    ASSERT_TRUE(file) << sf_strerror(nullptr);
    std::vector<short> samples(static_cast<std::size_t>(frames), 1000);
    sf_write_short(file, samples.data(), frames);
    sf_close(file);
}

TEST_F(CompileClips, TheFlacClipsDecodeToExactlyThePcmClips) {
    const auto flac = compiled("flac");
    const auto pcm = compiled("pcm", "--clips pcm");
    ASSERT_TRUE(fs::exists(pcm / "clips.pcm"));
    EXPECT_FALSE(fs::exists(pcm / "clips-16000.flac"));
    SF_INFO info{};
    const std::string decoded = flacAsPcmBytes(flac / "clips-16000.flac", info);
    EXPECT_EQ(info.format, SF_FORMAT_FLAC | SF_FORMAT_PCM_16);
    EXPECT_EQ(info.channels, 1);
    EXPECT_EQ(info.samplerate, 16000);
    const std::string raw = slurp(pcm / "clips.pcm");
    ASSERT_GT(raw.size(), 8000u);
    EXPECT_TRUE(decoded == raw) << decoded.size() << " bytes decoded, " << raw.size() << " raw";
    EXPECT_LT(fs::file_size(flac / "clips-16000.flac"), raw.size());

    // Both read back to the same clips.
    const auto fromFlac = stillpoint::readCompiledFolder(flac.string());
    const auto fromPcm = stillpoint::readCompiledFolder(pcm.string());
    ASSERT_TRUE(fromFlac.session) << fromFlac.error;
    ASSERT_TRUE(fromPcm.session) << fromPcm.error;
    const auto& a = fromFlac.session->program->narration->steps[1][0].clip;
    const auto& b = fromPcm.session->program->narration->steps[1][0].clip;
    EXPECT_EQ(a.samples, b.samples);
    EXPECT_EQ(a.sampleRate, b.sampleRate);
}

TEST_F(CompileClips, TheOpusClipsAreTheRawClipsWithinTheirBound) {
    const auto opus = compiled("opus", "--clips opus");
    const auto pcm = compiled("pcm", "--clips pcm");
    ASSERT_TRUE(fs::exists(opus / "clips-16000.opus"));
    EXPECT_LT(fs::file_size(opus / "clips-16000.opus") * 5, fs::file_size(pcm / "clips.pcm"));
    const auto lossy = stillpoint::readCompiledFolder(opus.string());
    const auto exact = stillpoint::readCompiledFolder(pcm.string());
    ASSERT_TRUE(lossy.session) << lossy.error;
    ASSERT_TRUE(exact.session) << exact.error;
    double signal = 0.0, difference = 0.0;
    const auto& steps = exact.session->program->narration->steps;
    for (std::size_t s = 0; s < steps.size(); ++s)
        for (std::size_t i = 0; i < steps[s].size(); ++i) {
            const auto& a = steps[s][i].clip.samples;
            const auto& b = lossy.session->program->narration->steps[s][i].clip.samples;
            ASSERT_EQ(a.size(), b.size());  // every clip where it was: no shift, no padding
            for (std::size_t k = 0; k < a.size(); ++k) {
                signal += double(a[k]) * a[k];
                difference += double(a[k] - b[k]) * (a[k] - b[k]);
            }
        }
    const double snrDb = 10.0 * std::log10(signal / difference);
    std::cout << "MEASURE opus clips, libsndfile's decoder: signal to difference " << snrDb
              << " dB\n";
    EXPECT_GT(snrDb, 20.0);  // docs/web.md states the bound
}

TEST_F(CompileClips, AMissingClipFileIsRefusedWithItsField) {
    const auto folder = compiled("out");
    fs::remove(folder / "clips-16000.flac");
    const auto read = stillpoint::readCompiledFolder(folder.string());
    ASSERT_FALSE(read.session);
    EXPECT_EQ(read.error, (folder / "session.json").string() +
                              ": clips[0].file: " + (folder / "clips-16000.flac").string() +
                              ": cannot read the file: No such file or directory; check the path");
}

TEST_F(CompileClips, AMissingPcmFileIsRefusedWithItsField) {
    const auto folder = compiled("out", "--clips pcm");
    fs::remove(folder / "clips.pcm");
    const auto read = stillpoint::readCompiledFolder(folder.string());
    ASSERT_FALSE(read.session);
    EXPECT_EQ(read.error, (folder / "session.json").string() +
                              ": clips[0].file: " + (folder / "clips.pcm").string() +
                              ": cannot read the file: No such file or directory; check the path");
}

TEST_F(CompileClips, AShortClipFileIsRefusedWithItsField) {
    const auto folder = compiled("out");
    const auto whole = stillpoint::readCompiledFolder(folder.string());
    ASSERT_TRUE(whole.session) << whole.error;
    std::size_t samples = 0;
    for (const auto& lines : whole.session->program->narration->steps)
        for (const auto& line : lines) samples += line.clip.samples.size();
    writeFlac(folder / "clips-16000.flac", 1000);
    const auto read = stillpoint::readCompiledFolder(folder.string());
    ASSERT_FALSE(read.session);
    EXPECT_EQ(read.error, (folder / "session.json").string() +
                              ": clips[0].samples: " + std::to_string(samples) +
                              " samples, but clips-16000.flac holds 1000; compile the session "
                              "again");
}

TEST_F(CompileClips, AShortPcmFileIsRefusedWithItsField) {
    const auto folder = compiled("out", "--clips pcm");
    const std::string raw = slurp(folder / "clips.pcm");
    std::ofstream(folder / "clips.pcm", std::ios::binary | std::ios::trunc) << raw.substr(0, 600);
    const auto read = stillpoint::readCompiledFolder(folder.string());
    ASSERT_FALSE(read.session);
    EXPECT_EQ(read.error, (folder / "session.json").string() +
                              ": clips[0].samples: " + std::to_string(raw.size() / 2) +
                              " samples, but clips.pcm holds 300; compile the session again");
}

}  // namespace
