// `stillpoint sessions` and sessions by name: the user's folder
// (XDG_DATA_HOME), the system's (XDG_DATA_DIRS) and, run from the build, the
// source tree's assets; render and play take a name, a path always wins, and
// a name that matches nothing lists the nearest ones.
#include <sndfile.h>

#include "cli_fixture.hpp"

namespace {

std::string minuteSession(const std::string& title) {
    return "title: " + title + R"(
defaults: {bed: none}
sections:
  - name: only
    steps:
      - pause: 75s
grounding:
  - pause: 2s
)";
}

class SessionsCli : public Cli {
  protected:
    void SetUp() override {
        Cli::SetUp();
        user_ = dir_ / "home-data" / "stillpoint" / "sessions";
        system_ = dir_ / "system-data" / "stillpoint" / "sessions";
        fs::create_directories(user_);
        fs::create_directories(system_);
        environment_ = "XDG_DATA_HOME=" + (dir_ / "home-data").string() +
                       " XDG_DATA_DIRS=" + (dir_ / "system-data").string();
    }
    void put(const fs::path& folder, const std::string& name, const std::string& text) {
        std::ofstream(folder / name) << text;
    }
    /// The line `sessions` prints for `name`, or empty.
    static std::string lineFor(const std::string& listing, const std::string& name) {
        std::istringstream lines(listing);
        std::string line;
        while (std::getline(lines, line))
            if (line.rfind(name + " ", 0) == 0) return line;
        return "";
    }
    static std::string columns(const std::string& line) {  // spaces squeezed
        std::string out;
        for (const char c : line)
            if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
        return out;
    }

    fs::path user_, system_;
    std::string environment_;
};

TEST_F(SessionsCli, ListsTheUsersTheSystemsAndTheSourceTreesWithLengthAndTitle) {
    put(user_, "my-evening.yaml", minuteSession("My evening"));
    put(system_, "clinic-intake.yaml", minuteSession("Clinic intake"));
    put(user_, "notes.txt", "not a session");
    const auto r = runWithEnvironment(environment_, "sessions");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(columns(lineFor(r.out, "my-evening")), "my-evening 1:15 My evening user");
    EXPECT_EQ(columns(lineFor(r.out, "clinic-intake")), "clinic-intake 1:15 Clinic intake bundled");
    // Run from the build, the source tree's sessions and programs are bundled
    // ones, with the title and total `info` gives.
    for (const std::string& asset : {"sessions/arrive-and-breathe", "programs/box"}) {
        const auto info = run("info " + assets_ + "/" + asset + ".yaml");
        ASSERT_EQ(info.exitCode, 0) << info.err;
        const std::string title = info.out.substr(0, info.out.find('\n'));
        const auto total = info.out.find("\ntotal ") + 7;
        const std::string length = info.out.substr(total, info.out.find(' ', total) - total);
        const std::string name = asset.substr(asset.find('/') + 1);
        EXPECT_EQ(columns(lineFor(r.out, name)), name + " " + length + " " + title + " bundled");
    }
    EXPECT_EQ(lineFor(r.out, "notes"), "");
    // Sorted by name, and the last line says where the user's own go.
    EXPECT_LT(r.out.find("arrive-and-breathe "), r.out.find("\nbox "));
    EXPECT_NE(r.out.find("\n(your own sessions: " + user_.string() + ")\n"), std::string::npos)
        << r.out;
}

TEST_F(SessionsCli, TheUsersSessionShadowsABundledOneAndABrokenOneSaysSo) {
    put(user_, "box.yaml", minuteSession("My own box"));
    put(system_, "box.yaml", minuteSession("The clinic's box"));
    put(user_, "broken.yaml", "title: [unclosed\n");
    const auto r = runWithEnvironment(environment_, "sessions");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(columns(lineFor(r.out, "box")), "box 1:15 My own box user");
    EXPECT_EQ(r.out.find("The clinic's box"), std::string::npos);
    EXPECT_EQ(r.out.find("Box breathing"), std::string::npos);
    EXPECT_EQ(columns(lineFor(r.out, "broken")), "broken - (has errors: stillpoint check " +
                                                     (user_ / "broken.yaml").string() + ") user");
}

TEST_F(SessionsCli, RenderTakesANameAndAPathAlwaysWins) {
    put(user_, "my-evening.yaml", minuteSession("My evening"));
    const auto out = dir_ / "evening.wav";
    auto r = runWithEnvironment(environment_, "render my-evening -o " + out.string() + " --quiet");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    SF_INFO info{};
    SNDFILE* file = sf_open(out.c_str(), SFM_READ, &info);
    ASSERT_NE(file, nullptr);
    sf_close(file);
    // 75 s, then the fade-out tail.
    EXPECT_GE(info.frames, 48000 * 75);
    EXPECT_LT(info.frames, 48000 * 82);

    // A file called "box" in the working folder is that file, not the bundled box.
    put(dir_, "box", minuteSession("A file named box"));
    r = runWithEnvironment("cd " + dir_.string() + " && " + environment_, "info box");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("A file named box\n", 0), 0u) << r.out;
    const auto boxWav = dir_ / "box.wav";
    r = runWithEnvironment("cd " + dir_.string() + " && " + environment_,
                           "render box -o " + boxWav.string() + " --quiet");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    file = sf_open(boxWav.c_str(), SFM_READ, &info);
    ASSERT_NE(file, nullptr);
    sf_close(file);
    EXPECT_LT(info.frames, 48000 * 82) << "the 75 s file, not the 6-minute bundled box";
}

TEST_F(SessionsCli, ANameThatMatchesNothingListsTheNearestOnes) {
    put(user_, "my-evening.yaml", minuteSession("My evening"));
    const auto out = dir_ / "x.wav";
    auto r = runWithEnvironment(environment_, "render body-scan -o " + out.string());
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err,
              "stillpoint render: body-scan: no such file, and no session of that name; the "
              "nearest: body-scan-10, body-scan-20, body-scan-45\n`stillpoint sessions` lists them "
              "all\n");
    r = runWithEnvironment(environment_, "play my-evenin --device 0");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err.rfind("stillpoint play: my-evenin: no such file, and no session of that name; "
                          "the nearest: my-evening, ",
                          0),
              0u)
        << r.err;
    EXPECT_FALSE(fs::exists(out));
}

}  // namespace
