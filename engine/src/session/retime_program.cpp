#include "stillpoint/program.hpp"

namespace stillpoint {

void retimeProgram(Program& program) {
    // The same layout the planner makes: the flow on one timeline from 0, and
    // grounding on its own clock from 0 (it is only ever reached by a jump).
    double now = 0.0;
    for (std::size_t s = 0; s < program.sections.size(); ++s) {
        auto& section = program.sections[s];
        if (static_cast<int>(s) == program.groundingSection) {
            program.lengthSeconds = now;
            now = 0.0;
        }
        section.startSeconds = now;
        for (int i = section.firstStep; i < section.firstStep + section.stepCount; ++i) {
            auto& step = program.steps[static_cast<std::size_t>(i)];
            step.startSeconds = now;
            now += step.lengthSeconds;
        }
    }
    if (program.groundingSection < 0) program.lengthSeconds = now;
}

}  // namespace stillpoint
