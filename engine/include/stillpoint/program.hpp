// Program: a planned session, ready for the sequencer.
//
// The Planner resolves names (patterns, defaults), turns `duration` into whole
// breath cycles, estimates spoken lengths and lays out the timeline. It runs
// off the audio thread and may allocate; the Program it returns is immutable
// and the sequencer only reads it.
#pragma once

#include <string>
#include <vector>

#include "stillpoint/diagnostic.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint {

enum class StepKind : unsigned char { Breathe, Pause, Bell, Say, Scan, Checkin };
std::string_view toString(StepKind kind);

struct PlannedStep {
    StepKind kind = StepKind::Pause;
    int section = 0;   ///< index into Program::sections
    SourcePos pos;     ///< where the step is written
    double startSeconds = 0.0;   ///< planned start
    double lengthSeconds = 0.0;  ///< planned length (breathe: exact at any rate, see cycles)

    // Breathe
    int pattern = -1;       ///< index into Program::patterns
    int cycles = 0;         ///< whole breath cycles the step runs
    double paceBpm = 0.0;   ///< starting pace
    double rampToBpm = 0.0; ///< pace at the end of the glide (== paceBpm: no glide)
    double rampSeconds = 0.0;
    ToneTimbre tone = ToneTimbre::None;

    // Bell
    BellKind bell = BellKind::Bowl;

    // Say, Scan (one planned line per region), Checkin (prompt)
    std::vector<std::string> lines;  ///< the words to speak, in order
};

struct PlannedSection {
    std::string name;
    int firstStep = 0;
    int stepCount = 0;
    double startSeconds = 0.0;
};

struct Program {
    std::string title;
    std::string sourcePath;
    SoundSettings sound;
    std::vector<BreathPattern> patterns;
    std::vector<PlannedSection> sections;
    std::vector<PlannedStep> steps;
    double lengthSeconds = 0.0;  ///< all steps of the normal flow, without the fade-out tail
    /// A section played only on a Grounding command, after the normal flow's
    /// steps (so it is always the last section); -1 when there is none.
    int groundingSection = -1;
    /// Steps of the normal flow: all of them, or those before the grounding section.
    int flowStepCount() const {
        return groundingSection < 0 ? static_cast<int>(steps.size())
                                    : sections[static_cast<std::size_t>(groundingSection)].firstStep;
    }
    /// Steps whose audio is planned but not yet produced (e.g. `say` before
    /// narration exists): rendered as silence of the planned length.
    std::vector<int> silentSpeechSteps;
};

struct PlanOptions {
    std::vector<std::string> avoid;  ///< extra body regions to leave out
};

struct PlanResult {
    std::optional<Program> program;
    Diagnostics diagnostics;
};

PlanResult planSession(const Session& session, const PlanOptions& options = {});

/// Estimated spoken length of `text` at meditation pace (about 2 words/s,
/// longer pauses at sentence ends and `...`).
double estimateSpeechSeconds(std::string_view text);

}  // namespace stillpoint
