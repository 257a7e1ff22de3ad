// A compiled session's clip files on disk (writeCompiledClips,
// readCompiledFolder): one FLAC file per clip rate, read back to the very
// samples written, the same as clips.pcm's.
#include <gtest/gtest.h>

#include <fstream>

#include "session_rendering.hpp"
#include "stillpoint/compiled_session.hpp"
#include "temporary_directory.hpp"

namespace stillpoint::test {
namespace {

const char* const kSession = R"(stillpoint: 1
title: Two voices
sections:
  - name: One
    steps:
      - say: The first voice speaks.
      - say: A second, recorded at another rate.
      - say: The first again.
)";

/// kSession's program with its second line's clip at 22.05 kHz, as a voice
/// pack recorded at that rate gives it.
CompiledSession twoRateSession() {
    const auto planned = programFromText(kSession);
    EXPECT_TRUE(planned && planned->narration);
    auto program = std::make_shared<Program>(*planned);
    auto narration = std::make_shared<Narration>(*planned->narration);
    narration->steps[1][0].clip.sampleRate = 22050.0;
    program->narration = narration;
    CompiledSession session;
    session.program = program;
    return session;
}

void write(const std::filesystem::path& folder, const CompiledFiles& files) {
    std::ofstream(folder / kCompiledProgramFile) << files.programJson;
    EXPECT_EQ(writeCompiledClips(folder.string(), files), "");
}

void expectSameClips(const Program& read, const Program& written) {
    ASSERT_TRUE(read.narration);
    ASSERT_EQ(read.narration->steps.size(), written.narration->steps.size());
    for (std::size_t s = 0; s < written.narration->steps.size(); ++s) {
        ASSERT_EQ(read.narration->steps[s].size(), written.narration->steps[s].size());
        for (std::size_t i = 0; i < written.narration->steps[s].size(); ++i) {
            const SpeechClip& a = read.narration->steps[s][i].clip;
            const SpeechClip& b = written.narration->steps[s][i].clip;
            EXPECT_EQ(a.samples, b.samples) << "step " << s << " line " << i;
            EXPECT_EQ(a.sampleRate, b.sampleRate);
            EXPECT_EQ(a.gain, b.gain);
        }
    }
}

TEST(CompiledClipFiles, EachClipRateHasItsOwnFlacFile) {
    const CompiledSession session = twoRateSession();
    const CompiledFiles files = encodeCompiledSession(session);
    ASSERT_EQ(files.clipFiles.size(), 2u);
    EXPECT_EQ(files.clipFiles[0].name, "clips-16000.flac");
    EXPECT_EQ(files.clipFiles[0].sampleRate, 16000);
    EXPECT_EQ(files.clipFiles[1].name, "clips-22050.flac");
    EXPECT_EQ(files.clipFiles[1].sampleRate, 22050);
    std::int64_t at16k = 0;  // every other line (the grounding's too) is flite's
    for (const auto& lines : session.program->narration->steps)
        for (const SpokenLine& line : lines)
            if (line.clip.sampleRate == 16000.0)
                at16k += static_cast<std::int64_t>(line.clip.samples.size());
    EXPECT_EQ(files.clipFiles[0].samples, at16k);
    EXPECT_EQ(
        files.clipFiles[1].samples,
        static_cast<std::int64_t>(session.program->narration->steps[1][0].clip.samples.size()));
    EXPECT_EQ(files.clipFiles[1].firstSample, files.clipFiles[0].samples);

    TemporaryDirectory folder;
    write(folder.path(), files);
    EXPECT_TRUE(std::filesystem::exists(folder.path() / "clips-22050.flac"));
    const auto read = readCompiledFolder(folder.path().string());
    ASSERT_TRUE(read.session) << read.error;
    expectSameClips(*read.session->program, *session.program);
}

TEST(CompiledClipFiles, PcmKeepsEveryRateInOneFile) {
    const CompiledSession session = twoRateSession();
    const CompiledFiles files = encodeCompiledSession(session, ClipEncoding::Pcm);
    ASSERT_EQ(files.clipFiles.size(), 1u);
    EXPECT_EQ(files.clipFiles[0].name, "clips.pcm");
    TemporaryDirectory folder;
    write(folder.path(), files);
    const auto read = readCompiledFolder(folder.path().string());
    ASSERT_TRUE(read.session) << read.error;
    expectSameClips(*read.session->program, *session.program);
}

TEST(CompiledClipFiles, AFlacFileAtAnotherRateThanItsEntryIsRefused) {
    const CompiledFiles files = encodeCompiledSession(twoRateSession());
    TemporaryDirectory folder;
    write(folder.path(), files);
    std::filesystem::copy_file(folder.path() / "clips-16000.flac",
                               folder.path() / "clips-22050.flac",
                               std::filesystem::copy_options::overwrite_existing);
    const auto read = readCompiledFolder(folder.path().string());
    ASSERT_FALSE(read.session);
    EXPECT_EQ(read.error,
              (folder.path() / "session.json").string() +
                  ": clips[1].file: " + (folder.path() / "clips-22050.flac").string() +
                  ": its rate is 16000 Hz, session.json says 22050; compile the session again");
}

}  // namespace
}  // namespace stillpoint::test
