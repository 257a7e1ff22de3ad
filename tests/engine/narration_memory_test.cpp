// Narration's memory is bounded: a line keeps 16-bit samples at its
// synthesiser's own rate, never zeros for its rests, and a render narrates
// only the lines it can play (the grounding section answers a live command).
#include <gtest/gtest.h>

#include <filesystem>

#include "stillpoint/narration.hpp"
#include "stillpoint/session_parser.hpp"
#include "temporary_directory.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;
using test::TemporaryDirectory;

Program plannedAsset(const std::string& name) {
    auto parsed = loadSessionFile(std::string(STILLPOINT_ASSETS_DIR) + "/sessions/" + name);
    EXPECT_TRUE(parsed.session) << name;
    if (!parsed.session) return {};
    auto planned = planSession(*parsed.session);
    EXPECT_TRUE(planned.program) << name;
    return planned.program ? std::move(*planned.program) : Program{};
}

/// Lines the steps in [from, to) speak.
int linesOf(const Program& program, int from, int to) {
    int lines = 0;
    for (int i = from; i < to; ++i) {
        const PlannedStep& step = program.steps[static_cast<std::size_t>(i)];
        if (step.kind != StepKind::Pause && step.kind != StepKind::Bell)
            lines += static_cast<int>(step.lines.size());
    }
    return lines;
}

int cacheEntries(const fs::path& folder) {
    int entries = 0;
    for (const auto& entry : fs::directory_iterator(folder))
        entries += entry.path().extension() == ".clip";
    return entries;
}

TEST(NarrationMemory, TheLongestBodyScanKeepsItsVoiceInUnderTwentyMegabytes) {
    Program program = plannedAsset("body-scan-45.yaml");
    ASSERT_FALSE(program.steps.empty());
    NarrationSettings settings;  // the shared test cache: synthesised once per build folder
    settings.narrateGrounding = false;
    const NarrationReport report = narrateProgram(program, settings);
    ASSERT_TRUE(report.ok) << report.error;
    // Some nine and a half minutes of words in a 45-minute session: as
    // 48 kHz floats they took 110 MB; at flite's 16 kHz in 16 bits, a sixth
    // of that (17.5 MB).
    std::size_t words = 0;
    for (const auto& lines : program.narration->steps)
        for (const SpokenLine& line : lines) {
            EXPECT_EQ(line.clip.sampleRate, 16000.0) << line.caption;
            words += line.clip.samples.size();
        }
    EXPECT_GT(static_cast<double>(words) / 16000.0, 8 * 60.0);
    EXPECT_LT(program.narration->clipBytes(), std::size_t{20} << 20);
}

TEST(NarrationMemory, ARenderNeverSynthesisesTheGroundingSectionsLines) {
    // A short flow, and the built-in grounding section (seven lines) for a live command.
    const char* text = R"(title: grounding left out
defaults: {bed: none}
sections:
  - name: one
    steps:
      - say: Settle in.
      - say: Notice your breath.
)";
    auto parsed = parseSession(text, "grounding.yaml");
    ASSERT_TRUE(parsed.session);
    Program offline = std::move(*planSession(*parsed.session).program);
    ASSERT_GE(offline.groundingSection, 0);
    const int flow = offline.flowStepCount();
    const int flowLines = linesOf(offline, 0, flow);
    const int groundingLines = linesOf(offline, flow, static_cast<int>(offline.steps.size()));
    ASSERT_EQ(flowLines, 2);
    ASSERT_GT(groundingLines, 0);

    const TemporaryDirectory cache;
    NarrationSettings settings;
    settings.cacheDirectory = cache.path().string();
    settings.narrateGrounding = false;
    const NarrationReport rendered = narrateProgram(offline, settings);
    ASSERT_TRUE(rendered.ok) << rendered.error;
    // Synthesised: the flow's two lines, and nothing else went into the cache.
    EXPECT_EQ(rendered.linesRendered, flowLines);
    EXPECT_EQ(cacheEntries(cache.path()), flowLines);
    for (std::size_t i = static_cast<std::size_t>(flow); i < offline.steps.size(); ++i)
        EXPECT_TRUE(offline.narration->steps[i].empty()) << "grounding step " << i;

    // Live, the grounding's lines are made too, after the flow's (from the cache).
    Program live = std::move(*planSession(*parsed.session).program);
    settings.narrateGrounding = true;
    const NarrationReport played = narrateProgram(live, settings);
    ASSERT_TRUE(played.ok) << played.error;
    EXPECT_EQ(played.cacheHits, flowLines);
    EXPECT_EQ(played.linesRendered, groundingLines);
    EXPECT_EQ(cacheEntries(cache.path()), flowLines + groundingLines);
    int spoken = 0;
    for (std::size_t i = static_cast<std::size_t>(flow); i < live.steps.size(); ++i)
        spoken += static_cast<int>(live.narration->steps[i].size());
    EXPECT_EQ(spoken, groundingLines);
}

}  // namespace
}  // namespace stillpoint
