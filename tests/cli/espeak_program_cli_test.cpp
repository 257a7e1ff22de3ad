// espeak-ng voices through the stillpoint-espeak program: on only when the
// user's environment says so (STILLPOINT_ESPEAK), every way of it being
// unavailable names the fix, and the program speaks its documented protocol
// (docs/espeak-helper.md).
#include <sys/stat.h>

#include "cli_fixture.hpp"

namespace {

constexpr const char* kGermanSession = R"(title: Deutsch
language: de
defaults: {bed: none}
sections:
  - name: only
    steps:
      - say: Hallo.
grounding:
  - pause: 2s
)";

class EspeakProgramCli : public Cli {
  protected:
    /// What `captions` says about the German session in this environment.
    std::string germanError(const std::string& environment) {
        const auto file = write("de.yaml", kGermanSession);
        const auto result = runWithEnvironment(
            environment, "captions " + file.string() + " -o " + (dir_ / "de.vtt").string());
        EXPECT_EQ(result.exitCode, 1) << result.err;
        const std::string prefix = file.string() +
                                   ":2:11: error: language: de is spoken by espeak-ng (flite "
                                   "speaks only English), and espeak voices are not available; ";
        EXPECT_EQ(result.err.rfind(prefix, 0), 0u) << result.err;
        const auto end = result.err.find('\n');
        return result.err.size() > prefix.size()
                   ? result.err.substr(prefix.size(), end - prefix.size())
                   : "";
    }
    fs::path script(const std::string& name, const std::string& body) {
        const auto path = write(name, "#!/bin/sh\n" + body);
        ::chmod(path.c_str(), 0755);
        return path;
    }
};

TEST_F(EspeakProgramCli, OffByDefaultAndTheVoicesListSaysHowToTurnItOn) {
    const auto result = runWithEnvironment("env -u STILLPOINT_ESPEAK", "voices");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.find("espeak:"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("\n(espeak voices: espeak voices are off; turn them on with "
                              "STILLPOINT_ESPEAK=on in your environment (it runs "
                              "stillpoint-espeak, installed beside the stillpoint command))\n"),
              std::string::npos)
        << result.out;
}

TEST_F(EspeakProgramCli, EachWayOfBeingUnavailableNamesTheFix) {
    EXPECT_EQ(germanError("STILLPOINT_ESPEAK=0"),
              "espeak voices are off; turn them on with STILLPOINT_ESPEAK=on in your environment "
              "(it runs stillpoint-espeak, installed beside the stillpoint command)");
    EXPECT_EQ(germanError("STILLPOINT_ESPEAK=/nowhere/stillpoint-espeak"),
              "STILLPOINT_ESPEAK names /nowhere/stillpoint-espeak, which is not an executable "
              "file; set it to the path of stillpoint-espeak, or on");
    EXPECT_EQ(germanError("STILLPOINT_ESPEAK=sometimes"),
              "STILLPOINT_ESPEAK is 'sometimes'; set it to on, off or the path of "
              "stillpoint-espeak");
    const auto broken = script("broken-espeak",
                               "echo 'stillpoint-espeak: espeak-ng could not load its data; "
                               "install espeak-ng-data' >&2\nexit 5\n");
    EXPECT_EQ(germanError("STILLPOINT_ESPEAK=" + broken.string()),
              broken.string() +
                  " could not list its voices (install espeak-ng-data): stillpoint-espeak: "
                  "espeak-ng could not load its data; install espeak-ng-data");
}

TEST_F(EspeakProgramCli, OnLooksBesideTheCommandThenOnPath) {
    // A copy of the command in a folder of its own, with a PATH that lacks the program.
    const auto lonely = dir_ / "bin";
    fs::create_directories(lonely);
    fs::copy_file(STILLPOINT_CLI_PATH, lonely / "stillpoint");
    const auto session = write("de.yaml", kGermanSession);
    const std::string args = "check " + session.string();
    const auto missing = std::string("cd ") + dir_.string() +
                         " && STILLPOINT_ESPEAK=on PATH=/usr/bin:/bin " +
                         (lonely / "stillpoint").string();
    const auto out = dir_ / "out";
    std::system((missing + " " + args + " >" + out.string() + " 2>&1").c_str());
    EXPECT_NE(slurp(out).find("STILLPOINT_ESPEAK is on but stillpoint-espeak is neither beside "
                              "this program nor on PATH; install it (built with "
                              "-DSTILLPOINT_WITH_ESPEAK=ON, libespeak-ng-dev) or set "
                              "STILLPOINT_ESPEAK to its path"),
              std::string::npos)
        << slurp(out);
    if (*STILLPOINT_ESPEAK_PROGRAM == '\0') GTEST_SKIP() << "this build has no stillpoint-espeak";
    // On PATH: a folder holding only the program.
    const auto onPath = dir_ / "path";
    fs::create_directories(onPath);
    fs::create_symlink(STILLPOINT_ESPEAK_PROGRAM, onPath / "stillpoint-espeak");
    const auto found = runWithEnvironment(
        "STILLPOINT_ESPEAK=on PATH=" + onPath.string() + ":/usr/bin:/bin", "voices");
    EXPECT_NE(found.out.find("\nespeak:de "), std::string::npos) << found.out << found.err;
    // Beside the built command (the install puts them together too).
    const auto beside = runWithEnvironment("STILLPOINT_ESPEAK=on PATH=/usr/bin:/bin", "voices");
    EXPECT_NE(beside.out.find("\nespeak:de "), std::string::npos) << beside.out << beside.err;
}

TEST_F(EspeakProgramCli, TheProgramSpeaksItsProtocol) {
    if (*STILLPOINT_ESPEAK_PROGRAM == '\0') GTEST_SKIP() << "this build has no stillpoint-espeak";
    const auto out = dir_ / "said", err = dir_ / "err";
    auto call = [&](const std::string& args) {
        const int status = std::system((std::string(STILLPOINT_ESPEAK_PROGRAM) + " " + args + " >" +
                                        out.string() + " 2>" + err.string())
                                           .c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    };
    ASSERT_EQ(call("voices"), 0) << slurp(err);
    EXPECT_NE(slurp(out).find("\nen-gb\tgmw/en\tEnglish (Great Britain)\n"), std::string::npos);

    ASSERT_EQ(call("say gmw/en-US 1 0 'Breathe in.'"), 0) << slurp(err);
    const std::string said = slurp(out);
    const auto newline = said.find('\n');
    ASSERT_NE(newline, std::string::npos);
    std::istringstream header(said.substr(0, newline));
    std::string name;
    int version = 0, rate = 0;
    std::size_t count = 0;
    header >> name >> version >> rate >> count;
    EXPECT_EQ(name, "stillpoint-espeak");
    EXPECT_EQ(version, 1);
    EXPECT_EQ(rate, 22050);
    EXPECT_GT(count, 22050u / 4) << "'Breathe in.' lasts more than a quarter second";
    EXPECT_LT(count, 22050u * 3);
    EXPECT_EQ(said.size() - newline - 1, count * 2);

    EXPECT_EQ(call("say no/such-voice 1 0 Hello"), 3);
    EXPECT_EQ(slurp(err), "stillpoint-espeak: unknown voice 'no/such-voice'\n");
    EXPECT_EQ(call("say gmw/en-US fast 0 Hello"), 2);
    EXPECT_EQ(slurp(err), "stillpoint-espeak: rate and pitch must be numbers\n");
    EXPECT_EQ(call("speak"), 2);
}

}  // namespace
