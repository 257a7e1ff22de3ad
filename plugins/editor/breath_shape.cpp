#include "editor/breath_shape.hpp"

#include <algorithm>

namespace stillpoint::plugin {

BreathShape breathShapeNow(const Program* program, const PlaybackDisplay& display) {
    BreathShape shape;
    const int step = display.step.load();
    const int phase = display.phase.load();
    if (!program || step < 0 || step >= static_cast<int>(program->steps.size()) || phase < 0)
        return shape;
    const auto& planned = program->steps[static_cast<std::size_t>(step)];
    if (planned.kind != StepKind::Breathe || planned.pattern < 0) return shape;
    // The pattern the listener chose, or the step's own.
    const int chosen = display.pattern.load();
    const bool isChosen = chosen > 0 && chosen <= static_cast<int>(breathPresets().size());
    const auto& pattern = isChosen ? breathPresets()[static_cast<std::size_t>(chosen - 1)]
                                   : program->patterns[static_cast<std::size_t>(planned.pattern)];
    if (pattern.segments.empty()) return shape;

    std::size_t index = 0;
    while (index < pattern.segments.size() &&
           static_cast<int>(pattern.segments[index].phase) != phase)
        ++index;
    if (index == pattern.segments.size()) return shape;
    const auto& segment = pattern.segments[index];
    const float from =
        pattern.segments[index == 0 ? pattern.segments.size() - 1 : index - 1].endFullness;
    const double own = isChosen ? pattern.breathsPerMinute() : planned.paceBpm;
    const double pace = display.paceBpm.load() > 0.0 ? display.paceBpm.load() : own;
    const double seconds = segment.seconds * (pace > 0.0 ? pattern.breathsPerMinute() / pace : 1.0);
    const double elapsed =
        static_cast<double>(display.position.load() - display.phaseStart.load()) /
        display.sampleRate.load();
    const double t = seconds > 0.0 ? std::clamp(elapsed / seconds, 0.0, 1.0) : 1.0;
    const double eased = t * t * (3.0 - 2.0 * t);
    shape.fullness = static_cast<float>(from + (segment.endFullness - from) * eased);
    shape.phase = phase;
    return shape;
}

}  // namespace stillpoint::plugin
