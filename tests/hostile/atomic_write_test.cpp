// Nothing lost: a write killed at any moment leaves the old file or the
// complete new one under the target's name, never a part of one; a write
// that fails midway leaves the old file and no temporary. Pieces are written
// in order; a program's own entry (the narration cache's) replaces whatever
// stands under its name, never writing through a link, and keeps a replaced
// entry's mode.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
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
    static void put(const std::string& file, const std::string& text) {
        std::ofstream(file, std::ios::binary) << text;
    }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), {}));
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

// A child may write no file past 4 KiB, as a full disk would refuse it: its
// write fails after the temporary holds a part, and the old file stays whole.
TEST_F(AtomicWrite, AWriteThatFailsMidwayLeavesTheOldFileAndNoTemporary) {
    const std::string target = path("profile.json");
    put(target, "old and whole");
    const pid_t child = ::fork();
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG instead
        const rlimit limit{4096, 4096};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        std::string error;
        const bool written = writeFileAtomically(target, std::string(100000, 'x'), error);
        const bool named = error.rfind(target + ": write failed: File too large", 0) == 0;
        ::_exit(!written && named ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "the write succeeded, or its error did not say why";
    EXPECT_EQ(slurp(target), "old and whole");
    EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicWrite, PiecesAreWrittenInOrderAndAReplacedEntryKeepsItsMode) {
    const std::string target = path("line.clip");
    put(target, "old");
    ::chmod(target.c_str(), 0600);
    const std::string_view pieces[] = {"head|", "", "key|", "samples"};
    std::string error;
    ASSERT_TRUE(
        writeFileAtomically(target, pieces, error, {AtomicTarget::OwnEntry, Durability::Renamed}))
        << error;
    EXPECT_EQ(slurp(target), "head|key|samples");
    struct stat info {};
    ASSERT_EQ(::stat(target.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, 0600u);
    EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicWrite, AnOwnEntryReplacesALinkOrAFifoAndNeverWritesThroughIt) {
    const std::string outside = path("outside.txt");
    put(outside, "not the cache's");
    const std::string linked = path("a.clip");
    fs::create_symlink(outside, linked);
    const std::string fifo = path("b.clip");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const std::string_view pieces[] = {"entry"};
    std::string error;
    for (const std::string& target : {linked, fifo}) {
        ASSERT_TRUE(writeFileAtomically(target, pieces, error,
                                        {AtomicTarget::OwnEntry, Durability::Renamed}))
            << error;
        EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(target))) << target;
        EXPECT_EQ(slurp(target), "entry");
    }
    EXPECT_EQ(slurp(outside), "not the cache's");
    // A file the user named is never a FIFO.
    ASSERT_EQ(::mkfifo(path("d.fifo").c_str(), 0600), 0);
    EXPECT_FALSE(writeFileAtomically(path("d.fifo"), pieces, error, {}));
    EXPECT_TRUE(fs::is_fifo(path("d.fifo")));
}

}  // namespace
}  // namespace stillpoint
