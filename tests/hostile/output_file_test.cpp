// The output check every written file passes (stillpoint/output_file.hpp):
// an output that is an input, a pipe, a device, a folder or a write-protected
// file is refused and left exactly as it was; a replaced file keeps its mode
// and owner; a new one gets the usual mode.
#include "stillpoint/output_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "io/atomic_file.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

class OutputFile : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("stillpoint-output-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(dir_ / name, std::ios::binary) << text;
        return path(name);
    }
    static std::string slurp(const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }
    static unsigned modeOf(const std::string& file) {
        struct stat info {};
        EXPECT_EQ(::stat(file.c_str(), &info), 0) << file;
        return info.st_mode & 07777;
    }
    /// Only the target and nothing else: no temporary left behind.
    std::size_t entries() const {
        return static_cast<std::size_t>(
            std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
    }

    fs::path dir_;
};

TEST_F(OutputFile, ANewOrOrdinaryFileMayBeWritten) {
    const auto fresh = checkOutputFile(path("new.wav"), {write("session.yaml", "title: x\n")});
    EXPECT_TRUE(fresh.ok()) << fresh.problem;
    EXPECT_EQ(fresh.path, path("new.wav"));
    const auto existing = checkOutputFile(write("old.wav", "RIFF"), {path("session.yaml")});
    EXPECT_TRUE(existing.ok()) << existing.problem;
}

TEST_F(OutputFile, AnInputUnderAnyOtherNameIsRefused) {
    const std::string session = write("session.wav", "title: x\n");
    fs::create_directories(dir_ / "sub");
    fs::create_hard_link(session, dir_ / "hard.wav");
    fs::create_symlink(session, dir_ / "soft.wav");
    for (const std::string& output :
         {session, path("sub/../session.wav"), path("hard.wav"), path("soft.wav")}) {
        const auto check = checkOutputFile(output, {path("sub/../session.wav")});
        EXPECT_EQ(check.problem, output + ": is the same file as the input " +
                                     path("sub/../session.wav") +
                                     ", which would be overwritten; name a different output file");
    }
}

TEST_F(OutputFile, AFileInsideAFolderThatIsReadIsRefused) {
    fs::create_directories(dir_ / "pack");
    const std::string clip = write("pack/hello.wav", "RIFF");
    EXPECT_EQ(checkOutputFile(clip, {path("pack")}).problem,
              clip + ": is inside " + path("pack") +
                  ", a folder this command reads; write the output somewhere else");
    EXPECT_TRUE(checkOutputFile(path("pack/new.wav"), {path("pack")}).ok());
    EXPECT_TRUE(checkOutputFile(write("packed.wav", "x"), {path("pack")}).ok());  // a prefix only
}

TEST_F(OutputFile, APipeADeviceOrAFolderIsNeverReplaced) {
    ASSERT_EQ(::mkfifo(path("pipe.wav").c_str(), 0644), 0);
    fs::create_directories(dir_ / "folder.wav");
    const std::string tail =
        ", not a regular file; stillpoint writes only regular files, so name a new or existing "
        "regular file";
    EXPECT_EQ(checkOutputFile(path("pipe.wav")).problem,
              path("pipe.wav") + ": is a named pipe (FIFO)" + tail);
    EXPECT_EQ(checkOutputFile(path("folder.wav")).problem,
              path("folder.wav") + ": is a folder" + tail);
    EXPECT_EQ(checkOutputFile("/dev/null").problem, "/dev/null: is a character device" + tail);

    std::string error;
    EXPECT_FALSE(writeFileAtomically(path("pipe.wav"), "text", error));
    EXPECT_EQ(error, path("pipe.wav") + ": is a named pipe (FIFO)" + tail);
    EXPECT_TRUE(fs::is_fifo(path("pipe.wav")));
    EXPECT_EQ(entries(), 2u);
}

TEST_F(OutputFile, AStreamedLogMayGoIntoAPipeButNotAFolder) {
    ASSERT_EQ(::mkfifo(path("events").c_str(), 0644), 0);
    fs::create_directories(dir_ / "folder");
    EXPECT_TRUE(checkOutputFile(path("events"), {}, OutputWrite::Stream).ok());
    EXPECT_TRUE(checkOutputFile("/dev/null", {}, OutputWrite::Stream).ok());
    EXPECT_FALSE(checkOutputFile(path("folder"), {}, OutputWrite::Stream).ok());
    const std::string session = write("session.yaml", "title: x\n");
    EXPECT_FALSE(checkOutputFile(session, {session}, OutputWrite::Stream).ok());
}

TEST_F(OutputFile, AWriteProtectedFileIsRefusedAndKept) {
    // Root may write anything: the owner's write bit is what protects it.
    const std::string target = write("keep.wav", "precious");
    fs::permissions(target, fs::perms::owner_read | fs::perms::group_read);
    std::string error;
    EXPECT_FALSE(writeFileAtomically(target, "new", error));
    EXPECT_EQ(error, target +
                         ": is write-protected (mode 0440); make it writable with 'chmod u+w " +
                         target + "' if it may be replaced, or name another file");
    EXPECT_EQ(slurp(target), "precious");
    EXPECT_EQ(modeOf(target), 0440u);
    EXPECT_EQ(entries(), 1u);
}

TEST_F(OutputFile, ALinkToAMissingFileIsRefused) {
    fs::create_symlink(dir_ / "nowhere.wav", dir_ / "link.wav");
    EXPECT_EQ(checkOutputFile(path("link.wav")).problem,
              path("link.wav") +
                  ": is a symbolic link to a file that does not exist; name the file itself, or "
                  "remove the link");
}

TEST_F(OutputFile, ALinkKeepsLinkingToTheReplacedFile) {
    const std::string real = write("real.txt", "old");
    fs::create_symlink(real, dir_ / "link.txt");
    std::string error;
    ASSERT_TRUE(writeFileAtomically(path("link.txt"), "new", error)) << error;
    EXPECT_TRUE(fs::is_symlink(path("link.txt")));
    EXPECT_EQ(slurp(real), "new");
}

TEST_F(OutputFile, AReplacedFileKeepsItsModeANewOneGetsTheUmasks) {
    const std::string secret = write("secret.txt", "old");
    fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write);
    std::string error;
    ASSERT_TRUE(writeFileAtomically(secret, "new", error)) << error;
    EXPECT_EQ(slurp(secret), "new");
    EXPECT_EQ(modeOf(secret), 0600u);

    const mode_t previous = ::umask(027);
    const bool written = writeFileAtomically(path("fresh.txt"), "x", error);
    ::umask(previous);
    ASSERT_TRUE(written) << error;
    EXPECT_EQ(modeOf(path("fresh.txt")), 0640u);
}

TEST_F(OutputFile, AReplacedFileKeepsItsOwnerWhereTheSystemAllows) {
    if (::geteuid() != 0) GTEST_SKIP() << "only root may give a file to another owner";
    const std::string target = write("theirs.txt", "old");
    ASSERT_EQ(::chown(target.c_str(), 4321, 4321), 0);
    std::string error;
    ASSERT_TRUE(writeFileAtomically(target, "new", error)) << error;
    struct stat info {};
    ASSERT_EQ(::stat(target.c_str(), &info), 0);
    EXPECT_EQ(info.st_uid, 4321u);
    EXPECT_EQ(info.st_gid, 4321u);
}

TEST_F(OutputFile, ATargetThatBecomesAPipeWhileWritingIsNotReplaced) {
    const std::string target = path("late.txt");
    const std::string temporary = temporaryPathBeside(target);
    const int fd = createTemporary(temporary);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::write(fd, "abc", 3), 3);
    ::close(fd);
    ASSERT_EQ(::mkfifo(target.c_str(), 0600), 0);
    std::string error;
    EXPECT_FALSE(commitTemporary(temporary, target, error));
    EXPECT_EQ(error.rfind(target + ": is a named pipe (FIFO), not a regular file", 0), 0u) << error;
    EXPECT_TRUE(fs::is_fifo(target));
    EXPECT_FALSE(fs::exists(temporary));
}

}  // namespace
}  // namespace stillpoint
