// The resonance assessment against synthetic hearts whose resonance pace is
// planted: 200 seeded traces (noise, ectopic beats, missed beats, dropouts),
// paced through the built-in assessment session as planned.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "stillpoint/program.hpp"
#include "stillpoint/resonance.hpp"
#include "stillpoint/session_parser.hpp"
#include "stillpoint/synthetic_rr.hpp"

namespace stillpoint::heart {
namespace {

Program assessmentProgram() {
    const ParseResult parsed = parseSession(assessmentSessionText(), "resonance-assessment.yaml");
    EXPECT_TRUE(parsed.session.has_value());
    PlanResult planned = planSession(*parsed.session);
    EXPECT_TRUE(planned.program.has_value());
    return *planned.program;
}

TEST(ResonanceAssessment, TheBuiltInSessionPacesEachRateForTwoMinutes) {
    const Program program = assessmentProgram();
    const std::vector<PaceBlock> blocks = pacedBlocks(program);
    ASSERT_EQ(blocks.size(), std::size(kAssessmentPaces));
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        EXPECT_DOUBLE_EQ(blocks[i].bpm, kAssessmentPaces[i]);
        EXPECT_NEAR(blocks[i].endSeconds - blocks[i].startSeconds, 120.0, 60.0 / blocks[i].bpm);
        EXPECT_DOUBLE_EQ(blocks[i].inhaleEndFraction, 0.5);  // the resonance pattern: in = out
        if (i > 0) {
            EXPECT_GE(blocks[i].startSeconds - blocks[i - 1].endSeconds, 50.0);  // a rest
        }
    }
}

TEST(ResonanceAssessment, FindsThePlantedRateInAtLeast95PercentOf200Traces) {
    const Program program = assessmentProgram();
    const std::vector<PaceBlock> blocks = pacedBlocks(program);
    std::mt19937_64 plant(2026);
    std::uniform_real_distribution<double> planted(4.5, 6.5);
    int found = 0;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        SyntheticHeart heart;
        heart.seed = seed;
        heart.resonanceBpm = planted(plant);
        const ResonanceResult result =
            analyseResonance(syntheticBeats(heart, blocks, program.lengthSeconds), blocks);
        ASSERT_GE(result.chosen, 0) << result.error;
        if (std::abs(result.resonanceBpm - heart.resonanceBpm) <= 0.5) ++found;
    }
    RecordProperty("found_of_200", found);
    EXPECT_GE(found, 190) << found << " of 200 within 0.5/min";
}

TEST(ResonanceAssessment, ReportsEachPacesFiguresAndTheArtefactsRefused) {
    const Program program = assessmentProgram();
    const std::vector<PaceBlock> blocks = pacedBlocks(program);
    SyntheticHeart heart;
    heart.resonanceBpm = 5.0;
    heart.seed = 7;
    heart.ectopicPerBeat = 0.02;
    const ResonanceResult result =
        analyseResonance(syntheticBeats(heart, blocks, program.lengthSeconds), blocks);
    ASSERT_EQ(result.paces.size(), 5u);
    EXPECT_DOUBLE_EQ(result.resonanceBpm, 5.0);
    const PaceFigures& best = result.paces[3];
    const PaceFigures& far = result.paces[0];  // 6.5/min, 1.5/min from resonance
    EXPECT_TRUE(best.measured);
    EXPECT_GT(best.peakToTroughBpm, 1.5 * far.peakToTroughBpm);
    EXPECT_GT(best.lowFrequencyPower, 2.0 * far.lowFrequencyPower);
    EXPECT_LT(std::abs(best.phaseDegrees), 30.0);  // in step at resonance
    EXPECT_LT(far.phaseDegrees, -45.0);            // lagging when faster than resonance
    EXPECT_GE(best.breaths, 8);
    // Each ectopic beat is two refused intervals.
    EXPECT_GT(result.counts.jumps, 20u);
    EXPECT_GT(result.counts.accepted, 900u);
}

TEST(ResonanceAssessment, SaysWhyWhenNoPaceHasEnoughBeats) {
    const Program program = assessmentProgram();
    const std::vector<PaceBlock> blocks = pacedBlocks(program);
    const std::vector<Beat> oneMinute = steadyBreathingBeats(SyntheticHeart{}, 6.0, 60.0);
    const ResonanceResult result = analyseResonance(oneMinute, blocks);
    EXPECT_EQ(result.chosen, -1);
    EXPECT_EQ(result.error,
              "no pace has 60 s of clean beats; check that the recording starts with "
              "the assessment session and that the strap kept contact");
}

}  // namespace
}  // namespace stillpoint::heart
