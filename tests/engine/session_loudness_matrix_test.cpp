// Every mix of layers lands at -16 LUFS (+-0.5 LU) under -1 dBTP, and while a
// line is spoken the voice stays at least 10 LU (short-term, 3 s) over
// everything else: a matrix of short sessions, measured on the engine's
// output with libebur128. Also: the three breath-tone timbres at one loudness.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <string>

#include "audio_analysis.hpp"
#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

constexpr double kTargetLufs = -16.0;
constexpr double kSpeechToBackgroundLu = 10.0;

// Three lines of about four to six seconds, with room between them.
const char* kLines = R"(
      - pause: 5s
      - say: You might notice the sounds around you, near and far, and the quiet between them.
      - pause: 12s
      - say: Let your attention rest on the weight of your hands, resting wherever they are.
      - breathe: {pattern: coherent, duration: 25s}
      - say: When you are ready, let your eyes open and take in the room around you.
      - pause: 10s
)";

std::string session(const std::string& defaults, const std::string& steps) {
    return "title: mix\ndefaults: " + defaults + "\nsections:\n  - name: one\n    steps:" + steps;
}

struct Mix {
    const char* name;
    std::string yaml;
    bool speaks;
    bool background;
};

std::vector<Mix> matrix() {
    return {
        {"voice only", session("{bed: none, tone: none}", kLines), true, false},
        {"voice + pink bed", session("{bed: pink, tone: none}", kLines), true, true},
        {"voice + brown bed at -30",
         session("{bed: brown, tone: none, volumes: {bed: -30}}", kLines), true, true},
        // Louder than the voice as authored: the calibration must bring it down.
        {"voice + pink bed at +6 and pad at 0",
         session("{bed: pink, tone: pad, volumes: {bed: 6, tone: 0}}", kLines), true, true},
        {"voice + loud pink bed at -6",
         session("{bed: pink, tone: none, volumes: {bed: -6}}", kLines), true, true},
        {"bed only", session("{bed: brown, tone: none}", "\n      - pause: 60s\n"), false, true},
        {"pad only",
         session("{bed: none, tone: pad}",
                 "\n      - breathe: {pattern: coherent, duration: 60s}\n"),
         false, true},
        {"wave only",
         session("{bed: none, tone: wave}",
                 "\n      - breathe: {pattern: coherent, duration: 60s}\n"),
         false, true},
        {"bowl only",
         session("{bed: none, tone: bowl}",
                 "\n      - breathe: {pattern: coherent, duration: 60s}\n"),
         false, true},
        {"binaural only",
         session("{bed: none, tone: none, binaural: {carrier: 200, beat: 6}}",
                 "\n      - pause: 60s\n"),
         false, true},
        {"voice + tone + bed + bells",
         session("{bed: pink, tone: pad}",
                 std::string("\n      - bell: bowl") + kLines + "      - bell: chime\n"),
         true, true},
        {"quiet volumes on everything",
         session("{bed: brown, tone: wave, binaural: {carrier: 200, beat: 6}, volumes: {tone: -30, "
                 "bed: -40, "
                 "bells: -36, voice: -14, binaural: -50}}",
                 std::string("\n      - bell: bowl") + kLines),
         true, true},
    };
}

/// The voice alone (`voiceOnly`) or everything but the voice, the rest muted
/// (-60 dB) from the first block: the engine keeps the calibration it made
/// for the whole mix.
RenderedAudio renderWithMuted(std::shared_ptr<const Program> program, bool voiceOnly) {
    std::vector<TimedCommand> mutes;
    for (int layer = 0; layer < static_cast<int>(LayerId::Count); ++layer) {
        const bool voice = layer == static_cast<int>(LayerId::Voice);
        if (voice == voiceOnly) continue;
        mutes.push_back({0, Command{CommandType::SetLayerGain, layer, -60.0}});
    }
    return playWithCommands(std::move(program), mutes, 1024);
}

/// The least, over 3 s windows inside spoken lines (every 0.5 s, from 0.5 s into each), of the
/// voice's short-term loudness over the background's.
double speechToBackgroundLu(const std::shared_ptr<const Program>& program) {
    const auto voice = renderWithMuted(program, true);
    const auto rest = renderWithMuted(program, false);
    const auto vl = channel(voice, 0), vr = channel(voice, 1);
    const auto rl = channel(rest, 0), rr = channel(rest, 1);
    const int frames = static_cast<int>(std::min(vl.size(), rl.size()));
    double least = INFINITY;
    int windows = 0;
    for (const Event& line : eventsOfType(voice, EventType::LineSpoken)) {
        const auto& clip =
            program->narration
                ->steps[static_cast<std::size_t>(line.index)][static_cast<std::size_t>(line.value)];
        const double start = static_cast<double>(line.sample) / voice.sampleRate;
        const double end =
            start + static_cast<double>(clip.lengthFramesAt(voice.sampleRate)) / voice.sampleRate;
        // From 0.5 s in: a muted layer's gain glides (0.25 s) only while it plays.
        for (double t = start + 3.5; t <= end; t += 0.5, ++windows)
            least = std::min(
                least, shortTermLufsAt(vl.data(), vr.data(), frames, voice.sampleRate, t) -
                           shortTermLufsAt(rl.data(), rr.data(), frames, voice.sampleRate, t));
    }
    EXPECT_GE(windows, 3) << "lines of at least 3 s to measure";
    return least;
}

TEST(SessionLoudness, EveryMixLandsAtTheTargetWithTheVoiceClearOfTheBackground) {
    for (const Mix& mix : matrix()) {
        const auto program = programFromText(mix.yaml);
        ASSERT_TRUE(program) << mix.name;
        const auto audio = renderProgram(program, {});
        const auto left = channel(audio, 0), right = channel(audio, 1);
        const int frames = static_cast<int>(left.size());
        const double lufs = integratedLufs(left.data(), right.data(), frames, audio.sampleRate);
        const double peak = truePeakDbTp(left.data(), right.data(), frames, audio.sampleRate);
        EXPECT_NEAR(lufs, kTargetLufs, 0.5) << mix.name;
        EXPECT_LE(peak, -1.0) << mix.name;
        std::cout << "[ loudness ] " << mix.name << ": " << lufs << " LUFS, " << peak << " dBTP";
        if (mix.speaks && mix.background) {
            const double margin = speechToBackgroundLu(program);
            EXPECT_GE(margin, kSpeechToBackgroundLu) << mix.name;
            std::cout << ", voice over background while speaking >= " << margin << " LU";
        }
        std::cout << "\n";
    }
}

TEST(SessionLoudness, TheVoiceIsNeverBoostedUnderABedTheAuthorMadeQuiet) {
    // bed -30: the calibration may not lift the bed relative to the voice. With
    // the bed as authored the voice is 30 dB over it (the bed's volume; both
    // layers are made at one level), ducked 8 dB more while speaking.
    const auto program =
        programFromText(session("{bed: brown, tone: none, volumes: {bed: -30}}", kLines));
    ASSERT_TRUE(program);
    EXPECT_GE(speechToBackgroundLu(program), 30.0);
}

TEST(SessionLoudness, TheThreeBreathToneTimbresAreWithinOneLuOfEachOther) {
    EngineConfig raw;
    raw.calibrateLoudness = false;  // the timbres as made, at the default tone volume
    double loudest = -INFINITY, quietest = INFINITY;
    for (const char* timbre : {"pad", "wave", "bowl"}) {
        for (const char* pattern : {"coherent", "extended-exhale"}) {
            const auto program = programFromText(session(
                std::string("{bed: none, tone: ") + timbre + "}",
                std::string("\n      - breathe: {pattern: ") + pattern + ", duration: 60s}\n"));
            ASSERT_TRUE(program);
            const auto audio = renderProgram(program, raw);
            const auto left = channel(audio, 0), right = channel(audio, 1);
            const double lufs = integratedLufs(left.data(), right.data(),
                                               static_cast<int>(left.size()), audio.sampleRate);
            std::cout << "[ loudness ] tone " << timbre << ", " << pattern << ": " << lufs
                      << " LUFS\n";
            loudest = std::max(loudest, lufs);
            quietest = std::min(quietest, lufs);
        }
    }
    EXPECT_LE(loudest - quietest, 1.0);
}

}  // namespace
}  // namespace stillpoint::test
