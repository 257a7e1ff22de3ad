// The `stillpoint` command as scripts use it: exit codes, messages, files.
#include <gtest/gtest.h>
#include <sndfile.h>
#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "audio_analysis.hpp"
#include "cli_fixture.hpp"

namespace {

namespace fs = std::filesystem;

TEST_F(Cli, CheckAcceptsEveryAsset) {
    const auto r = run("check " + assets_ + "/sessions/*.yaml " + assets_ + "/programs/*.yaml");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("arrive-and-breathe.yaml: ok"), std::string::npos) << r.out;
}

TEST_F(Cli, CheckReportsFileLineColumnAndAFix) {
    const auto path =
        write("bad.yaml",
              "title: bad\nsections:\n  - name: one\n    steps:\n      - breathe: {cylces: 3}\n");
    const auto r = run("check " + path.string());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find(path.string() + ":5:19:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("cycles"), std::string::npos) << r.err;
}

TEST_F(Cli, MissingSessionFileIsAnIoError) {
    const auto r = run("check " + (dir_ / "nowhere.yaml").string());
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("nowhere.yaml"), std::string::npos) << r.err;
}

TEST_F(Cli, UnknownCommandAndOptionSuggestTheRightOne) {
    auto r = run("rendr x.yaml");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("did you mean 'render'"), std::string::npos) << r.err;
    r = run("render x.yaml -o out.wav --rte 48000");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("did you mean '--rate'"), std::string::npos) << r.err;
    r = run("render x.yaml -o out.wav --rate 12345");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("44100"), std::string::npos) << r.err;
    r = run("render x.yaml -o out.aiff");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find(".wav, .flac, .ogg, .opus or .mp3"), std::string::npos) << r.err;
}

TEST_F(Cli, HelpListsEveryCommand) {
    const auto r = run("--help");
    EXPECT_EQ(r.exitCode, 0);
    for (const char* word :
         {"check", "info", "render", "presets", "--rate", "--channels", "--avoid"})
        EXPECT_NE(r.out.find(word), std::string::npos) << word;
}

TEST_F(Cli, InfoShowsSectionsStepsAndTotal) {
    const auto r = run("info " + assets_ + "/sessions/arrive-and-breathe.yaml");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    for (const char* word : {"Arrive and breathe", "Arriving", "Breathing", "Returning",
                             "breathe resonance", "total ", "breaths"})
        EXPECT_NE(r.out.find(word), std::string::npos) << word << "\n" << r.out;
}

struct FileFacts {
    int rate = 0, channels = 0, format = 0;
    sf_count_t frames = 0;
};

FileFacts readFacts(const fs::path& path) {
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    if (!f) return {};
    sf_close(f);
    return {info.samplerate, info.channels, info.format & SF_FORMAT_TYPEMASK, info.frames};
}

TEST_F(Cli, RendersWavFlacAndOggAtTheRequestedRateAndChannels) {
    const auto session = write("short.yaml", kShortSession);
    struct Case {
        const char* name;
        const char* args;
        int rate, channels, type;
    } cases[] = {
        {"a.wav", "", 48000, 2, SF_FORMAT_WAV},
        {"b.flac", "--rate 44100", 44100, 2, SF_FORMAT_FLAC},
        {"c.ogg", "--rate 96000 --channels 1", 96000, 1, SF_FORMAT_OGG},
    };
    for (const auto& c : cases) {
        const auto out = dir_ / c.name;
        const auto r = run("render " + session.string() + " -o " + out.string() + " " + c.args);
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(r.out, out.string() + "\n");
        // The spoken line is made (or read from the cache) before the render.
        EXPECT_NE(r.err.find("narration: "), std::string::npos) << r.err;
        const auto facts = readFacts(out);
        EXPECT_EQ(facts.rate, c.rate) << c.name;
        EXPECT_EQ(facts.channels, c.channels) << c.name;
        EXPECT_EQ(facts.format, c.type) << c.name;
        // 2 s bell + speech estimate + one 10 s breath + 4 s fade-out.
        EXPECT_GT(facts.frames, c.rate * 16) << c.name;
        EXPECT_LT(facts.frames, c.rate * 22) << c.name;
    }
}

TEST_F(Cli, InvalidSessionRendersNothingAndUnwritableOutputLeavesNoFile) {
    const auto bad = write("bad.yaml", "title: x\nsections: []\n");
    auto r = run("render " + bad.string() + " -o " + (dir_ / "x.wav").string());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_FALSE(fs::exists(dir_ / "x.wav"));

    const auto session = write("short.yaml", kShortSession);
    r = run("render " + session.string() + " -o " + (dir_ / "missing-folder" / "x.wav").string());
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("missing-folder/x.wav"), std::string::npos) << r.err;
    for (const auto& entry : fs::directory_iterator(dir_))
        EXPECT_EQ(entry.path().string().find(".partial"), std::string::npos) << entry.path();
}

TEST_F(Cli, RenderedFileIsLoudnessCalibrated) {
    const auto out = dir_ / "session.wav";
    const auto r =
        run("render " + assets_ + "/programs/coherent.yaml -o " + out.string() + " --quiet");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    SF_INFO info{};
    SNDFILE* f = sf_open(out.c_str(), SFM_READ, &info);
    ASSERT_TRUE(f);
    std::vector<float> interleaved(static_cast<std::size_t>(info.frames * info.channels));
    sf_readf_float(f, interleaved.data(), info.frames);
    sf_close(f);
    std::vector<float> left(static_cast<std::size_t>(info.frames)), right(left.size());
    for (std::size_t i = 0; i < left.size(); ++i) {
        left[i] = interleaved[2 * i];
        right[i] = interleaved[2 * i + 1];
    }
    const auto frames = static_cast<int>(info.frames);
    EXPECT_NEAR(stillpoint::test::integratedLufs(left.data(), right.data(), frames, 48000), -16.0,
                1.0);
    EXPECT_LE(stillpoint::test::truePeakDbTp(left.data(), right.data(), frames, 48000), -1.0);
}

}  // namespace

namespace stillpoint {
namespace {

class CliNarration : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("stillpoint-cli-narration-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    int run(const std::string& args, std::string& out, std::string& err) {
        const auto o = dir_ / "stdout", e = dir_ / "stderr";
        const int status = std::system(
            (std::string(STILLPOINT_CLI_PATH) + " " + args + " >" + o.string() + " 2>" + e.string())
                .c_str());
        out = slurp(o);
        err = slurp(e);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    fs::path dir_;
};

const char* kScanSession = R"(title: scan
defaults: {bed: brown}
sections:
  - name: only
    steps:
      - say: Welcome. [pause 1s] You can rest here.
      - scan: {regions: [feet, chest, hands], length: short}
)";

TEST_F(CliNarration, CaptionsAndRenderCaptionsAgreeAndLeaveOutAvoidedRegions) {
    std::ofstream(dir_ / "scan.yaml") << kScanSession;
    const auto session = (dir_ / "scan.yaml").string();
    std::string out, err;
    ASSERT_EQ(run("captions " + session + " -o " + (dir_ / "a.vtt").string() + " --avoid chest",
                  out, err),
              0)
        << err;
    const std::string vtt = slurp(dir_ / "a.vtt");
    EXPECT_EQ(vtt.rfind("WEBVTT\n\n00:00:00.000 --> ", 0), 0u) << vtt;
    EXPECT_NE(vtt.find("\nWelcome. You can rest here.\n"), std::string::npos) << vtt;
    EXPECT_NE(vtt.find("\nLetting that go, your attention can rest on your hands.\n"),
              std::string::npos)
        << vtt;
    EXPECT_EQ(vtt.find("chest"), std::string::npos) << vtt;

    ASSERT_EQ(run("render " + session + " -o " + (dir_ / "b.wav").string() +
                      " --avoid chest --captions srt --quiet",
                  out, err),
              0)
        << err;
    EXPECT_EQ(out, (dir_ / "b.wav").string() + "\n" + (dir_ / "b.srt").string() + "\n");
    const std::string srt = slurp(dir_ / "b.srt");
    EXPECT_EQ(srt.rfind("1\n00:00:00,000 --> ", 0), 0u) << srt;
    // The same cues as the captions command, in the other format.
    auto cueTimes = [](const std::string& text, char separator) {
        std::vector<std::string> times;
        for (std::size_t at = text.find(" --> "); at != std::string::npos;
             at = text.find(" --> ", at + 1)) {
            std::string start = text.substr(at - 12, 12);
            std::replace(start.begin(), start.end(), separator, '.');
            times.push_back(start);
        }
        return times;
    };
    EXPECT_EQ(cueTimes(vtt, '.'), cueTimes(srt, ','));
    EXPECT_EQ(cueTimes(vtt, '.').size(), 3u);
}

TEST_F(CliNarration, VoicesListsTheDefaultFirstAndCaptionsRejectsAnUnknownFormat) {
    std::string out, err;
    ASSERT_EQ(run("voices", out, err), 0);
    EXPECT_EQ(out.rfind("flite:cmu_us_slt", 0), 0u) << out;
    EXPECT_NE(out.substr(0, out.find('\n')).find("(the engine's default)"), std::string::npos);
    EXPECT_NE(out.find("\nflite:cmu_us_awb\n"), std::string::npos);
    std::ofstream(dir_ / "scan.yaml") << kScanSession;
    EXPECT_EQ(run("captions " + (dir_ / "scan.yaml").string() + " -o " + (dir_ / "x.txt").string(),
                  out, err),
              2);
    EXPECT_NE(err.find("unknown caption format; use a name ending in .vtt or .srt"),
              std::string::npos)
        << err;
    EXPECT_FALSE(fs::exists(dir_ / "x.txt"));
}

}  // namespace
}  // namespace stillpoint
