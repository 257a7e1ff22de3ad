// Nothing lost: a write killed at any moment leaves the old file or the
// complete new one under the target's name, never a part of one.
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

#include "io/atomic_file.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

class AtomicWrite : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("stillpoint-atomic-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    static std::string slurp(const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }
    fs::path dir_;
};

TEST_F(AtomicWrite, ReplacesTheTargetAndLeavesNoTemporary) {
    const auto target = (dir_ / "profile.txt").string();
    std::string error;
    ASSERT_TRUE(writeFileAtomically(target, "first", error)) << error;
    ASSERT_TRUE(writeFileAtomically(target, "second", error)) << error;
    EXPECT_EQ(slurp(target), "second");
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir_)) files += entry.is_regular_file();
    EXPECT_EQ(files, 1);
}

TEST_F(AtomicWrite, AFolderThatIsMissingIsAnErrorNamingTheTarget) {
    const auto target = (dir_ / "missing" / "cache.bin").string();
    std::string error;
    EXPECT_FALSE(writeFileAtomically(target, "x", error));
    EXPECT_EQ(error.rfind(target + ": cannot create the file: No such file or directory", 0), 0u)
        << error;
}

// A child rewrites an 8 MB file over and over, each version one repeated
// letter; it is killed at a different moment each round. The target must
// always hold one whole version.
TEST_F(AtomicWrite, AWriteKilledMidwayLeavesAWholeVersion) {
    const auto target = (dir_ / "cache.bin").string();
    constexpr std::size_t kSize = 8u << 20;
    std::string error;
    ASSERT_TRUE(writeFileAtomically(target, std::string(kSize, 'a'), error)) << error;
    for (int round = 0; round < 8; ++round) {
        const pid_t child = ::fork();
        if (child == 0) {
            for (char letter = 'b';; letter = letter == 'z' ? 'b' : static_cast<char>(letter + 1)) {
                std::string ignored;
                writeFileAtomically(target, std::string(kSize, letter), ignored);
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(15 + 23 * round));
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        const std::string content = slurp(target);
        ASSERT_EQ(content.size(), kSize) << "round " << round;
        EXPECT_EQ(content.find_first_not_of(content.front()), std::string::npos)
            << "round " << round;
    }
    // Temporaries of killed writers are left beside the target, never under its name.
    for (const auto& entry : fs::directory_iterator(dir_)) {
        if (entry.path() != target) {
            EXPECT_NE(entry.path().string().find("cache.bin.partial-"), std::string::npos);
        }
    }
}

}  // namespace
}  // namespace stillpoint
