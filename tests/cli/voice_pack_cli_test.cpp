// `--voice-pack DIR`: render speaks from the pack, warns once about lines it
// lacks, and refuses a damaged clip naming it.
#include <sndfile.h>

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "cli_fixture.hpp"

namespace stillpoint {
namespace {

const char* kPackSession = R"(title: pack
defaults: {bed: none}
sections:
  - name: only
    steps:
      - say: {text: Welcome., id: welcome}
      - say: {text: Rest here., id: rest}
grounding:
  - pause: 2s
)";

/// One second of a quiet tone; `poison` (when finite or not) replaces the sample at 0.5 s.
void writeTone(const fs::path& path, int rate, int channels,
               std::optional<float> poison = std::nullopt) {
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = SF_FORMAT_WAV | (poison ? SF_FORMAT_FLOAT : SF_FORMAT_PCM_16);
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    ASSERT_NE(file, nullptr) << sf_strerror(nullptr);
    std::vector<float> samples(static_cast<std::size_t>(rate * channels));
    for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i] = 0.3f * static_cast<float>(std::sin(0.05 * static_cast<double>(i / channels)));
    if (poison) samples[static_cast<std::size_t>(rate / 2 * channels)] = *poison;
    sf_writef_float(file, samples.data(), rate);
    sf_close(file);
}

// A suite of its own: the shared fixture lives in each file's anonymous namespace.
class VoicePackCli : public Cli {};

TEST_F(VoicePackCli, RenderWithAVoicePackWarnsOnceAboutLinesItLacks) {
    const auto session = write("pack.yaml", kPackSession);
    fs::create_directories(dir_ / "anna");
    writeTone(dir_ / "anna" / "welcome.wav", 44100, 2);
    write("anna/voice-pack.yaml", "name: Anna\nlines:\n  welcome: welcome.wav\n");
    const auto out = dir_ / "out.wav";
    auto result = run("render " + session.string() + " -o " + out.string() + " --voice-pack " +
                      (dir_ / "anna").string());
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(fs::exists(out));
    EXPECT_NE(result.err.find("warning: " + session.string() +
                              ": voice pack 'Anna' has no clip for 1 line(s); the synthesiser "
                              "speaks them: rest (line 7)\n"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find(", 1 from the voice pack\n"), std::string::npos) << result.err;

    // A clip that is not audio: an error naming it, and no output file.
    write("anna/welcome.wav", "not a wave file");
    fs::remove(out);
    result = run("render " + session.string() + " -o " + out.string() + " --voice-pack " +
                 (dir_ / "anna").string());
    EXPECT_EQ(result.exitCode, 3);  // bad input, not an internal error
    EXPECT_NE(result.err.find("welcome.wav: not a readable WAV or FLAC file"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("voice-pack.yaml:3:12)"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(out));
}

// A float clip holding a NaN (or a clip far too large) is refused naming it,
// as any damaged clip is: exit 3, no file, never a full-scale render.
TEST_F(VoicePackCli, AClipWithANaNSampleOrTooLargeIsRefusedNamingIt) {
    const auto session = write("pack.yaml", kPackSession);
    fs::create_directories(dir_ / "anna");
    writeTone(dir_ / "anna" / "welcome.wav", 48000, 1, std::numeric_limits<float>::quiet_NaN());
    write("anna/voice-pack.yaml", "name: Anna\nlines:\n  welcome: welcome.wav\n");
    const auto out = dir_ / "out.wav";
    const std::string render = "render " + session.string() + " -o " + out.string() +
                               " --voice-pack " + (dir_ / "anna").string();
    auto result = run(render);
    EXPECT_EQ(result.exitCode, 3) << result.err;
    const auto clip = fs::canonical(dir_ / "anna" / "welcome.wav").string();
    EXPECT_NE(
        result.err.find(clip + ": has a sample at 0.500 s (frame 24000, channel 1) that is NaN or "
                               "infinite; export it again as 16- or 24-bit WAV or FLAC (line "
                               "'welcome' at "),
        std::string::npos)
        << result.err;
    EXPECT_FALSE(fs::exists(out));

    fs::resize_file(dir_ / "anna" / "welcome.wav", std::uintmax_t{2} << 30);  // sparse
    result = run(render);
    EXPECT_EQ(result.exitCode, 3) << result.err;
    EXPECT_NE(result.err.find(clip + ": the file is 2048 MB, larger than the 256 MB a clip may "
                                     "be; split it"),
              std::string::npos)
        << result.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(VoicePackCli, AFolderThatIsNoVoicePackExitsThree) {
    const auto session = write("pack.yaml", kPackSession);
    fs::create_directories(dir_ / "empty");
    const auto result = run("captions " + session.string() + " -o " + (dir_ / "out.vtt").string() +
                            " --voice-pack " + (dir_ / "empty").string());
    EXPECT_EQ(result.exitCode, 3) << result.err;
    EXPECT_NE(result.err.find("voice-pack.yaml: cannot read the voice pack manifest"),
              std::string::npos)
        << result.err;
}

}  // namespace
}  // namespace stillpoint
