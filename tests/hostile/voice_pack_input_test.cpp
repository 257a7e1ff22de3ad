// A voice pack's files from outside: a FIFO named as its manifest or as a
// clip, a clip with an absurd header. Each is refused promptly with an error
// naming the file (and, for a clip, its manifest line), before anything is
// waited on, allocated for or resampled.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "blocking_guard.hpp"
#include "damaged_audio.hpp"
#include "narration/voice_pack.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

/// A session beside a pack folder, removed after.
class PackFolder {
  public:
    PackFolder()
        : root_(fs::temp_directory_path() /
                ("stillpoint-hostile-pack-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
        fs::remove_all(root_);
        fs::create_directories(root_ / "pack");
        root_ = fs::canonical(root_);
        std::ofstream(root_ / "session.yaml")
            << "title: t\ndefaults: {bed: none, tone: none, voice: {pack: pack}}\nsections:\n"
               "  - name: a\n    steps:\n      - say: {text: Welcome., id: welcome}\n"
               "grounding:\n  - pause: 2s\n";
    }
    ~PackFolder() { fs::remove_all(root_); }
    PackFolder(const PackFolder&) = delete;
    PackFolder& operator=(const PackFolder&) = delete;
    fs::path pack() const { return root_ / "pack"; }

    void writeManifest() const {
        std::ofstream(pack() / "voice-pack.yaml") << "name: p\nlines:\n  welcome: welcome.wav\n";
    }
    void writeClip(const std::vector<std::uint8_t>& bytes) const {
        std::ofstream(pack() / "welcome.wav", std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<std::streamsize>(bytes.size()));
    }
    NarrationReport narrate() const {
        auto parsed = loadSessionFile((root_ / "session.yaml").string());
        EXPECT_TRUE(parsed.session);
        Program program = std::move(*planSession(*parsed.session, {}).program);
        NarrationSettings settings;
        settings.useCache = false;
        return narrateProgram(program, settings);
    }

  private:
    fs::path root_;
};

TEST(VoicePackInput, AFifoNamedAsTheManifestIsRefusedAtOnce) {
    const PackFolder folder;
    const test::TestFifo fifo(folder.pack() / "voice-pack.yaml");
    std::string error;
    const auto pack = test::returnsPromptly(
        fifo, [&] { return narration::loadVoicePack(folder.pack().string(), error); });
    EXPECT_FALSE(pack);
    EXPECT_EQ(error, (folder.pack() / "voice-pack.yaml").string() +
                         ": is a named pipe (FIFO), not a file; a pack needs a voice-pack.yaml "
                         "file with name: and lines:");
}

TEST(VoicePackInput, AFifoNamedAsAClipIsRefusedAtOnceNamingItsLine) {
    const PackFolder folder;
    folder.writeManifest();
    const test::TestFifo fifo(folder.pack() / "welcome.wav");
    const auto report = test::returnsPromptly(fifo, [&] { return folder.narrate(); });
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(report.badInput);
    EXPECT_EQ(report.error, (folder.pack() / "welcome.wav").string() +
                                ": is a named pipe (FIFO), not a file; name a WAV or FLAC file "
                                "(line 'welcome' at " +
                                (folder.pack() / "voice-pack.yaml").string() + ":3:12)");
}

TEST(VoicePackInput, AClipAtOneHertzIsRefusedBeforeResampling) {
    const PackFolder folder;
    folder.writeManifest();
    auto bytes = test::encodeToneClip(test::ClipContainer::Wav16, 48000, 1, 1.0);
    test::setWavFormat(bytes, 1, 1);  // 48000 frames at 1 Hz: 13 hours to resample to 48 kHz
    folder.writeClip(bytes);
    const auto report = folder.narrate();
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.error.rfind((folder.pack() / "welcome.wav").string() +
                                     ": has a sample rate of 1 Hz; use 8000 to 384000 Hz",
                                 0),
              0u)
        << report.error;
}

TEST(VoicePackInput, AFlacOfUnknownLengthSpeaks) {
    const PackFolder folder;
    folder.writeManifest();
    auto bytes = test::encodeToneClip(test::ClipContainer::Flac16, 44100, 1, 1.0);
    test::forgetFlacLength(bytes);
    folder.writeClip(bytes);  // named .wav: the bytes, not the name, say what it is
    const auto report = folder.narrate();
    ASSERT_TRUE(report.ok) << report.error;
    EXPECT_EQ(report.linesRecorded, 1);
}

}  // namespace
}  // namespace stillpoint
