// Recorded voice packs: clips at any rate (8 to 384 kHz) and channel count
// play at their own pitch and length; lines without a clip are synthesised
// with one warning; a damaged clip or a path out of the pack is an error
// that names the file and the manifest line.
#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "audio_analysis.hpp"
#include "played_line.hpp"
#include "session_rendering.hpp"
#include "stillpoint/narration.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

constexpr double kClipSeconds = 1.5;
constexpr double kPi = 3.14159265358979323846;

/// A folder of the test's own holding a session and its voice pack, removed after.
class PackFolder {
  public:
    PackFolder() {
        root_ = fs::temp_directory_path() /
                ("stillpoint-voice-pack-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
        fs::create_directories(root_ / "pack" / "clips");
    }
    ~PackFolder() { fs::remove_all(root_); }
    fs::path root() const { return root_; }
    fs::path pack() const { return root_ / "pack"; }

    /// A sine of `hz` for kClipSeconds, the same in every channel.
    void writeSine(const std::string& name, double hz, int rate, int channels,
                   int format = SF_FORMAT_WAV | SF_FORMAT_PCM_16) const {
        SF_INFO info{};
        info.samplerate = rate;
        info.channels = channels;
        info.format = format;
        SNDFILE* file = sf_open((pack() / name).c_str(), SFM_WRITE, &info);
        ASSERT_NE(file, nullptr) << sf_strerror(nullptr);
        const auto frames = static_cast<std::size_t>(kClipSeconds * rate);
        std::vector<float> samples(frames * static_cast<std::size_t>(channels));
        for (std::size_t i = 0; i < frames; ++i)
            for (int c = 0; c < channels; ++c)
                samples[i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] =
                    0.4f *
                    static_cast<float>(std::sin(2.0 * kPi * hz * static_cast<double>(i) / rate));
        sf_writef_float(file, samples.data(), static_cast<sf_count_t>(frames));
        sf_close(file);
    }

    void writeText(const fs::path& path, const std::string& text) const {
        std::ofstream(path, std::ios::binary) << text;
    }
    void writeManifest(const std::string& lines) const {
        writeText(pack() / "voice-pack.yaml", "name: test tones\nlines:\n" + lines);
    }
    /// A session beside the pack naming it in its defaults; returns its
    /// path. Its grounding is a pause unless it keeps the built-in one.
    std::string writeSession(const std::string& steps, bool builtInGrounding = false) const {
        const auto path = root_ / "session.yaml";
        writeText(path,
                  "title: recorded\ndefaults: {bed: none, tone: none, voice: {pack: pack}}\n"
                  "sections:\n  - name: one\n    steps:\n" +
                      steps + (builtInGrounding ? "" : "grounding:\n  - pause: 2s\n"));
        return path.string();
    }

  private:
    fs::path root_;
};

Program plannedFile(const std::string& path) {
    auto parsed = loadSessionFile(path);
    for (const auto& d : parsed.diagnostics) ADD_FAILURE() << d.format();
    EXPECT_TRUE(parsed.session);
    auto plan = planSession(*parsed.session, {});
    EXPECT_TRUE(plan.program);
    return std::move(*plan.program);
}

const char* kThreeRecordedLines = R"(      - say: {text: First tone., id: low}
      - pause: 1s
      - say: {text: Second tone., id: mid}
      - say: {text: Third tone., id: high}
)";

TEST(VoicePack, ClipsAtAnyRateAndChannelCountPlayAtTheirPitchAndLength) {
    const PackFolder folder;
    folder.writeSine("clips/low.wav", 330.0, 22050, 1);
    folder.writeSine("clips/mid.flac", 440.0, 44100, 2, SF_FORMAT_FLAC | SF_FORMAT_PCM_16);
    folder.writeSine("clips/high.wav", 550.0, 48000, 1, SF_FORMAT_WAV | SF_FORMAT_FLOAT);
    folder.writeManifest("  low: clips/low.wav\n  mid: clips/mid.flac\n  high: clips/high.wav\n");
    Program program = plannedFile(folder.writeSession(kThreeRecordedLines));
    const NarrationReport report = narrateProgram(program);
    ASSERT_TRUE(report.ok) << report.error;
    EXPECT_EQ(report.linesRecorded, 3);
    EXPECT_EQ(report.linesRendered + report.cacheHits, 0);
    EXPECT_TRUE(report.warning.empty()) << report.warning;

    const auto shared = std::make_shared<const Program>(std::move(program));
    const auto audio = renderProgram(shared, {});
    const auto left = test::channel(audio, 0);
    const auto lines = test::eventsOfType(audio, EventType::LineSpoken);
    ASSERT_EQ(lines.size(), 3u);
    const double expectedHz[] = {330.0, 440.0, 550.0};
    const auto clipFrames = static_cast<std::int64_t>(kClipSeconds * audio.sampleRate);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& clip =
            shared->narration->steps.at(static_cast<std::size_t>(lines[i].index)).at(0);
        EXPECT_NEAR(static_cast<double>(clip.lengthFramesAt(audio.sampleRate)),
                    static_cast<double>(clipFrames), 2.0)
            << "line " << i;
        // The middle second of the line as heard in the render.
        const float* heard = left.data() + lines[i].sample + clipFrames / 6;
        EXPECT_NEAR(
            test::peakFrequency(heard, static_cast<int>(audio.sampleRate), audio.sampleRate),
            expectedHz[i], expectedHz[i] * 0.002)
            << "line " << i;
        // Sound for the clip's length, then silence until the next step.
        const auto end = lines[i].sample + clipFrames;
        float before = 0.0f;
        for (std::int64_t s = end - 480; s < end - 2; ++s)
            before = std::max(before, std::abs(left[static_cast<std::size_t>(s)]));
        float after = 0.0f;
        for (std::int64_t s = end + 2; s < end + 4800; ++s)
            after = std::max(after, std::abs(left[static_cast<std::size_t>(s)]));
        EXPECT_GT(before, 0.01f) << "line " << i;
        EXPECT_LT(after, 1e-6f) << "line " << i;
    }
}

TEST(VoicePack, RecordedLinesHaveTheSpeechLoudness) {
    const PackFolder folder;
    folder.writeSine("clips/low.wav", 330.0, 22050, 1);
    folder.writeManifest("  low: clips/low.wav\n");
    Program program = plannedFile(folder.writeSession("      - say: {text: Tone., id: low}\n"));
    NarrationSettings settings;
    ASSERT_TRUE(narrateProgram(program, settings).ok);
    const auto samples = test::playedLine(program.narration->steps.at(0).at(0));
    const int n = static_cast<int>(samples.size());
    // libebur128 on the line in both channels: 3 dB over the mono target.
    EXPECT_NEAR(test::integratedLufs(samples.data(), samples.data(), n, 48000.0),
                settings.speechLufs + 3.0, 0.3);
}

TEST(VoicePack, LinesWithoutAClipAreSynthesisedWithOneWarningListingThemAll) {
    const PackFolder folder;
    folder.writeSine("clips/low.wav", 330.0, 22050, 1);
    folder.writeManifest("  low: clips/low.wav\n");
    Program program = plannedFile(folder.writeSession(R"(      - say: {text: First tone., id: low}
      - say: {text: Welcome back., id: welcome}
      - say: Rest here.
)"));
    const NarrationReport report = narrateProgram(program);
    ASSERT_TRUE(report.ok) << report.error;
    EXPECT_EQ(report.linesRecorded, 1);
    EXPECT_EQ(report.linesRendered + report.cacheHits, 2);
    EXPECT_NE(report.warning.find("voice pack 'test tones' has no clip for 2 line(s)"),
              std::string::npos)
        << report.warning;
    EXPECT_NE(report.warning.find("welcome (line 7)"), std::string::npos) << report.warning;
    EXPECT_NE(report.warning.find("\"Rest here.\" (line 8)"), std::string::npos) << report.warning;
    // Every line speaks.
    for (std::size_t step = 0; step < 3; ++step)
        EXPECT_GT(program.narration->steps.at(step).at(0).lengthFramesAt(48000.0), 4800) << step;

    // The built-in grounding's lines the pack lacks: counted in the same warning, named once.
    Program grounded =
        plannedFile(folder.writeSession("      - say: {text: First tone., id: low}\n", true));
    const NarrationReport withGrounding = narrateProgram(grounded);
    ASSERT_TRUE(withGrounding.ok) << withGrounding.error;
    EXPECT_NE(withGrounding.warning.find("has no clip for 7 line(s); the synthesiser speaks them: "
                                         "the built-in grounding (7 lines)"),
              std::string::npos)
        << withGrounding.warning;
}

TEST(VoicePack, AClipReplacesAScanRegionACheckinABreathLineAndABuiltInGroundingLine) {
    const PackFolder folder;
    folder.writeSine("clips/hands.wav", 330.0, 22050, 1);
    folder.writeSine("clips/how.wav", 440.0, 44100, 1);
    folder.writeSine("clips/out.wav", 550.0, 48000, 1);
    folder.writeSine("clips/g3.wav", 660.0, 48000, 1);
    folder.writeManifest(
        "  scan.en.short.hands.2: clips/hands.wav\n  how: clips/how.wav\n"
        "  breath.out: clips/out.wav\n  grounding.en.3: clips/g3.wav\n");
    Program program =
        plannedFile(folder.writeSession(R"(      - scan: {regions: [feet, hands], length: short}
      - checkin: {prompt: "How is this?", id: how, wait: 1s}
      - breathe: {cycles: 1, lines: [{at: exhale, say: Out., id: breath.out}]}
)",
                                        true));
    const NarrationReport report = narrateProgram(program);
    ASSERT_TRUE(report.ok) << report.error;
    EXPECT_EQ(report.linesRecorded, 4);
    const auto clipFrames = static_cast<std::int64_t>(kClipSeconds * 48000.0);
    const auto& steps = program.narration->steps;
    // The scan's first region is synthesised, its second is the clip.
    EXPECT_NE(steps.at(0).at(0).lengthFramesAt(48000.0), clipFrames);
    EXPECT_NEAR(static_cast<double>(steps.at(0).at(1).lengthFramesAt(48000.0)), clipFrames, 2.0);
    EXPECT_NEAR(static_cast<double>(steps.at(1).at(0).lengthFramesAt(48000.0)), clipFrames, 2.0);
    EXPECT_NEAR(static_cast<double>(steps.at(2).at(0).lengthFramesAt(48000.0)), clipFrames, 2.0);
    // The built-in grounding's third line (the sixth step of the grounding section).
    const auto grounding = static_cast<std::size_t>(
        program.sections.at(static_cast<std::size_t>(program.groundingSection)).firstStep);
    EXPECT_EQ(program.steps.at(grounding + 4).lineIds, std::vector<std::string>{"grounding.en.3"});
    EXPECT_NEAR(static_cast<double>(steps.at(grounding + 4).at(0).lengthFramesAt(48000.0)),
                clipFrames, 2.0);
    // What the pack lacks is named by id in the one warning.
    EXPECT_NE(report.warning.find("has no clip for 7 line(s); the synthesiser speaks them: "
                                  "scan.en.short.feet.1.start1 (line 6), the built-in grounding "
                                  "(6 lines)"),
              std::string::npos)
        << report.warning;
}

TEST(VoicePack, TheCommandLinePackReplacesTheSessionsOwn) {
    const PackFolder folder;
    folder.writeSine("clips/low.wav", 330.0, 22050, 1);
    folder.writeManifest("  low: clips/low.wav\n");
    fs::create_directories(folder.root() / "other" / "clips");
    fs::copy_file(folder.pack() / "clips" / "low.wav", folder.root() / "other" / "clips" / "b.wav");
    folder.writeText(folder.root() / "other" / "voice-pack.yaml",
                     "name: other\nlines:\n  low: clips/b.wav\n  extra: clips/b.wav\n");
    Program program = plannedFile(folder.writeSession("      - say: {text: Tone., id: low}\n"));
    NarrationSettings settings;
    settings.voicePack = (folder.root() / "other").string();
    const NarrationReport report = narrateProgram(program, settings);
    ASSERT_TRUE(report.ok) << report.error;
    EXPECT_EQ(report.linesRecorded, 1);
}

std::string narrationError(const PackFolder& folder) {
    Program program = plannedFile(folder.writeSession(kThreeRecordedLines));
    const NarrationReport report = narrateProgram(program);
    EXPECT_FALSE(report.ok);
    return report.error;
}

TEST(VoicePack, ACorruptClipIsAnErrorNamingTheFileAndTheManifestLine) {
    const PackFolder folder;
    folder.writeSine("clips/low.wav", 330.0, 22050, 1);
    folder.writeText(folder.pack() / "clips" / "mid.wav", "RIFF\x10\0\0\0not audio at all");
    folder.writeSine("clips/high.wav", 550.0, 48000, 1);
    folder.writeManifest("  low: clips/low.wav\n  mid: clips/mid.wav\n  high: clips/high.wav\n");
    const std::string error = narrationError(folder);
    const auto clip = fs::canonical(folder.pack() / "clips" / "mid.wav").string();
    EXPECT_EQ(error.rfind(clip + ": not a readable WAV or FLAC file", 0), 0u) << error;
    const auto manifest = fs::canonical(folder.pack()).string() + "/voice-pack.yaml:4:8";
    EXPECT_NE(error.find("(line 'mid' at " + manifest + ")"), std::string::npos) << error;
}

TEST(VoicePack, ATruncatedClipIsAnError) {
    const PackFolder folder;
    folder.writeSine("clips/low.wav", 330.0, 22050, 1);
    folder.writeSine("clips/mid.wav", 440.0, 44100, 2);
    folder.writeSine("clips/mid.flac", 440.0, 44100, 2, SF_FORMAT_FLAC | SF_FORMAT_PCM_16);
    folder.writeSine("clips/high.wav", 550.0, 48000, 1);
    const auto wav = folder.pack() / "clips" / "mid.wav";
    fs::resize_file(wav, fs::file_size(wav) / 2);
    folder.writeManifest("  low: clips/low.wav\n  mid: clips/mid.wav\n  high: clips/high.wav\n");
    std::string error = narrationError(folder);
    EXPECT_NE(error.find("mid.wav: is truncated or its header is damaged"), std::string::npos)
        << error;

    const auto flac = folder.pack() / "clips" / "mid.flac";
    fs::resize_file(flac, fs::file_size(flac) / 2);
    folder.writeManifest("  low: clips/low.wav\n  mid: clips/mid.flac\n  high: clips/high.wav\n");
    error = narrationError(folder);
    EXPECT_NE(error.find("mid.flac: is truncated or damaged: its header promises 66150 frames"),
              std::string::npos)
        << error;
}

TEST(VoicePack, AClipPathOutOfThePackIsAnErrorAtItsManifestLine) {
    const PackFolder folder;
    folder.writeSine("clips/low.wav", 330.0, 22050, 1);
    folder.writeSine("../outside.wav", 330.0, 22050, 1);
    const auto manifest = fs::canonical(folder.pack()).string() + "/voice-pack.yaml:";
    const std::string session = folder.writeSession(kThreeRecordedLines);
    const std::string packPlace = session + ":2:49: ";

    const std::string fix = "; name a file inside " + fs::canonical(folder.pack()).string() +
                            " with a path relative to it, like clips/intro.wav";

    folder.writeManifest("  low: clips/low.wav\n  mid: ../outside.wav\n");
    std::string error = narrationError(folder);
    EXPECT_EQ(error, packPlace + manifest +
                         "4:8: clip path '../outside.wav' leads outside the folder" + fix);

    const std::string absolute = (folder.root() / "outside.wav").string();
    folder.writeManifest("  low: " + absolute + "\n");
    error = narrationError(folder);
    EXPECT_EQ(error,
              packPlace + manifest + "3:8: clip path '" + absolute + "' is an absolute path" + fix);

    fs::create_symlink(folder.root(), folder.pack() / "clips" / "up");
    folder.writeManifest("  low: clips/up/outside.wav\n");
    error = narrationError(folder);
    EXPECT_EQ(error, packPlace + manifest +
                         "3:8: clip path 'clips/up/outside.wav' leads outside the folder through a "
                         "link" +
                         fix);
}

TEST(VoicePack, AMissingPackIsAnErrorAtTheSessionsPackKey) {
    const PackFolder folder;
    fs::remove_all(folder.pack());
    const std::string session = folder.writeSession(kThreeRecordedLines);
    const std::string error = narrationError(folder);
    EXPECT_EQ(error.rfind(session + ":2:49: " + (folder.root() / "pack").string() +
                              ": no voice pack folder here",
                          0),
              0u)
        << error;
}

TEST(VoicePack, TheSessionsVoiceKeyIsChecked) {
    const auto parsed = parseSession(
        "title: t\ndefaults: {voice: anna}\nsections:\n  - name: a\n    steps:\n      - pause: "
        "1s\n",
        "v.yaml");
    ASSERT_FALSE(parsed.diagnostics.empty());
    EXPECT_EQ(parsed.diagnostics.front().line, 2);
    EXPECT_NE(parsed.diagnostics.front().format().find("{pack: voices/anna}"), std::string::npos)
        << parsed.diagnostics.front().format();
    const auto unknown = parseSession(
        "title: t\ndefaults: {voice: {pak: a}}\nsections:\n  - name: a\n    steps:\n      - pause: "
        "1s\n",
        "v.yaml");
    ASSERT_FALSE(unknown.diagnostics.empty());
    EXPECT_NE(unknown.diagnostics.front().format().find("pak"), std::string::npos)
        << unknown.diagnostics.front().format();
}

}  // namespace
}  // namespace stillpoint
