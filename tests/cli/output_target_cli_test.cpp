// What `stillpoint` refuses to write, end to end: an output that is one of
// its inputs (under any name), a named pipe, a folder, a write-protected
// file. Each refusal exits 3 with the reason before any work, and the file
// it names is left byte for byte and mode for mode as it was. A file it may
// replace keeps its mode; a new one gets the umask's.
#include <sys/stat.h>

#include "cli_fixture.hpp"

namespace {

const char* kTinySession = R"(title: tiny
sections:
  - name: only
    steps:
      - bell: {kind: chime, ring: 1s}
)";

unsigned modeOf(const fs::path& file) {
    struct stat info {};
    EXPECT_EQ(::lstat(file.c_str(), &info), 0) << file;
    return info.st_mode & 07777;
}

std::string sameFile(const std::string& command, const fs::path& output, const fs::path& input) {
    return "stillpoint " + command + ": " + output.string() + ": is the same file as the input " +
           input.string() + ", which would be overwritten; name a different output file\n";
}

std::string notRegular(const std::string& command, const fs::path& output,
                       const std::string& kind) {
    return "stillpoint " + command + ": " + output.string() + ": is " + kind +
           ", not a regular file; stillpoint writes only regular files, so name a new or existing "
           "regular file\n";
}

using OutputTargets = Cli;

TEST_F(OutputTargets, RenderOntoItsOwnSessionIsRefused) {
    // A session may have any name, .wav included.
    const auto session = write("session.wav", kTinySession);
    fs::permissions(session, fs::perms::owner_read | fs::perms::owner_write);
    fs::create_directories(dir_ / "sub");
    fs::create_hard_link(session, dir_ / "hard.wav");
    fs::create_symlink(session, dir_ / "soft.wav");
    for (const fs::path& output :
         {session, dir_ / "sub/../session.wav", dir_ / "hard.wav", dir_ / "soft.wav"}) {
        const auto r = run("render " + session.string() + " -o " + output.string() + " -q");
        EXPECT_EQ(r.exitCode, 3) << output;
        EXPECT_EQ(r.err, sameFile("render", output, session));
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(slurp(session), kTinySession);
        EXPECT_EQ(modeOf(session), 0600u);
    }
}

TEST_F(OutputTargets, CaptionsOntoTheirOwnSessionAreRefused) {
    const auto session = write("lines.vtt", kTinySession);
    auto r = run("captions " + session.string() + " -o " + session.string() + " -q");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, sameFile("captions", session, session));
    EXPECT_EQ(slurp(session), kTinySession);

    // render --captions vtt writes OUT.vtt beside OUT.wav: here, the session.
    r = run("render " + session.string() + " -o " + (dir_ / "lines.wav").string() +
            " --captions vtt -q");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, sameFile("render", dir_ / "lines.vtt", session));
    EXPECT_EQ(slurp(session), kTinySession);
    EXPECT_FALSE(fs::exists(dir_ / "lines.wav"));  // refused before the audio too
}

TEST_F(OutputTargets, HapticsAndPlayLogsOntoTheSessionAreRefused) {
    const auto session = write("tiny.ahap", kTinySession);
    auto r = run("haptics " + session.string() + " --format ahap -o " + session.string());
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, sameFile("haptics", session, session));
    // Refused before any device is opened.
    for (const char* option : {"--events", "--callback-stats"}) {
        r = run("play " + session.string() + " " + option + " " + session.string());
        EXPECT_EQ(r.exitCode, 3) << option;
        EXPECT_EQ(r.err, sameFile("play", session, session)) << option;
    }
    EXPECT_EQ(slurp(session), kTinySession);
}

TEST_F(OutputTargets, ANamedPipeIsRefusedAndStaysAPipe) {
    const auto session = write("tiny.yaml", kTinySession);
    const auto pipe = dir_ / "pipe.wav";
    ASSERT_EQ(::mkfifo(pipe.c_str(), 0640), 0);
    const std::string kind = "a named pipe (FIFO)";
    auto r = run("render " + session.string() + " -o " + pipe.string() + " -q");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, notRegular("render", pipe, kind));
    r = run("captions " + session.string() + " -o " + pipe.string() + ".vtt -q");
    EXPECT_EQ(r.exitCode, 0) << r.err;  // a new file beside it is fine
    fs::rename(dir_ / "pipe.wav.vtt", dir_ / "kept.vtt");
    ASSERT_EQ(::mkfifo((dir_ / "pipe.vtt").c_str(), 0640), 0);
    r = run("captions " + session.string() + " -o " + (dir_ / "pipe.vtt").string() + " -q");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, notRegular("captions", dir_ / "pipe.vtt", kind));
    r = run("haptics " + session.string() + " --format ahap -o " + pipe.string());
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, notRegular("haptics", pipe, kind));
    EXPECT_TRUE(fs::is_fifo(pipe));
    EXPECT_TRUE(fs::is_fifo(dir_ / "pipe.vtt"));
    EXPECT_EQ(modeOf(pipe), 0640u);
}

TEST_F(OutputTargets, AFolderIsRefused) {
    const auto session = write("tiny.yaml", kTinySession);
    fs::create_directories(dir_ / "folder.wav");
    const auto r =
        run("render " + session.string() + " -o " + (dir_ / "folder.wav").string() + " -q");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, notRegular("render", dir_ / "folder.wav", "a folder"));
    EXPECT_TRUE(fs::is_directory(dir_ / "folder.wav"));
}

TEST_F(OutputTargets, AWriteProtectedFileIsRefusedWithTheFix) {
    const auto session = write("tiny.yaml", kTinySession);
    const auto kept = write("kept.wav", "an earlier render");
    fs::permissions(kept, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const auto r = run("render " + session.string() + " -o " + kept.string() + " -q");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, "stillpoint render: " + kept.string() +
                         ": is write-protected (mode 0444); make it writable with 'chmod u+w " +
                         kept.string() + "' if it may be replaced, or name another file\n");
    EXPECT_EQ(slurp(kept), "an earlier render");
    EXPECT_EQ(modeOf(kept), 0444u);
}

TEST_F(OutputTargets, AReplacedRenderKeepsItsModeANewOneGetsTheUmasks) {
    const auto session = write("tiny.yaml", kTinySession);
    const auto mine = write("mine.wav", "an earlier render");
    fs::permissions(mine, fs::perms::owner_read | fs::perms::owner_write);
    auto r = run("render " + session.string() + " -o " + mine.string() + " -q");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(slurp(mine).substr(0, 4), "RIFF");
    EXPECT_EQ(modeOf(mine), 0600u);

    const mode_t previous = ::umask(027);  // the command inherits it
    r = run("render " + session.string() + " -o " + (dir_ / "new.wav").string() + " -q");
    ::umask(previous);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(modeOf(dir_ / "new.wav"), 0640u);
}

}  // namespace
