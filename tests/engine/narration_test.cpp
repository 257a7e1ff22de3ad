// Narration in the engine: lines sound where the engine says they do, at
// one loudness, under a ducked bed; clips come back from the cache; avoided
// regions are never spoken; captions carry the engine's own times.
#include "stillpoint/narration.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "audio_analysis.hpp"
#include "narration/speech_peaks.hpp"
#include "played_line.hpp"
#include "session_rendering.hpp"
#include "stillpoint/captions.hpp"
#include "temporary_directory.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

using test::TemporaryDirectory;

Program planned(const std::string& yaml, const PlanOptions& options = {}) {
    auto parsed = parseSession(yaml, "narration.yaml");
    EXPECT_TRUE(parsed.session);
    auto plan = planSession(*parsed.session, options);
    EXPECT_TRUE(plan.program);
    return std::move(*plan.program);
}

// Nothing but the voice: no bed, no tone, no bells, so every sound is speech.
const char* kVoiceOnly = R"(title: voice only
defaults: {bed: none, tone: none}
sections:
  - name: one
    steps:
      - pause: 4s
      - say: You can let your eyes rest... or keep them open.
      - breathe: {pattern: coherent, cycles: 1}
      - say: Notice the support under you. [pause 2s] Nothing needs to change.
      - checkin: How is this for you, right now?
)";

TEST(Narration, EachLineStartsInTheSignalWithinOneMillisecondOfItsEvent) {
    const auto program = test::programFromText(kVoiceOnly);
    ASSERT_TRUE(program);
    const auto audio = renderProgram(program, {});
    const auto left = test::channel(audio, 0);
    const auto lines = test::eventsOfType(audio, EventType::LineSpoken);
    ASSERT_EQ(lines.size(), 3u);
    const auto tolerance = static_cast<std::int64_t>(0.001 * audio.sampleRate);
    std::int64_t quietFrom = 0;
    for (const Event& line : lines) {
        // Silence from the last line's end up to this one, then the voice.
        std::int64_t onset = quietFrom;
        while (onset < static_cast<std::int64_t>(left.size()) &&
               std::abs(left[static_cast<std::size_t>(onset)]) < 1e-6f)
            ++onset;
        EXPECT_LE(std::abs(onset - line.sample), tolerance)
            << "line of step " << line.index << ": planned at " << line.sample << ", heard at "
            << onset;
        const auto& clip =
            program->narration
                ->steps[static_cast<std::size_t>(line.index)][static_cast<std::size_t>(line.value)];
        quietFrom = line.sample + clip.lengthFramesAt(audio.sampleRate) + tolerance;
    }
}

TEST(Narration, StepsLastAsLongAsTheirSpokenLines) {
    Program program = planned(kVoiceOnly);
    ASSERT_TRUE(narrateProgram(program).ok);
    const auto& say = program.narration->steps.at(1).at(0);
    EXPECT_EQ(say.caption, "You can let your eyes rest... or keep them open.");
    // The clip, then a second of rest before the next step.
    EXPECT_DOUBLE_EQ(program.steps[1].lengthSeconds,
                     static_cast<double>(say.lengthFramesAt(48000.0) + 48000) / 48000.0);
    // "..." and [pause 2s] are rests inside the clip: both lines are longer than their words.
    const auto& paused = program.narration->steps.at(3).at(0);
    EXPECT_EQ(paused.caption, "Notice the support under you. Nothing needs to change.");
    // The check-in waits its set time after the prompt.
    const auto& prompt = program.narration->steps.at(4).at(0);
    EXPECT_DOUBLE_EQ(program.steps[4].lengthSeconds,
                     static_cast<double>(prompt.lengthFramesAt(48000.0)) / 48000.0 + 15.0);
    EXPECT_DOUBLE_EQ(program.steps[2].startSeconds,
                     program.steps[1].startSeconds + program.steps[1].lengthSeconds);
    EXPECT_TRUE(program.silentSpeechSteps.empty());
}

TEST(Narration, PauseMarkupIsARestOfItsLengthInsideTheLine) {
    Program program = planned(kVoiceOnly);
    ASSERT_TRUE(narrateProgram(program).ok);
    const SpeechClip& clip = program.narration->steps.at(3).at(0).clip;
    // "you." rests 0.8 s, and [pause 2s] right after adds to that rest.
    const auto rate = static_cast<std::int64_t>(clip.sampleRate);  // flite's own
    ASSERT_EQ(clip.rests.size(), 1u);
    EXPECT_EQ(clip.rests[0].frames, std::llround(2.8 * clip.sampleRate));
    EXPECT_GT(clip.rests[0].atSample, rate / 2);  // after the first sentence's words
    EXPECT_LT(clip.rests[0].atSample, static_cast<std::int64_t>(clip.samples.size()) - rate / 2);
    EXPECT_EQ(clip.lengthFrames(),
              static_cast<std::int64_t>(clip.samples.size()) + clip.rests[0].frames);
    // The rest is a length, not zeros in the clip: no silent second in the samples.
    std::size_t longest = 0;
    std::size_t run = 0;
    for (const std::int16_t s : clip.samples) {
        run = s == 0 ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    EXPECT_LT(longest, static_cast<std::size_t>(rate / 2));
}

TEST(Narration, EveryLineHasTheSameLoudness) {
    Program program = planned(R"(title: loudness
sections:
  - name: one
    steps:
      - say: Hello.
      - say: You might notice the weight of your hands, resting where they are.
      - say: Take all the time you need. There is nowhere else to be... just here.
      - scan: {regions: [feet, knees, hands, shoulders], length: short}
)");
    NarrationSettings settings;
    ASSERT_TRUE(narrateProgram(program, settings).ok);
    int measured = 0;
    for (const auto& step : program.narration->steps) {
        for (const auto& line : step) {
            // libebur128 on the line as played, not the engine's meter that normalised it.
            const auto words = test::playedWords(line);
            const int n = static_cast<int>(words.size());
            const double stereo = test::integratedLufs(words.data(), words.data(), n, 48000.0);
            // A mono line in both channels is 3 dB louder than the mono line.
            EXPECT_NEAR(stereo - 10.0 * std::log10(2.0), settings.speechLufs, 2.0) << line.caption;
            ++measured;
        }
    }
    EXPECT_GE(measured, 7);  // and the built-in grounding section's lines
}

TEST(Narration, TheBedDucksUnderTheVoiceAndComesBack) {
    // The voice turned right down, so what is measured is the bed.
    const auto program = test::programFromText(R"(title: duck
defaults: {bed: pink, tone: none, volumes: {voice: -60}}
sections:
  - name: one
    steps:
      - pause: 8s
      - say: You might notice the sounds around you, near and far, and the quiet between them.
      - pause: 8s
)");
    ASSERT_TRUE(program);
    // The same timeline without a voice: the bed alone, never ducked.
    auto silent = std::make_shared<Program>(*program);
    silent->narration = nullptr;
    EngineConfig config;
    config.calibrateLoudness = false;
    const auto spoken = renderProgram(program, config);
    const auto unspoken = renderProgram(silent, config);
    const auto a = test::channel(spoken, 0);
    const auto b = test::channel(unspoken, 0);
    const auto line = test::eventsOfType(spoken, EventType::LineSpoken).at(0);
    const auto rate = static_cast<std::int64_t>(spoken.sampleRate);
    const auto end =
        line.sample + program->narration->steps[1][0].lengthFramesAt(spoken.sampleRate);
    auto duckDb = [&](std::int64_t from) {
        const auto i = static_cast<std::size_t>(from);
        const int n = static_cast<int>(rate / 2);
        return test::rmsDbfs(&a[i], n) - test::rmsDbfs(&b[i], n);
    };
    EXPECT_NEAR(duckDb(line.sample - rate), 0.0, 0.01);
    EXPECT_NEAR(duckDb(line.sample + rate), -8.0, 0.1);  // down after the 0.3 s attack
    EXPECT_NEAR(duckDb(end + 2 * rate), 0.0, 0.01);      // back up after the 1.5 s release
    const double midRelease = duckDb(end + rate / 2);    // on its way, neither down nor up
    EXPECT_GT(midRelease, -7.5);
    EXPECT_LT(midRelease, -0.5);
    EXPECT_GT(test::expectSmoothAtEvents(spoken, "duck"), 0);
}

TEST(Narration, TheCalibrationMovesTheVoiceAndTheBedTogether) {
    // A quiet bed leaves the voice near its own level; a loud one carries the
    // session, and the voice rises with it: the author's balance is kept.
    for (const char* bedDb : {"-22", "-6"}) {
        const auto program = test::programFromText(std::string(R"(title: level
defaults: {bed: pink, tone: none, volumes: {bed: )") +
                                                   bedDb + R"(}}
sections:
  - name: one
    steps:
      - pause: 30s
      - say: You might notice the sounds around you, near and far, and the quiet between them.
      - pause: 30s
)");
        ASSERT_TRUE(program);
        EngineConfig raw;
        raw.calibrateLoudness = false;
        const auto audio = renderProgram(program, {});
        const auto made = renderProgram(program, raw);
        const auto left = test::channel(audio, 0), right = test::channel(audio, 1);
        const auto rawLeft = test::channel(made, 0), rawRight = test::channel(made, 1);
        EXPECT_NEAR(
            test::integratedLufs(left.data(), right.data(), static_cast<int>(left.size()), 48000.0),
            -16.0, 0.5)
            << "bed " << bedDb;
        const auto line = test::eventsOfType(audio, EventType::LineSpoken).at(0);
        const auto from = static_cast<std::size_t>(line.sample);
        const int n = static_cast<int>(program->narration->steps[1][0].lengthFramesAt(48000.0));
        const double voiceGain = test::integratedLufs(&left[from], &right[from], n, 48000.0) -
                                 test::integratedLufs(&rawLeft[from], &rawRight[from], n, 48000.0);
        // The bed alone, 10 s before the line.
        const auto bed = from - 10 * 48000;
        const int bedFrames = 5 * 48000;
        const double bedGain =
            test::integratedLufs(&left[bed], &right[bed], bedFrames, 48000.0) -
            test::integratedLufs(&rawLeft[bed], &rawRight[bed], bedFrames, 48000.0);
        // Equal but for the limiter, which takes a little off the loudest syllables.
        EXPECT_NEAR(voiceGain, bedGain, 0.2) << "bed " << bedDb;
        if (std::string(bedDb) == "-22")  // the voice carries the session: near its own level
            EXPECT_NEAR(test::integratedLufs(&left[from], &right[from], n, 48000.0),
                        NarrationSettings{}.speechLufs + 10.0 * std::log10(2.0), 1.5);
        else  // the bed carries it: both lifted
            EXPECT_GT(voiceGain, 2.0);
    }
}

TEST(Narration, ASecondNarrationComesFromTheCacheAndADamagedEntryIsMadeAgain) {
    TemporaryDirectory cache;
    NarrationSettings settings;
    settings.cacheDirectory = cache.path().string();
    Program first = planned(kVoiceOnly);
    const NarrationReport cold = narrateProgram(first, settings);
    ASSERT_TRUE(cold.ok);
    EXPECT_EQ(cold.cacheHits, 0);
    // Three lines of the flow, and the built-in grounding section's lines.
    EXPECT_GT(cold.linesRendered, 3);

    Program second = planned(kVoiceOnly);
    const NarrationReport warm = narrateProgram(second, settings);
    EXPECT_EQ(warm.linesRendered, 0);
    EXPECT_EQ(warm.cacheHits, cold.linesRendered);
    EXPECT_EQ(second.narration->steps[1][0].clip, first.narration->steps[1][0].clip);

    // Flip one byte of one sample in every entry: each is found damaged and made again.
    int damaged = 0;
    for (const auto& entry : fs::directory_iterator(cache.path())) {
        if (entry.path().extension() != ".clip") continue;  // the trim's lock file
        std::fstream file(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
        file.seekg(-3, std::ios::end);
        const char byte = static_cast<char>(file.get());
        file.seekp(-3, std::ios::end);
        file.put(static_cast<char>(byte ^ 0x5a));
        ++damaged;
    }
    Program third = planned(kVoiceOnly);
    const NarrationReport repaired = narrateProgram(third, settings);
    EXPECT_EQ(repaired.damagedCacheEntries, damaged);
    EXPECT_EQ(repaired.linesRendered, cold.linesRendered);
    EXPECT_EQ(third.narration->steps[1][0].clip, first.narration->steps[1][0].clip);
}

TEST(Narration, AvoidedRegionsAreNeverSpokenAndTheScanStillReadsOn) {
    PlanOptions options;
    options.avoid = {"chest", "throat"};
    auto program = std::make_shared<Program>(planned(R"(title: scan
avoid: [belly]
sections:
  - name: scan
    steps:
      - scan: {regions: [feet, knees, belly, chest, hands, throat, jaw], length: short}
)",
                                                     options));
    ASSERT_TRUE(narrateProgram(*program).ok);
    const auto events = renderProgramEvents(program, {});
    const auto captions = captionsFrom(*program, events, 48000.0);
    ASSERT_EQ(captions.size(), 4u);  // feet, knees, hands, jaw
    for (const auto& caption : captions)
        for (const char* avoided : {"belly", "chest", "throat"})
            EXPECT_EQ(caption.text.find(avoided), std::string::npos) << caption.text;
    EXPECT_EQ(captions[2].text, "Letting that go, you could be curious about your hands.");
    EXPECT_EQ(captions[3].text,
              "Moving on from there, you might let your attention arrive at your jaw.");
}

TEST(Captions, CueTimesAreTheEngineSamplesToTheMillisecond) {
    const auto program = test::programFromText(kVoiceOnly);
    ASSERT_TRUE(program);
    const auto events = renderProgramEvents(program, {});
    const auto captions = captionsFrom(*program, events, 48000.0);
    ASSERT_EQ(captions.size(), 3u);
    const auto lines = [&] {
        std::vector<Event> out;
        for (const auto& e : events)
            if (e.type == EventType::LineSpoken) out.push_back(e);
        return out;
    }();
    for (std::size_t i = 0; i < captions.size(); ++i)
        EXPECT_EQ(captions[i].startFrame, lines[i].sample);

    const std::string vtt = formatCaptions(captions, 48000.0, CaptionFormat::WebVtt);
    ASSERT_EQ(vtt.rfind("WEBVTT\n\n", 0), 0u);
    // The first line starts after the 4 s pause, exactly.
    EXPECT_NE(vtt.find("00:00:04.000 --> "), std::string::npos) << vtt;
    EXPECT_NE(vtt.find("\nYou can let your eyes rest... or keep them open.\n"), std::string::npos);
    const std::string srt = formatCaptions(captions, 48000.0, CaptionFormat::Srt);
    EXPECT_EQ(srt.rfind("1\n00:00:04,000 --> ", 0), 0u) << srt;
    EXPECT_NE(srt.find("\n\n3\n"), std::string::npos);
}

}  // namespace
}  // namespace stillpoint

namespace stillpoint::narration {
namespace {

TEST(SpeechPeaks, NoSampleOverTheCeilingAndNothingChangesAwayFromPeaks) {
    constexpr double kRate = 48000.0;
    std::vector<float> x(48000);
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = 0.1f * static_cast<float>(std::sin(2.0 * 3.14159265358979 * 200.0 *
                                                  static_cast<double>(i) / kRate));
    for (std::size_t i = 24000; i < 24096; ++i) x[i] *= 9.0f;  // a 2 ms burst at 0.9
    const std::vector<float> original = x;
    limitPeaks(x, 0.3f, kRate);
    float peak = 0.0f;
    for (const float s : x) peak = std::max(peak, std::abs(s));
    EXPECT_LE(peak, 0.3f);
    EXPECT_GT(peak, 0.25f);  // limited to the ceiling, not far under it
    // More than two smoothing spans (2 x 5 ms) from the burst: untouched.
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (i + 480 < 24000 || i > 24096 + 480) {
            ASSERT_EQ(x[i], original[i]) << i;
        }
    }
    // The gain glides: from one sample to the next it moves by at most 1/241.
    float largestGainStep = 0.0f;
    for (std::size_t i = 23000; i < 25000; ++i) {
        if (std::abs(original[i]) < 0.01f || std::abs(original[i + 1]) < 0.01f) continue;
        largestGainStep =
            std::max(largestGainStep, std::abs(x[i + 1] / original[i + 1] - x[i] / original[i]));
    }
    EXPECT_LE(largestGainStep, 1.0f / 241.0f + 1e-4f);
}

}  // namespace
}  // namespace stillpoint::narration
