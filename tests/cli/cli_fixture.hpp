// The fixture the CLI suites share: runs the built `stillpoint` in a
// scratch directory and captures its exit code, stdout and stderr.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

/// A short session with a bed, a bell, a spoken line and a breath: what the
/// suites render when the session itself is not under test.
inline constexpr const char* kShortSession = R"(title: short
defaults: {bed: brown}
sections:
  - name: only
    steps:
      - bell: {kind: chime, ring: 2s}
      - say: Hello there.
      - breathe: {pattern: coherent, cycles: 1}
)";

struct CommandResult {
    int exitCode = -1;
    std::string out, err;
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class Cli : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("stillpoint-cli-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    CommandResult run(const std::string& args) { return runWithEnvironment("", args); }
    /// `environment`: shell assignments for this run, e.g. "STILLPOINT_ESPEAK=off".
    CommandResult runWithEnvironment(const std::string& environment, const std::string& args) {
        const auto out = dir_ / "stdout", err = dir_ / "stderr";
        const std::string command = environment + " " + std::string(STILLPOINT_CLI_PATH) + " " +
                                    args + " >" + out.string() + " 2>" + err.string();
        const int status = std::system(command.c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    }
    fs::path write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name) << text;
        return dir_ / name;
    }

    fs::path dir_;
    const std::string assets_ = STILLPOINT_ASSETS_DIR;
};

}  // namespace
