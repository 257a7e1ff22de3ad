// Good session files read back into the model exactly as written.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

Session loadGood(const std::string& name) {
    const std::string path =
        (std::filesystem::path(STILLPOINT_TEST_DATA_DIR) / "good" / name).string();
    ParseResult result = loadSessionFile(path);
    for (const Diagnostic& d : result.diagnostics) ADD_FAILURE() << d.format();
    if (!result.session) throw std::runtime_error("cannot read " + path);
    EXPECT_EQ(result.session->sourcePath, path);
    return std::move(*result.session);
}

template <class T>
const T& stepAs(const Session& session, std::size_t section, std::size_t step) {
    return std::get<T>(session.sections.at(section).steps.at(step).body);
}

class FullSession : public testing::Test {
  protected:
    static void SetUpTestSuite() { session_ = new Session(loadGood("full.yaml")); }
    static void TearDownTestSuite() { delete session_; }
    static const Session& session() { return *session_; }

  private:
    static inline Session* session_ = nullptr;
};

TEST_F(FullSession, TopLevelKeys) {
    EXPECT_EQ(session().title, "Every step, every form");
    EXPECT_EQ(session().description,
              "A reference session: the parser tests read it back key by key.");
    EXPECT_EQ(session().avoid, std::vector<std::string>{"throat"});
    ASSERT_EQ(session().sections.size(), 3u);
    EXPECT_EQ(session().sections[0].name, "Arriving");
    EXPECT_EQ(session().sections[1].name, "Breathing");
    EXPECT_EQ(session().sections[2].name, "Scanning");
    EXPECT_EQ(session().sections[0].pos.line, 21);
    EXPECT_EQ(session().sections[0].pos.column, 5);
}

TEST_F(FullSession, Defaults) {
    const SoundSettings& sound = session().defaults;
    EXPECT_EQ(sound.pattern, "calm-4-6");
    EXPECT_EQ(sound.tone, ToneTimbre::Wave);
    EXPECT_EQ(sound.bed, BedKind::Brown);
    ASSERT_TRUE(sound.binaural);
    EXPECT_DOUBLE_EQ(sound.binaural->carrierHz, 210.0);
    EXPECT_DOUBLE_EQ(sound.binaural->beatHz, 5.0);
    ASSERT_TRUE(sound.isochronic);
    EXPECT_DOUBLE_EQ(sound.isochronic->carrierHz, 160.0);
    EXPECT_DOUBLE_EQ(sound.isochronic->rateHz, 4.5);
    EXPECT_DOUBLE_EQ(sound.volumes.tone, -9.0);
    EXPECT_DOUBLE_EQ(sound.volumes.bed, -20.0);
    EXPECT_DOUBLE_EQ(sound.volumes.bells, -10.0);
    EXPECT_DOUBLE_EQ(sound.volumes.voice, -1.0);
    EXPECT_DOUBLE_EQ(sound.volumes.binaural, -30.0);
    EXPECT_DOUBLE_EQ(sound.volumes.isochronic, -28.0);
}

TEST_F(FullSession, PatternsAreBuiltWithMakePattern) {
    ASSERT_EQ(session().patterns.size(), 3u);
    const BreathPattern& calm = session().patterns[0];
    EXPECT_EQ(calm.name, "calm-4-6");
    ASSERT_EQ(calm.segments.size(), 2u);
    EXPECT_DOUBLE_EQ(calm.segments[0].seconds, 4.0);
    EXPECT_DOUBLE_EQ(calm.segments[1].seconds, 6.0);

    const BreathPattern& sigh = session().patterns[1];
    const BreathPattern expectedSigh = makePattern("long-sigh", 2.5, 0, 7, 0, 1);
    ASSERT_EQ(sigh.segments.size(), expectedSigh.segments.size());
    for (std::size_t i = 0; i < sigh.segments.size(); ++i) {
        EXPECT_EQ(sigh.segments[i].phase, expectedSigh.segments[i].phase);
        EXPECT_DOUBLE_EQ(sigh.segments[i].seconds, expectedSigh.segments[i].seconds);
    }
    EXPECT_DOUBLE_EQ(session().patterns[2].cycleSeconds(), 16.0);
    EXPECT_EQ(session().patterns[2].segments.size(), 4u);
}

TEST_F(FullSession, BellsInEveryForm) {
    EXPECT_EQ(stepAs<BellStep>(session(), 0, 0).kind, BellKind::Bowl);
    EXPECT_DOUBLE_EQ(stepAs<BellStep>(session(), 0, 0).ringSeconds, 8.0);
    EXPECT_EQ(stepAs<BellStep>(session(), 0, 1).kind, BellKind::Chime);
    EXPECT_DOUBLE_EQ(stepAs<BellStep>(session(), 0, 1).ringSeconds, 12.0);
    EXPECT_EQ(stepAs<BellStep>(session(), 0, 2).kind, BellKind::Bowl);  // `bell:` alone
}

TEST_F(FullSession, SayPauseAndCheckin) {
    EXPECT_EQ(stepAs<SayStep>(session(), 0, 3).text, "Welcome. You might let your eyes rest.");
    EXPECT_EQ(stepAs<SayStep>(session(), 0, 3).id, "");
    EXPECT_EQ(stepAs<SayStep>(session(), 0, 4).text, "Notice the room around you.");
    EXPECT_EQ(stepAs<SayStep>(session(), 0, 4).id, "intro-2");
    EXPECT_DOUBLE_EQ(stepAs<PauseStep>(session(), 0, 5).seconds, 5.0);
    EXPECT_EQ(stepAs<CheckinStep>(session(), 0, 6).prompt, "How is this feeling for you?");
    EXPECT_DOUBLE_EQ(stepAs<CheckinStep>(session(), 0, 6).waitSeconds, 15.0);
    EXPECT_EQ(stepAs<CheckinStep>(session(), 0, 7).prompt, "Would you like to continue?");
    EXPECT_DOUBLE_EQ(stepAs<CheckinStep>(session(), 0, 7).waitSeconds, 20.0);
}

TEST_F(FullSession, StepsKnowWhereTheyAreWritten) {
    const Step& firstBell = session().sections[0].steps[0];
    EXPECT_EQ(firstBell.pos.line, 23);
    EXPECT_EQ(firstBell.pos.column, 9);
}

TEST_F(FullSession, BreatheSteps) {
    const auto& resonance = stepAs<BreatheStep>(session(), 1, 0);
    EXPECT_EQ(resonance.pattern, "resonance");
    EXPECT_EQ(resonance.cycles, 6);
    EXPECT_FALSE(resonance.durationSeconds);
    EXPECT_EQ(resonance.tone, ToneTimbre::Pad);

    const auto& glide = stepAs<BreatheStep>(session(), 1, 1);
    EXPECT_EQ(glide.pattern, "coherent");
    EXPECT_FALSE(glide.cycles);
    EXPECT_EQ(glide.durationSeconds, 180.0);
    ASSERT_TRUE(glide.ramp);
    EXPECT_DOUBLE_EQ(glide.ramp->fromBpm, 12.0);
    EXPECT_DOUBLE_EQ(glide.ramp->toBpm, 6.0);
    EXPECT_DOUBLE_EQ(glide.ramp->overSeconds, 120.0);
    EXPECT_FALSE(glide.tone);

    const auto& paced = stepAs<BreatheStep>(session(), 1, 2);
    EXPECT_EQ(paced.paceBpm, 4.0);
    EXPECT_EQ(paced.cycles, 4);

    EXPECT_EQ(stepAs<BreatheStep>(session(), 1, 3).pattern,
              "");  // the default, resolved when planning

    const auto& wholeStepRamp = stepAs<BreatheStep>(session(), 1, 4);
    ASSERT_TRUE(wholeStepRamp.ramp);
    EXPECT_DOUBLE_EQ(wholeStepRamp.ramp->overSeconds, 0.0);
}

TEST_F(FullSession, ScansByListAndByDirection) {
    const auto& listed = stepAs<ScanStep>(session(), 2, 0);
    EXPECT_EQ(listed.regions, (std::vector<std::string>{"feet", "knees", "belly"}));
    EXPECT_EQ(listed.length, ScanLength::Short);

    const auto& down = stepAs<ScanStep>(session(), 2, 1);
    std::vector<std::string> crownToFeet(wholeBodyScanRegions().rbegin(),
                                         wholeBodyScanRegions().rend());
    EXPECT_EQ(down.regions, crownToFeet);
    EXPECT_EQ(down.length, ScanLength::Long);

    const auto& up = stepAs<ScanStep>(session(), 2, 2);
    EXPECT_EQ(up.regions, wholeBodyScanRegions());
    EXPECT_EQ(std::count(up.regions.begin(), up.regions.end(), "pelvis"), 0);  // only when listed
    EXPECT_EQ(up.length, ScanLength::Standard);
}

TEST(GoodFiles, EveryDurationSyntax) {
    const Session session = loadGood("durations.yaml");
    const std::vector<double> pauses = {90, 2.5, 90, 2.5, 180, 90, 90, 3600, 45};
    const auto& steps = session.sections.at(0).steps;
    ASSERT_EQ(steps.size(), pauses.size());
    for (std::size_t i = 0; i < steps.size(); ++i)
        EXPECT_DOUBLE_EQ(std::get<PauseStep>(steps[i].body).seconds, pauses[i]) << "step " << i;

    const std::vector<double> breaths = {3900, 3723, 8 * 3600};
    const auto& hours = session.sections.at(1).steps;
    ASSERT_EQ(hours.size(), breaths.size());
    for (std::size_t i = 0; i < hours.size(); ++i)
        EXPECT_DOUBLE_EQ(std::get<BreatheStep>(hours[i].body).durationSeconds.value_or(0.0),
                         breaths[i])
            << "step " << i;
}

TEST(GoodFiles, MinimalSessionTakesTheDefaults) {
    const Session session = loadGood("minimal.yaml");
    EXPECT_EQ(session.title, "Minimal");
    EXPECT_EQ(session.defaults.pattern, "resonance");
    EXPECT_EQ(session.defaults.tone, ToneTimbre::Pad);
    EXPECT_EQ(session.defaults.bed, BedKind::Pink);
    EXPECT_FALSE(session.defaults.binaural);
    EXPECT_FALSE(session.defaults.isochronic);
    EXPECT_DOUBLE_EQ(session.defaults.volumes.bed, -18.0);
    EXPECT_TRUE(session.patterns.empty());
    EXPECT_TRUE(session.avoid.empty());
}

TEST(GoodFiles, TextBeyondAsciiIsKeptWhole) {
    const Session session = loadGood("unicode.yaml");
    EXPECT_EQ(session.title, "Ruhe – atmen 🌿");
    EXPECT_EQ(std::get<SayStep>(session.sections[0].steps[0].body).text,
              "Willkommen. Atme ruhig … und lass los.");
}

TEST(GoodFiles, ColumnsCountCharactersNotBytes) {
    // "ä" and "🌿" are several bytes each; the error column is where an editor shows it.
    const ParseResult result =
        parseSession("title: Ä 🌿 x\nsections: [{name: Ä, steps: [{pawse: 1}]}]\n", "u.yaml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, 2);
    EXPECT_EQ(result.diagnostics[0].column, 31);
}

TEST(GoodFiles, AByteOrderMarkIsSkippedAndDoesNotShiftColumns) {
    const ParseResult result = parseSession(
        "\xEF\xBB\xBFtitle: [a]\nsections: [{name: a, steps: [{pause: 1}]}]\n", "bom.yaml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, 1);
    EXPECT_EQ(result.diagnostics[0].column, 8);
    EXPECT_TRUE(
        parseSession("\xEF\xBB\xBFtitle: t\nsections: [{name: a, steps: [{pause: 1}]}]\n", "b")
            .session);
}

TEST(GoodFiles, WindowsLineEndsAreFine) {
    const ParseResult result = parseSession(
        "title: x\r\nsections:\r\n  - name: a\r\n    steps:\r\n      - pawse: 1\r\n", "crlf.yaml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, 5);
    EXPECT_EQ(result.diagnostics[0].column, 9);
}

TEST(GoodFiles, ASessionPatternNamedLikeAPresetIsAWarning) {
    const ParseResult result = parseSession(
        "title: Own box\npatterns:\n  box: {inhale: 3, hold_in: 3, exhale: 3, hold_out: 3}\n"
        "sections:\n  - name: One\n    steps:\n      - breathe: {pattern: box, cycles: 2}\n",
        "box.yaml");
    ASSERT_TRUE(result.session);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].severity, Severity::Warning);
    EXPECT_EQ(result.diagnostics[0].line, 3);
    EXPECT_EQ(result.diagnostics[0].column, 3);
    EXPECT_NE(result.diagnostics[0].message.find("replaces the preset"), std::string::npos);
}

TEST(GoodFiles, BinauralAndIsochronicCanBeSwitchedOff) {
    const ParseResult result = parseSession(
        "title: Quiet\ndefaults: {binaural: off, isochronic: off}\n"
        "sections: [{name: One, steps: [{pause: 1}]}]\n",
        "quiet.yaml");
    ASSERT_TRUE(result.session);
    EXPECT_FALSE(result.session->defaults.binaural);
    EXPECT_FALSE(result.session->defaults.isochronic);
}

}  // namespace
}  // namespace stillpoint
