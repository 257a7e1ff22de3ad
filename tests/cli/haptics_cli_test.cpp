// The haptic options of `stillpoint render` and the `haptics` command: the
// extra channel in the file, and clear errors for wrong values.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <vector>

#include "audio_analysis.hpp"
#include "cli_fixture.hpp"

namespace {

const char* kBreath = R"(title: breath
sections:
  - name: only
    steps:
      - breathe: {pattern: coherent, cycles: 2}
)";

class HapticsCli : public Cli {};

std::vector<float> readChannel(const fs::path& path, int channel, int& channels, int& rate) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    std::vector<float> all(static_cast<std::size_t>(info.frames * info.channels));
    if (file) {
        sf_readf_float(file, all.data(), info.frames);
        sf_close(file);
    }
    channels = info.channels;
    rate = info.samplerate;
    std::vector<float> one;
    for (sf_count_t i = 0; i < info.frames && channel < info.channels; ++i)
        one.push_back(all[static_cast<std::size_t>(i * info.channels + channel)]);
    return one;
}

TEST_F(HapticsCli, RenderWritesTheHapticTrackAsAThirdChannelOnItsCarrier) {
    const auto session = write("breath.yaml", kBreath);
    for (const auto& [name, hz] : {std::pair{"lra", 170.0}, std::pair{"shaker", 40.0}}) {
        const auto out = dir_ / (std::string(name) + ".wav");
        const auto r = run("render " + session.string() + " -o " + out.string() +
                           " --quiet --haptic-channel " + name);
        ASSERT_EQ(r.exitCode, 0) << r.err;
        int channels = 0, rate = 0;
        const auto haptic = readChannel(out, 2, channels, rate);
        EXPECT_EQ(channels, 3);
        ASSERT_GT(haptic.size(), std::size_t(rate * 20));
        // The second inhale's top: full breath, well past the fade-in.
        const int at = rate * 12;
        EXPECT_NEAR(stillpoint::test::peakFrequency(haptic.data() + at, rate, rate, 10.0), hz, 0.5)
            << name;
        EXPECT_GT(stillpoint::test::maxAbs(haptic.data(), int(haptic.size())), 0.7) << name;
    }
    const auto capped = dir_ / "capped.wav";
    ASSERT_EQ(run("render " + session.string() + " -o " + capped.string() +
                  " --quiet --haptic-channel lra --haptic-cap 0.25")
                  .exitCode,
              0);
    int channels = 0, rate = 0;
    const auto haptic = readChannel(capped, 2, channels, rate);
    const double peak = stillpoint::test::maxAbs(haptic.data(), int(haptic.size()));
    EXPECT_LE(peak, 0.25 + 1e-4);  // plus one 24-bit step
    EXPECT_GT(peak, 0.2);
}

TEST_F(HapticsCli, WrongHapticValuesNameTheOptionAndTheFix) {
    const auto session = write("breath.yaml", kBreath);
    auto r = run("render " + session.string() + " -o x.wav --haptic-channel buzz");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(
        r.err.find("--haptic-channel buzz is not an actuator; use lra (170 Hz) or shaker (40 Hz)"),
        std::string::npos)
        << r.err;
    r = run("render " + session.string() + " -o x.wav --haptic-channel lra --haptic-cap 2");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--haptic-cap 2 is out of range; use a number from 0"), std::string::npos)
        << r.err;
    r = run("haptics " + session.string() + " --format mp4 -o x.json");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--format mp4 is not known; use ahap"), std::string::npos) << r.err;
    r = run("haptics " + session.string() + " -o x.json");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--format ahap|android|haptic"), std::string::npos) << r.err;
    r = run("haptics " + (dir_ / "nowhere.yaml").string() + " --format ahap -o x.ahap");
    EXPECT_EQ(r.exitCode, 3);
    r = run("haptics " + session.string() + " --format ahap -o " +
            (dir_ / "no/such/dir/x.ahap").string());
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err.substr(r.err.find("stillpoint haptics: ")),
              "stillpoint haptics: " + (dir_ / "no/such/dir/x.ahap").string() +
                  ": cannot create the file: No such file or directory (check that the folder "
                  "exists and is writable)\n");
}

}  // namespace
