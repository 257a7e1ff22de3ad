// PlanProgress: where a session stands against its plan, from the step the
// engine reported and the time spent in it: what is left (of the normal flow,
// or in grounding of the grounding section alone) and how far into its
// section it is. A held step or a waiting check-in adds nothing to what is
// left; a jump (next, previous, grounding) lands on the plan of where it
// went. The display's reading, not the engine's clock. No JUCE: the plugin's
// editor, the app and the tests share it.
#pragma once

#include "stillpoint/program.hpp"

namespace stillpoint::plugin {

struct PlanProgress {
    double remainingSeconds = 0.0;  ///< to the end of the flow, or of grounding in grounding
    double sectionElapsedSeconds = 0.0;
    double sectionLengthSeconds = 0.0;
    bool grounding = false;  ///< the grounding section plays
};

/// Planned length of `program`'s section `section` (its steps' lengths).
double plannedSectionSeconds(const Program& program, int section);

/// `step` (-1: none yet) has played for `secondsIntoStep`.
PlanProgress planProgress(const Program& program, int step, double secondsIntoStep);

}  // namespace stillpoint::plugin
