#include "plan_progress.hpp"

#include <algorithm>

namespace stillpoint::plugin {

double plannedSectionSeconds(const Program& program, int section) {
    if (section < 0 || section >= static_cast<int>(program.sections.size())) return 0.0;
    const auto& planned = program.sections[static_cast<std::size_t>(section)];
    double seconds = 0.0;
    for (int i = 0; i < planned.stepCount; ++i) {
        const auto index = static_cast<std::size_t>(planned.firstStep + i);
        if (index < program.steps.size()) seconds += program.steps[index].lengthSeconds;
    }
    return seconds;
}

PlanProgress planProgress(const Program& program, int step, double secondsIntoStep) {
    PlanProgress progress;
    if (step < 0 || step >= static_cast<int>(program.steps.size())) {
        progress.remainingSeconds = program.lengthSeconds;
        if (!program.sections.empty())
            progress.sectionLengthSeconds = plannedSectionSeconds(program, 0);
        return progress;
    }
    const auto& planned = program.steps[static_cast<std::size_t>(step)];
    const auto& section = program.sections[static_cast<std::size_t>(planned.section)];
    progress.grounding = planned.section == program.groundingSection;
    progress.sectionLengthSeconds = plannedSectionSeconds(program, planned.section);
    const double into = std::clamp(secondsIntoStep, 0.0, planned.lengthSeconds);
    progress.sectionElapsedSeconds = planned.startSeconds - section.startSeconds + into;
    // The flow ends at lengthSeconds; grounding, played after it, at its own end.
    const double end = progress.grounding ? section.startSeconds + progress.sectionLengthSeconds
                                          : program.lengthSeconds;
    progress.remainingSeconds = std::max(0.0, end - planned.startSeconds - into);
    return progress;
}

}  // namespace stillpoint::plugin
