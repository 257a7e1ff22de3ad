// An interrupted render loses nothing: stopped mid-way by Ctrl-C, SIGTERM or
// an uncatchable SIGKILL, it leaves no file under the target's name, and an
// older file there stays intact.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

namespace {

namespace fs = std::filesystem;

// Twenty minutes: long enough to be caught mid-way on any machine.
constexpr const char* kLongSession = R"(title: long
defaults: {bed: pink}
sections:
  - name: only
    steps:
      - breathe: {pattern: coherent, duration: 20m}
)";

class InterruptedRender : public ::testing::TestWithParam<int> {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("stillpoint-interrupt-" + std::to_string(::getpid()) +
                                            "-" + std::to_string(GetParam()));
        fs::create_directories(dir_);
        std::ofstream(dir_ / "long.yaml") << kLongSession;
    }
    void TearDown() override { fs::remove_all(dir_); }

    /// Starts a render to `target`, waits until its temporary holds audio,
    /// then sends the signal. True when it was caught mid-way.
    bool renderAndInterrupt(const fs::path& target) {
        const pid_t child = ::fork();
        if (child == 0) {
            const std::string session = (dir_ / "long.yaml").string();
            ::execl(STILLPOINT_CLI_PATH, "stillpoint", "render", session.c_str(), "-o",
                    target.c_str(), "--quiet", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        bool midWay = false;
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(120);
        while (!midWay && std::chrono::steady_clock::now() < end) {
            for (const auto& entry : fs::directory_iterator(dir_))
                midWay = midWay || (entry.path().string().find(".partial-") != std::string::npos &&
                                    entry.file_size() > (1u << 20));
            if (::waitpid(child, nullptr, WNOHANG) == child) return false;  // finished first
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        ::kill(child, GetParam());
        ::waitpid(child, &status_, 0);
        return midWay;
    }

    static std::string slurp(const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }

    /// Ctrl-C and SIGTERM stop the render cleanly: exit 130, temporary removed.
    /// SIGKILL cannot be caught: its temporary stays, beside the target.
    void expectCleanStopUnlessKilled() {
        if (GetParam() == SIGKILL) return;
        EXPECT_TRUE(WIFEXITED(status_) && WEXITSTATUS(status_) == 130) << status_;
        for (const auto& entry : fs::directory_iterator(dir_))
            EXPECT_EQ(entry.path().string().find(".partial-"), std::string::npos) << entry.path();
    }

    fs::path dir_;
    int status_ = 0;
};

TEST_P(InterruptedRender, LeavesNoFileUnderTheTargetName) {
    const auto target = dir_ / "session.wav";
    ASSERT_TRUE(renderAndInterrupt(target));
    EXPECT_FALSE(fs::exists(target));
    expectCleanStopUnlessKilled();
}

TEST_P(InterruptedRender, LeavesAnOlderFileIntact) {
    const auto target = dir_ / "session.wav";
    std::ofstream(target) << "the render from yesterday";
    ASSERT_TRUE(renderAndInterrupt(target));
    EXPECT_EQ(slurp(target), "the render from yesterday");
    expectCleanStopUnlessKilled();
}

INSTANTIATE_TEST_SUITE_P(Signals, InterruptedRender, ::testing::Values(SIGINT, SIGTERM, SIGKILL),
                         [](const auto& signal) {
                             return std::string(sigabbrev_np(signal.param));
                         });

}  // namespace
