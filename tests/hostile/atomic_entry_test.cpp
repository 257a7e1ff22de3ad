// The atomic writer's other uses: a write that fails midway leaves the old
// file and no temporary; pieces are written in order; a program's own entry
// (the narration cache's) replaces whatever stands under its name, never
// writing through a link, and keeps a replaced entry's mode.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "io/atomic_file.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

class AtomicEntry : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("stillpoint-entry-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    static std::string slurp(const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }
    static void put(const std::string& file, const std::string& text) {
        std::ofstream(file, std::ios::binary) << text;
    }
    std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), {}));
    }
    fs::path dir_;
};

// A child may write no file past 4 KiB, as a full disk would refuse it: its
// write fails after the temporary holds a part, and the old file stays whole.
TEST_F(AtomicEntry, AWriteThatFailsMidwayLeavesTheOldFileAndNoTemporary) {
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

TEST_F(AtomicEntry, PiecesAreWrittenInOrderAndAReplacedEntryKeepsItsMode) {
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

TEST_F(AtomicEntry, AnOwnEntryReplacesALinkOrAFifoAndNeverWritesThroughIt) {
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
