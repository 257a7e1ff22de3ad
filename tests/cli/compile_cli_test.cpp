// `stillpoint compile FILE -o DIR`: the compiled session's files, read back
// by the engine, and the refusals before any work.
#include <cstdint>
#include <vector>

#include "cli_fixture.hpp"
#include "stillpoint/compiled_session.hpp"

namespace {

class Compile : public Cli {};

TEST_F(Compile, WritesTheProgramAndItsClipsIntoTheFolder) {
    const auto session = write("short.yaml", kShortSession);
    const auto folder = dir_ / "web" / "short";  // made, parents too
    const auto result = run("compile " + session.string() + " --quiet -o " + folder.string());
    ASSERT_EQ(result.exitCode, 0) << result.err;
    // flite speaks at 16 kHz: one FLAC file holds every clip.
    EXPECT_EQ(result.out, (folder / "session.json").string() + "\n" +
                              (folder / "clips-16000.flac").string() + "\n");
    const auto read = stillpoint::readCompiledFolder(folder.string());
    ASSERT_TRUE(read.session) << read.error;
    const auto& program = *read.session->program;
    EXPECT_EQ(program.title, "short");
    ASSERT_EQ(program.flowStepCount(), 3);  // then the built-in grounding section
    ASSERT_TRUE(program.narration);
    ASSERT_EQ(program.narration->steps[1].size(), 1u);
    EXPECT_EQ(program.narration->steps[1][0].caption, "Hello there.");
    EXPECT_EQ(program.narration->steps[1][0].clip.sampleRate, 16000.0);
    EXPECT_GT(program.narration->steps[1][0].clip.samples.size(), 4000u);
    EXPECT_EQ(read.session->sampleRate, 48000.0);
    EXPECT_NE(read.session->masterGainDb, 0.0);  // calibrated at compile time
}

TEST_F(Compile, TheGroundingSectionsLinesAreNarratedToo) {
    // A page plays to a listener, who may ask for grounding (a render never reaches it).
    const auto session = write("short.yaml", kShortSession);
    const auto result =
        run("compile " + session.string() + " --quiet --clips pcm -o " + (dir_ / "out").string());
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto read = stillpoint::readCompiledFolder((dir_ / "out").string());
    ASSERT_TRUE(read.session) << read.error;
    const auto& program = *read.session->program;
    ASSERT_TRUE(program.narration);
    int spoken = 0;
    for (std::size_t i = static_cast<std::size_t>(program.flowStepCount());
         i < program.steps.size(); ++i) {
        const auto& lines = program.steps[i].lines;
        ASSERT_EQ(program.narration->steps[i].size(), lines.size()) << "grounding step " << i;
        for (std::size_t j = 0; j < lines.size(); ++j) {
            EXPECT_EQ(program.narration->steps[i][j].caption, lines[j]);
            EXPECT_GT(program.narration->steps[i][j].clip.samples.size(), 4000u) << lines[j];
            ++spoken;
        }
    }
    EXPECT_GT(spoken, 0) << "the built-in grounding section says nothing";
}

TEST_F(Compile, TheRateAndChannelsAreThoseAsked) {
    const auto session = write("short.yaml", kShortSession);
    const auto result = run("compile " + session.string() +
                            " --quiet --rate 44100 --channels 1 -o " + (dir_ / "out").string());
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto read = stillpoint::readCompiledFolder((dir_ / "out").string());
    ASSERT_TRUE(read.session) << read.error;
    EXPECT_EQ(read.session->sampleRate, 44100.0);
    EXPECT_EQ(read.session->channels, 1);
}

TEST_F(Compile, AFileWhereTheFolderShouldBeIsRefused) {
    const auto session = write("short.yaml", kShortSession);
    const auto file = write("taken", "x");
    const auto result = run("compile " + session.string() + " -o " + file.string());
    EXPECT_EQ(result.exitCode, 3);
    EXPECT_EQ(result.err, "stillpoint compile: " + file.string() +
                              ": is not a folder; name a folder (it is made if missing) for "
                              "session.json and the clips\n");
    EXPECT_EQ(slurp(file), "x");
}

TEST_F(Compile, UsageErrorsSayWhatIsMissing) {
    auto result = run("compile");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.substr(0, result.err.find('\n')),
              "stillpoint compile: name one session file");
    result = run("compile " + write("short.yaml", kShortSession).string());
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.substr(0, result.err.find('\n')),
              "stillpoint compile: name the output folder with -o DIR");
    result = run("compile " + write("s.yaml", kShortSession).string() + " --captions vtt -o x");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("--captions"), std::string::npos) << result.err;
}

TEST_F(Compile, AnUnknownClipFormatIsAUsageError) {
    const auto session = write("short.yaml", kShortSession);
    const auto result =
        run("compile " + session.string() + " --clips ogg -o " + (dir_ / "out").string());
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.substr(0, result.err.find('\n')),
              "stillpoint compile: --clips ogg: not a clip format; use flac (compressed, "
              "lossless), pcm (raw 16-bit, for players without an audio decoder) or opus "
              "(smallest, lossy)");
    EXPECT_NE(result.err.find("\nusage: stillpoint compile FILE|NAME -o DIR"), std::string::npos)
        << result.err;
    EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(Compile, ASessionWithErrorsIsReportedAsRenderReportsIt) {
    const auto session =
        write("bad.yaml", "title: bad\nsections:\n  - name: x\n    steps:\n      - pause: soon\n");
    const auto result = run("compile " + session.string() + " -o " + (dir_ / "out").string());
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find(session.string() + ":5:"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(dir_ / "out"));
}

}  // namespace
