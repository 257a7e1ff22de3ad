// Hostile session files at the command line: a small file that asks for days
// of rest is refused by every command before anything is prepared, and text
// with terminal escape sequences never reaches the terminal raw.
#include <chrono>

#include "cli_fixture.hpp"
#include "live/status_line.hpp"

namespace {

/// `times` copies of `step` under one section.
std::string sessionOf(const std::string& step, int times) {
    std::string text = "title: Hostile\nsections:\n  - name: One\n    steps:\n";
    for (int i = 0; i < times; ++i) text += step;
    return text;
}

bool hasRawEscape(const std::string& text) {
    return text.find('\x1b') != std::string::npos || text.find("\xc2\x9b") != std::string::npos;
}

class HostileSession : public Cli {
  protected:
    /// `stillpoint ARGS` with a deadline (a command preparing days of silence
    /// would hang), and how long it took.
    CommandResult runWithDeadline(const std::string& args) {
        const auto out = dir_ / "stdout", err = dir_ / "stderr";
        const std::string command = "timeout 30 " + std::string(STILLPOINT_CLI_PATH) + " " + args +
                                    " </dev/null >" + out.string() + " 2>" + err.string();
        const auto start = std::chrono::steady_clock::now();
        const int status = std::system(command.c_str());
        seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    }
    double seconds_ = 0.0;
};

TEST_F(HostileSession, TenThousandDayLongPausesAreRefusedByEveryCommandAtOnce) {
    // 10,000 pauses of a day through one alias: 50 kB asking for 27 years.
    std::string text = "title: Flood\nsections:\n  - name: One\n    steps: [&day {pause: 24h}";
    for (int i = 1; i < 10000; ++i) text += ",*day";
    const auto path = write("flood.yaml", text + "]\n").string();
    const std::string where = path + ":4:26: error: pause 24h is longer than the 1h allowed";
    for (const std::string& command :
         {"check " + path, "info " + path, "render " + path + " -o " + (dir_ / "x.wav").string(),
          "captions " + path + " -o " + (dir_ / "x.vtt").string(), "play " + path}) {
        const auto r = runWithDeadline(command);
        EXPECT_EQ(r.exitCode, 1) << command << "\n" << r.err;
        EXPECT_EQ(r.err.rfind(where, 0), 0u) << command << "\n" << r.err.substr(0, 300);
        EXPECT_LT(seconds_, 10.0) << command;
    }
    EXPECT_FALSE(fs::exists(dir_ / "x.wav"));
    EXPECT_FALSE(fs::exists(dir_ / "x.vtt"));
}

TEST_F(HostileSession, HoursOfAllowedPausesAreRefusedAtTheStepThatPassesTwelveHours) {
    const auto path = write("long.yaml", sessionOf("      - pause: 1h\n", 10000)).string();
    const auto r = run("check " + path);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err, path +
                         ":17:9: error: the session runs 13h by the end of this step, longer "
                         "than the 12h allowed; keep a session to at most 12h (shorten steps, "
                         "or split it into several sessions)\n");
}

TEST_F(HostileSession, PauseMarkupOfADayIsRefusedWhereItIsWritten) {
    const auto path =
        write("markup.yaml", sessionOf("      - say: Rest now [pause 24h] and return.\n", 1));
    const auto r = run("render " + path.string() + " -o " + (dir_ / "x.wav").string());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err.rfind(path.string() + ":5:23: error: '[pause 24h]' is longer than the 1m", 0),
              0u)
        << r.err;
}

TEST_F(HostileSession, EscapeSequencesInTheFileAreNamedAndNeverEchoedRaw) {
    // OSC 0 (window title), OSC 52 (clipboard) and OSC 8 (hyperlink), raw.
    const auto path =
        write("escape.yaml",
              "title: \x1b]0;owned\x07 Calm\nsections:\n  - name: One\n    steps:\n"
              "      - say: \x1b]52;c;cm0gLXJmIH4=\x07 and \x1b]8;;http://x/\x1b\\link\n");
    const auto r = run("check " + path.string());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_FALSE(hasRawEscape(r.err)) << r.err;
    EXPECT_NE(r.err.find(path.string() + ":1:8: error: control character U+001B ESC"),
              std::string::npos)
        << r.err;
}

TEST_F(HostileSession, APathWithEscapesIsShownVisibly) {
    const auto r = run("check '" + (dir_ / "a\x1b[2Jb\xc2\x9b.yaml").string() + "'");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_FALSE(hasRawEscape(r.err)) << r.err;
    EXPECT_NE(r.err.find("a\\x1B[2Jb\\u009B.yaml: error: cannot open the file"), std::string::npos)
        << r.err;
}

TEST(StatusLineText, ASectionNameIsShownNotSent) {
    stillpoint::cli::live::StatusView view;
    view.section = "Rest\x1b]0;owned\x07";
    const std::string line = stillpoint::cli::live::formatStatus(view);
    EXPECT_FALSE(hasRawEscape(line)) << line;
    EXPECT_EQ(line.rfind("Rest\\x1B]0;owned\\x07 | ", 0), 0u) << line;
}

}  // namespace
