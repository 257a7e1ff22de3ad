// The planned timeline: every section and every spoken line of a program on
// the session clock, as the engine would play it with no live command, so a
// partner can draw section marks and captions ahead of time. It is laid out
// by the engine's own sequencer walking the program silently, so it agrees
// with SessionState to the sample.
//
// The normal flow starts at session sample 0 (fade-in included); the
// grounding section, played only on a Grounding command, is laid out on its
// own clock from 0 (the moment it starts) and marked `grounding`.
//
// Threads: a control thread (it allocates); never the audio thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stillpoint/program.hpp"

namespace stillpoint {

struct TimelineSection {
    int index = 0;  ///< into Program::sections
    std::string name;
    std::int64_t start = 0;   ///< session clock
    std::int64_t length = 0;  ///< to where the next section (or the final fade) begins
    bool grounding = false;   ///< on the grounding section's own clock
};

struct TimelineLine {
    int step = 0;  ///< into Program::steps
    int line = 0;  ///< within the step's lines
    int section = 0;
    std::string caption;     ///< the words, markup removed
    std::int64_t start = 0;  ///< session clock
    /// Where its sound ends (SessionState::lineEnd); a step that begins
    /// before that takes the line off the state there.
    std::int64_t end = 0;
    bool grounding = false;
};

struct SessionTimeline {
    double sampleRate = 0.0;
    std::int64_t lengthFrames = 0;          ///< the normal flow, final fade-out included
    std::vector<TimelineSection> sections;  ///< in order: the flow's, then grounding's
    std::vector<TimelineLine> lines;        ///< in order of start, flow then grounding
};

/// Lay out `program` at `sampleRate`. Lines exist once narration is attached.
SessionTimeline planTimeline(const Program& program, double sampleRate);

/// Length of `program`'s whole session at `sampleRate`, fades included, as
/// planned (no live changes), without laying out its sections and lines.
std::int64_t plannedSessionLength(const Program& program, double sampleRate);

}  // namespace stillpoint
