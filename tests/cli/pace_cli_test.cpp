// `--pace BPM`: the listener's own breathing pace. info shows it, a render
// breathes it (inhale onsets measured on the rendered haptic channel), a
// render-batch row's `pace` renders the same bytes under its own content
// key, and paces outside the safe range are refused with the range and an
// example, on the command line and at a manifest's line and column.
#include <sndfile.h>

#include <map>
#include <regex>
#include <vector>

#include "audio_analysis.hpp"
#include "cli_fixture.hpp"
#include "inhale_onsets.hpp"

namespace {

const char* kBreath = R"(title: breath
sections:
  - name: only
    steps:
      - breathe: {pattern: coherent, pace: 6, duration: 30s}
)";

const std::string kRefusal =
    "--pace takes the listener's breathing pace, from 4.5 to 20 breaths/min (a safe pace to "
    "breathe a whole session at), e.g. --pace 6";

class PaceCli : public Cli {
  protected:
    std::string bytesOf(const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }
};

TEST_F(PaceCli, InfoShowsEveryBreatheStepAtTheListenersPace) {
    const auto session = write("breath.yaml", kBreath);
    const auto written = run("info " + session.string());
    ASSERT_EQ(written.exitCode, 0) << written.err;
    EXPECT_NE(written.out.find("breathe coherent, 3 breaths at 6/min"), std::string::npos)
        << written.out;
    const auto paced = run("info " + session.string() + " --pace 10");
    ASSERT_EQ(paced.exitCode, 0) << paced.err;
    EXPECT_NE(paced.out.find("breathe coherent, 5 breaths at 10/min"), std::string::npos)
        << paced.out;
}

TEST_F(PaceCli, ARenderBreathesAtTheChosenPace) {
    const auto session = write("breath.yaml", kBreath);
    const auto paced = dir_ / "paced.wav", written = dir_ / "written.wav";
    for (const auto& [out, pace] : {std::pair{paced, " --pace 10"}, std::pair{written, ""}}) {
        const auto r = run("render " + session.string() + " -o " + out.string() +
                           " --channels 1 --haptic-channel lra --quiet" + pace);
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    // 30 s at 10/min: five inhales, 6 s apart (the written 6/min: three, 10 s apart).
    // The first is measured from the second on: the session's fade-in keeps
    // the first breath quiet for longer.
    const std::vector<double> onsets = inhaleOnsets(paced, 1);
    ASSERT_EQ(onsets.size(), 5u);
    for (std::size_t i = 2; i < onsets.size(); ++i)
        EXPECT_NEAR(onsets[i] - onsets[i - 1], 6.0, 0.03) << i;
    const std::vector<double> writtenOnsets = inhaleOnsets(written, 1);
    ASSERT_EQ(writtenOnsets.size(), 3u);
    for (std::size_t i = 2; i < writtenOnsets.size(); ++i)
        EXPECT_NEAR(writtenOnsets[i] - writtenOnsets[i - 1], 10.0, 0.03) << i;
}

TEST_F(PaceCli, UnsafePacesAreRefusedWithTheRangeAndAnExample) {
    const auto session = write("breath.yaml", kBreath);
    for (const char* bad : {"4.4", "20.5", "1", "30", "0", "fast", "6x", ""}) {
        const auto render = run("render " + session.string() + " -o " + (dir_ / "x.wav").string() +
                                " --pace '" + bad + "'");
        EXPECT_EQ(render.exitCode, 2) << bad;
        EXPECT_EQ(render.err, "stillpoint render: " + kRefusal + "\n") << bad;
        for (const std::string& command :
             {"captions " + session.string() + " -o " + (dir_ / "x.vtt").string(),
              "haptics " + session.string() + " --format ahap -o " + (dir_ / "x.ahap").string(),
              "play " + session.string()}) {
            const auto refused = run(command + " --pace '" + bad + "'");
            EXPECT_EQ(refused.exitCode, 2) << command << ' ' << bad;
            EXPECT_EQ(refused.err, "stillpoint: " + kRefusal + "\n") << command << ' ' << bad;
        }
        const auto info = run("info " + session.string() + " --pace '" + bad + "'");
        EXPECT_EQ(info.exitCode, 2) << bad;
        EXPECT_EQ(info.err, "stillpoint: " + kRefusal + "\n") << bad;
        const auto check = run("check " + session.string() + " --pace '" + bad + "'");
        EXPECT_EQ(check.exitCode, 2) << bad;
        EXPECT_EQ(check.err, "stillpoint: " + kRefusal + "\n") << bad;
    }
    EXPECT_FALSE(fs::exists(dir_ / "x.wav"));
}

TEST_F(PaceCli, ABatchRowsPaceRendersAsRenderPaceUnderItsOwnKey) {
    write("breath.yaml", kBreath);
    write("jobs.jsonl",
          "{\"session\": \"breath.yaml\", \"output\": \"a.wav\", \"pace\": 8}\n"
          "{\"session\": \"breath.yaml\", \"output\": \"b.wav\"}\n"
          "{\"session\": \"breath.yaml\", \"output\": \"c.wav\", \"pace\": \"9\"}\n"
          "{\"session\": \"breath.yaml\", \"output\": \"d.wav\", \"pace\": 8}\n");
    const auto r = run("render-batch " + (dir_ / "jobs.jsonl").string() + " --out " +
                       (dir_ / "out").string() + " --quiet");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::map<std::string, std::string> keys;  // output stem -> key
    std::map<std::string, fs::path> files;
    const std::regex keyed(R"(([abcd])\.([0-9a-f]{16})\.wav)");
    for (const auto& entry : fs::directory_iterator(dir_ / "out")) {
        std::smatch match;
        const std::string name = entry.path().filename().string();
        if (!std::regex_match(name, match, keyed)) continue;
        keys[match[1]] = match[2];
        files[match[1]] = entry.path();
    }
    ASSERT_EQ(keys.size(), 4u);
    EXPECT_NE(keys["a"], keys["b"]);  // the pace changes the key
    EXPECT_NE(keys["a"], keys["c"]);
    EXPECT_NE(keys["b"], keys["c"]);
    EXPECT_EQ(keys["a"], keys["d"]);  // the same session and pace: the same key

    const auto single = dir_ / "single.wav";
    ASSERT_EQ(run("render " + (dir_ / "breath.yaml").string() + " -o " + single.string() +
                  " --pace 8 --quiet")
                  .exitCode,
              0);
    EXPECT_TRUE(bytesOf(files["a"]) == bytesOf(single));
    EXPECT_FALSE(bytesOf(files["b"]) == bytesOf(single));
}

TEST_F(PaceCli, ABatchRowsUnsafePaceIsNamedAtItsLineAndColumn) {
    write("breath.yaml", kBreath);
    const std::string field =
        "pace takes the listener's breathing pace, from 4.5 to 20 breaths/min (a safe pace to "
        "breathe a whole session at), e.g. pace 6";
    write("jobs.jsonl",
          "{\"session\": \"breath.yaml\", \"output\": \"a.wav\", \"pace\": 8}\n"
          "{\"session\": \"breath.yaml\", \"output\": \"b.wav\", \"pace\": 30}\n");
    const auto json =
        run("render-batch " + (dir_ / "jobs.jsonl").string() + " --out " + (dir_ / "out").string());
    const std::string m = (dir_ / "jobs.jsonl").string();
    EXPECT_EQ(json.exitCode, 1);
    EXPECT_EQ(json.err, m + ":2:47: error: " + field + "\nstillpoint render-batch: 1 problem in " +
                            m + "; nothing was rendered\n");
    write("jobs.csv", "session,output,pace\nbreath.yaml,a.wav,8\nbreath.yaml,b.wav,slow\n");
    const auto csv =
        run("render-batch " + (dir_ / "jobs.csv").string() + " --out " + (dir_ / "out").string());
    const std::string c = (dir_ / "jobs.csv").string();
    EXPECT_EQ(csv.exitCode, 1);
    EXPECT_EQ(csv.err, c + ":3:19: error: " + field + "\nstillpoint render-batch: 1 problem in " +
                           c + "; nothing was rendered\n");
    EXPECT_FALSE(fs::exists(dir_ / "out"));
}

}  // namespace
