// `stillpoint resonance`: the built-in assessment session printed (and
// passing the care checker), a synthetic recording analysed into the table
// and the planted pace, and bad beat files named at their line and column.
#include <cstdio>
#include <sstream>

#include "cli_fixture.hpp"
#include "inhale_onsets.hpp"
#include "session_loader.hpp"
#include "stillpoint/client_profile.hpp"
#include "stillpoint/resonance.hpp"
#include "stillpoint/session_parser.hpp"
#include "stillpoint/synthetic_rr.hpp"

namespace {

using namespace stillpoint;

class ResonanceCli : public Cli {};

/// The beats of a heart resonating at `bpm`, paced through the assessment as
/// it is heard (narrated), written `SECONDS MS` per line.
std::string recordedAssessment(double bpm, std::uint64_t seed) {
    const ParseResult parsed = parseSession(heart::assessmentSessionText(), "assessment.yaml");
    const PlanResult planned = planSession(*parsed.session);
    std::ostringstream log;
    int exitCode = 0;
    const auto heard =
        cli::withNarration(*planned.program, 48000.0, cli::Hearing::Offline, true, log, exitCode);
    EXPECT_NE(heard, nullptr) << log.str();
    heart::SyntheticHeart synthetic;
    synthetic.resonanceBpm = bpm;
    synthetic.seed = seed;
    std::ostringstream text;
    text << "# seconds rr_ms\n";
    for (const heart::Beat& beat :
         heart::syntheticBeats(synthetic, heart::pacedBlocks(*heard), heard->lengthSeconds)) {
        char line[64];
        std::snprintf(line, sizeof line, "%.4f %.1f\n", beat.seconds, beat.rrMs);
        text << line;
    }
    return text.str();
}

TEST_F(ResonanceCli, PrintsTheAssessmentSessionWhichPassesTheCareCheck) {
    const CommandResult printed = run("resonance --print-session");
    ASSERT_EQ(printed.exitCode, 0) << printed.err;
    EXPECT_EQ(printed.out, heart::assessmentSessionText());
    const fs::path session = write("assessment.yaml", printed.out);
    const CommandResult care = run("check --care " + session.string());
    EXPECT_EQ(care.exitCode, 0) << care.out << care.err;
    EXPECT_EQ(care.out, session.string() + ": ok\n");
}

TEST_F(ResonanceCli, FindsThePlantedPaceAndPrintsTheTable) {
    const fs::path beats = write("rr.txt", recordedAssessment(5.0, 11));
    const CommandResult result = run("resonance --heart " + beats.string());
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find(
                  "pace/min  beats  breaths  peak-trough bpm  LF power bpm^2  phase deg  score\n"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("     5.0"), std::string::npos);
    EXPECT_NE(result.out.find("<- resonance\n"), std::string::npos);
    EXPECT_NE(result.out.find("resonance pace: 5.0 breaths/min\n"), std::string::npos)
        << result.out;
    EXPECT_EQ(result.out.rfind("beats: ", 0), 0u);
}

/// One `pace: resonance` step of 36 s: three breaths at 5/min.
const char* kResonanceStep = R"(title: heart
sections:
  - name: only
    steps:
      - breathe: {pattern: coherent, pace: resonance, duration: 36s}
)";

TEST_F(ResonanceCli, SavesThePaceToAProfileWhichARenderThenBreathes) {
    const fs::path beats = write("rr.txt", recordedAssessment(5.0, 11));
    const fs::path profile =
        write("ana.json", "{\"name\": \"Ana\", \"resonance\": 6.5, \"layers\": {\"bed\": -6}}");
    const CommandResult found =
        run("resonance --heart " + beats.string() + " --save-profile " + profile.string());
    ASSERT_EQ(found.exitCode, 0) << found.err;
    EXPECT_NE(
        found.out.find("resonance pace: 5.0 breaths/min\nsaved to " + profile.string() + "\n"),
        std::string::npos)
        << found.out;
    const ProfileResult saved = loadProfile(profile.string());
    ASSERT_EQ(saved.error, "");
    EXPECT_EQ(saved.profile.resonanceBpm, 5.0);
    EXPECT_EQ(saved.profile.name, "Ana");           // kept
    EXPECT_EQ(saved.profile.layerTrimDb[1], -6.0);  // kept

    // The render breathes the profile's pace: 12 s breaths.
    const fs::path session = write("heart.yaml", kResonanceStep);
    const fs::path wav = dir_ / "heart.wav";
    const CommandResult rendered =
        run("render " + session.string() + " -o " + wav.string() + " --profile " +
            profile.string() + " --channels 1 --haptic-channel lra --quiet");
    ASSERT_EQ(rendered.exitCode, 0) << rendered.err;
    const std::vector<double> onsets = inhaleOnsets(wav, 1);
    ASSERT_EQ(onsets.size(), 3u);
    EXPECT_NEAR(onsets[2] - onsets[1], 12.0, 0.03);
}

TEST_F(ResonanceCli, ABrokenProfileIsNamedBeforeTheAnalysisAndKept) {
    const fs::path beats = write("rr.txt", "1000\n1000\n");
    const std::string text = "{\n  \"name\": \"Ana\",\n  \"resonance\": 9\n}\n";
    const fs::path profile = write("ana.json", text);
    const CommandResult result =
        run("resonance --heart " + beats.string() + " --save-profile " + profile.string());
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.err, profile.string() +
                              ":3:3: error: \"resonance\" is 9; use 0 (none) or 4.5 to 7 "
                              "breaths/min (`stillpoint resonance` finds it)\n");
    EXPECT_EQ(slurp(profile), text);
}

TEST_F(ResonanceCli, ARenderOrPlayRefusesABrokenProfileAtItsLine) {
    const fs::path session = write("heart.yaml", kResonanceStep);
    const fs::path profile = write("ana.json", "{\"resonance\": \"slow\"}");
    const std::string named = profile.string() +
                              ":1:2: error: \"resonance\" must be a number; use 0 (none) or 4.5 "
                              "to 7 breaths/min (`stillpoint resonance` finds it)\n";
    const CommandResult render = run("render " + session.string() + " -o " +
                                     (dir_ / "x.wav").string() + " --profile " + profile.string());
    EXPECT_EQ(render.exitCode, 2);
    EXPECT_EQ(render.err, "stillpoint render: " + named);
    const CommandResult play = run("play " + session.string() + " --profile " + profile.string());
    EXPECT_EQ(play.exitCode, 2);
    EXPECT_EQ(play.err, "stillpoint play: " + named);
    EXPECT_FALSE(fs::exists(dir_ / "x.wav"));
}

TEST_F(ResonanceCli, NamesABadBeatLine) {
    const fs::path beats = write("rr.txt", "812\n800\n8l2\n");
    const CommandResult result = run("resonance --heart " + beats.string());
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.err, beats.string() +
                              ":3:1: '8l2' is not a number; write the RR interval in "
                              "ms, e.g. 812\n");
}

TEST_F(ResonanceCli, SaysWhenTheRecordingIsTooShort) {
    const fs::path beats = write("rr.txt", "1000\n1000\n1000\n");
    const CommandResult result = run("resonance --heart " + beats.string());
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.err, beats.string() +
                              ": no pace has 60 s of clean beats; check that the "
                              "recording starts with the assessment session and that "
                              "the strap kept contact\n");
    EXPECT_NE(result.out.find("(too few clean beats)"), std::string::npos);
}

TEST_F(ResonanceCli, NeedsHeartOrPrintSession) {
    const CommandResult result = run("resonance");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("stillpoint resonance: give --heart FILE, or --print-session\n", 0),
              0u);
    EXPECT_EQ(run("resonance --heart /nonexistent/rr.txt").exitCode, 3);
}

TEST_F(ResonanceCli, ResonanceOptionGivesPaceResonanceItsPace) {
    const fs::path session = write("r.yaml",
                                   "title: R\nsections:\n  - name: One\n    steps:\n"
                                   "      - breathe: {duration: 1m, pace: resonance}\n");
    const CommandResult without = run("info " + session.string());
    EXPECT_EQ(without.exitCode, 1);
    EXPECT_EQ(without.err,
              session.string() +
                  ":5:39: error: pace: resonance needs the listener's resonance pace; give it "
                  "with --resonance BPM (found by `stillpoint resonance`) or a client "
                  "profile, or write a number, e.g. pace: 5.5\n");
    const CommandResult with = run("info " + session.string() + " --resonance 5.5");
    EXPECT_EQ(with.exitCode, 0) << with.err;
    EXPECT_NE(with.out.find("breathe resonance, 6 breaths at 5.5/min"), std::string::npos)
        << with.out;
    for (const char* bad : {"9", "4.4", "fast", ""}) {
        const CommandResult refused =
            run("info " + session.string() + " --resonance '" + bad + "'");
        EXPECT_EQ(refused.exitCode, 2) << bad;
        EXPECT_EQ(refused.err,
                  "stillpoint: --resonance takes a pace from 4.5 to 7 breaths/min, e.g. "
                  "--resonance 5.5\n");
    }
}

}  // namespace
