// Paths a voice pack (or any folder of files) names must stay in that folder.
#include "stillpoint/contained_path.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

class ContainedPathTest : public ::testing::Test {
  protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("stillpoint-pack-" + std::to_string(::getpid()));
        pack_ = root_ / "pack";
        fs::create_directories(pack_ / "clips");
        std::ofstream(pack_ / "clips" / "intro.wav") << "x";
        std::ofstream(root_ / "secret.txt") << "x";
    }
    void TearDown() override { fs::remove_all(root_); }
    fs::path root_, pack_;
};

TEST_F(ContainedPathTest, PathsInsideAreResolved) {
    EXPECT_EQ(*resolveInsideFolder(pack_, "clips/intro.wav").path, pack_ / "clips" / "intro.wav");
    EXPECT_EQ(*resolveInsideFolder(pack_, "clips/../clips/./intro.wav").path,
              pack_ / "clips" / "intro.wav");
    EXPECT_EQ(*resolveInsideFolder(pack_, "clips/not-yet.wav").path,
              pack_ / "clips" / "not-yet.wav");
}

TEST_F(ContainedPathTest, EscapesAreRefusedWithTheFolderAndTheFix) {
    const std::string fix = "; name a file inside " + pack_.string() +
                            " with a path relative to it, like clips/intro.wav";
    EXPECT_EQ(resolveInsideFolder(pack_, "../secret.txt").error,
              "'../secret.txt' leads outside the folder" + fix);
    EXPECT_EQ(resolveInsideFolder(pack_, "clips/../../secret.txt").error,
              "'clips/../../secret.txt' leads outside the folder" + fix);
    EXPECT_EQ(resolveInsideFolder(pack_, "/etc/passwd").error,
              "'/etc/passwd' is an absolute path" + fix);
    EXPECT_EQ(resolveInsideFolder(pack_, "").error, "'' is empty" + fix);
    EXPECT_FALSE(resolveInsideFolder(pack_, std::string("clips/a\0b.wav", 13)).path);
    // A sibling whose name starts like the folder's is still outside.
    fs::create_directories(root_ / "pack-other");
    EXPECT_FALSE(resolveInsideFolder(pack_, "../pack-other/x.wav").path);
}

TEST_F(ContainedPathTest, LinksLeadingOutAreRefused) {
    fs::create_symlink(root_ / "secret.txt", pack_ / "clips" / "looks-fine.wav");
    fs::create_directory_symlink(root_, pack_ / "up");
    EXPECT_EQ(resolveInsideFolder(pack_, "clips/looks-fine.wav")
                  .error.rfind("'clips/looks-fine.wav' leads outside the folder through a link", 0),
              0u);
    EXPECT_FALSE(resolveInsideFolder(pack_, "up/secret.txt").path);
    // A link that stays inside is fine.
    fs::create_symlink(pack_ / "clips" / "intro.wav", pack_ / "alias.wav");
    EXPECT_TRUE(resolveInsideFolder(pack_, "alias.wav").path);
}

}  // namespace
}  // namespace stillpoint
