// No speech under a fade: a line that starts at a fade boundary (the session's
// start, after Next or Previous, at the switch to grounding) is heard at its
// level from its first syllable. The bound: the first 500 ms of the line, in
// RMS, within 3 dB of the same line where no fade is near.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "played_line.hpp"
#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

constexpr double kRate = 48000.0;
constexpr double kWithinDb = 3.0;
std::int64_t at(double seconds) {
    return std::llround(seconds * kRate);
}

double rmsDb(const float* x, std::int64_t n) {
    double sum = 0.0;
    for (std::int64_t i = 0; i < n; ++i) sum += static_cast<double>(x[i]) * x[i];
    return 10.0 * std::log10(sum / static_cast<double>(n) + 1e-30);
}

/// The first 500 ms of the line that starts at `line`, as heard (left channel).
double openingDb(const std::vector<float>& left, const Event& line) {
    return rmsDb(left.data() + line.sample, at(0.5));
}

/// The first 500 ms of a line as recorded (what a line sounds like where no
/// fade is near), at the level the session plays the voice: its volume and
/// the gain the loudness calibration gave the voice.
double clipOpeningDb(const std::shared_ptr<const Program>& program, const Event& line) {
    const auto& clip =
        program->narration
            ->steps[static_cast<std::size_t>(line.index)][static_cast<std::size_t>(line.value)];
    const auto played = test::playedWords(clip);  // at the 48 kHz the tests render at
    Engine engine;
    engine.load(program);
    engine.prepare({});
    return rmsDb(played.data(), at(0.5)) + program->sound.volumes.voice + engine.voiceGainDb();
}

std::vector<Event> linesSpoken(const RenderedAudio& audio) {
    return eventsOfType(audio, EventType::LineSpoken);
}

const Event* lineAfter(const RenderedAudio& audio, std::int64_t sample) {
    for (const auto& e : audio.events)
        if (e.type == EventType::LineSpoken && e.sample >= sample) return &e;
    return nullptr;
}

// Voice only: every sound is the narration, so the level measured is the voice's.
// Each section opens with the same line that is also said mid-section.
const char* kSameLineEverywhere = R"(title: the same line at every boundary
defaults: {bed: none, tone: none}
sections:
  - name: one
    steps:
      - say: Let the shoulders soften, and the breath settle.
      - pause: 3s
      - say: Let the shoulders soften, and the breath settle.
      - pause: 20s
  - name: two
    steps:
      - say: Let the shoulders soften, and the breath settle.
      - pause: 20s
grounding:
  - say: Let the shoulders soften, and the breath settle.
  - pause: 5s
)";

struct Heard {
    RenderedAudio audio;
    std::vector<float> left;
    double midSessionDb = 0.0;  ///< the line said mid-section, no fade near
};

Heard play(const std::vector<TimedCommand>& commands) {
    const auto program = programFromText(kSameLineEverywhere);
    EXPECT_TRUE(program);
    Heard heard;
    heard.audio = playWithCommands(program, commands);
    heard.left = channel(heard.audio, 0);
    const auto lines = linesSpoken(heard.audio);
    EXPECT_GE(lines.size(), 2u);
    if (lines.size() >= 2) heard.midSessionDb = openingDb(heard.left, lines[1]);
    return heard;
}

TEST(VoiceAtFades, ALineThatOpensTheSessionIsHeardAtItsLevel) {
    const Heard heard = play({});
    const auto lines = linesSpoken(heard.audio);
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[0].sample, 0);  // said under the session's fade-in
    EXPECT_NEAR(openingDb(heard.left, lines[0]), heard.midSessionDb, kWithinDb);
    // The mid-session line is the line as recorded.
    const auto program = programFromText(kSameLineEverywhere);
    EXPECT_NEAR(heard.midSessionDb, clipOpeningDb(program, lines[1]), 0.5);
}

TEST(VoiceAtFades, ALineRightAfterNextIsHeardAtItsLevel) {
    const Heard heard = play({{at(10), {CommandType::NextSection}}});
    const auto* line = lineAfter(heard.audio, at(10));
    ASSERT_TRUE(line);
    EXPECT_EQ(line->index, 4);  // section two's first step, said as the jump fades back in
    EXPECT_NEAR(openingDb(heard.left, *line), heard.midSessionDb, kWithinDb);
    EXPECT_GT(expectSmoothAtEvents(heard.audio, "next"), 0);
}

TEST(VoiceAtFades, ALineRightAfterPreviousIsHeardAtItsLevel) {
    // Well into section two, Previous goes back to its start: its line again.
    const Heard heard =
        play({{at(10), {CommandType::NextSection}}, {at(25), {CommandType::PrevSection}}});
    const auto* line = lineAfter(heard.audio, at(25));
    ASSERT_TRUE(line);
    EXPECT_EQ(line->index, 4);
    EXPECT_NEAR(openingDb(heard.left, *line), heard.midSessionDb, kWithinDb);
    EXPECT_GT(expectSmoothAtEvents(heard.audio, "previous"), 0);
}

TEST(VoiceAtFades, ALineRightAfterTheSwitchToGroundingIsHeardAtItsLevel) {
    // Grounding while a line is being said: that line fades out, grounding's is heard whole.
    const Heard heard = play({{at(1.5), {CommandType::Grounding}}});
    const auto* line = lineAfter(heard.audio, at(1.5));
    ASSERT_TRUE(line);
    EXPECT_EQ(line->index, 6);  // the grounding section's first step
    EXPECT_NEAR(openingDb(heard.left, *line), heard.midSessionDb, kWithinDb);
    EXPECT_GT(expectSmoothAtEvents(heard.audio, "grounding"), 0);
}

TEST(VoiceAtFades, ResumingAfterAPauseBetweenLinesLetsTheNextLineStartAtItsLevel) {
    // Paused in the rest after the second line, resumed; section two's line
    // comes while the resume's fade is still rising for the rest of the mix.
    const auto sectionTwo = linesSpoken(play({}).audio).at(2).sample;
    const Heard heard = play({{sectionTwo - at(2.0), {CommandType::Pause}},
                              {sectionTwo + at(1.0), {CommandType::Resume}}});
    const auto* resumed = lineAfter(heard.audio, sectionTwo);
    ASSERT_TRUE(resumed);
    // Heard half a second into the resume's 1.5 s fade.
    EXPECT_NEAR(static_cast<double>(resumed->sample), static_cast<double>(sectionTwo + at(1.5)),
                64.0);
    EXPECT_NEAR(openingDb(heard.left, *resumed), heard.midSessionDb, kWithinDb);
}

// The shipped sessions that open with a line, and the lines heard after a
// live jump in them, as a listener plays them (calibrated, bed and tone on).
struct AssetCase {
    const char* file;
    std::vector<TimedCommand> commands;
    std::int64_t jumpAt;  ///< the line after this sample is a jump's
};

void expectLinesAtTheirLevel(const AssetCase& c) {
    const std::string path = std::string(STILLPOINT_ASSETS_DIR) + "/" + c.file;
    const auto program = programFromFile(path);
    ASSERT_TRUE(program) << path;
    auto commands = c.commands;
    commands.push_back({c.jumpAt + at(10), {CommandType::Stop}});  // heard enough: a short test
    const auto audio = playWithCommands(program, commands);
    const auto left = channel(audio, 0);
    const auto lines = linesSpoken(audio);
    ASSERT_FALSE(lines.empty()) << path;
    ASSERT_EQ(lines[0].sample, 0) << path;
    EXPECT_NEAR(openingDb(left, lines[0]), clipOpeningDb(program, lines[0]), kWithinDb)
        << path << ": the opening line";
    const auto* jumped = lineAfter(audio, c.jumpAt);
    ASSERT_TRUE(jumped) << path;
    EXPECT_NEAR(openingDb(left, *jumped), clipOpeningDb(program, *jumped), kWithinDb)
        << path << ": the line after the jump, step " << jumped->index;
}

TEST(VoiceAtFades, ExtendedExhaleOpensAndClosesAtTheVoicesLevel) {
    // Next during the breathing: the closing section's line after the jump.
    expectLinesAtTheirLevel(
        {"programs/extended-exhale.yaml", {{at(60), {CommandType::NextSection}}}, at(60)});
}

TEST(VoiceAtFades, ExtendedExhalePreviousReturnsToALineAtItsLevel) {
    // Previous well into the breathing: back to its start (no line there),
    // then Previous again within 5 s: the opening section's first line.
    expectLinesAtTheirLevel(
        {"programs/extended-exhale.yaml",
         {{at(60), {CommandType::PrevSection}}, {at(63), {CommandType::PrevSection}}},
         at(63)});
}

TEST(VoiceAtFades, GroundingSegmentOpensAndGroundsAtTheVoicesLevel) {
    expectLinesAtTheirLevel(
        {"sessions/grounding-segment.yaml", {{at(20), {CommandType::Grounding}}}, at(20)});
}

}  // namespace
}  // namespace stillpoint::test
