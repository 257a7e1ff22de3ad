#include "processor/control_state.hpp"

namespace stillpoint::plugin {
namespace {

void cue(ControlState& state) noexcept {
    state.timeline = 0;
    state.timelineRuns = false;
    state.waitsForStart = true;
    state.cued = true;
    state.pauseAsked = false;
}

}  // namespace

std::optional<Command> applyControl(const ProcessorControl& control, ControlState& state,
                                    bool finished) noexcept {
    switch (control.type) {
        case ControlType::Play:
            if (finished) cue(state);
            state.timelineRuns = true;
            if (state.pauseAsked) {
                state.pauseAsked = false;
                return Command{CommandType::Resume, 0, 0.0};
            }
            return std::nullopt;
        case ControlType::Pause:
            if (!state.timelineRuns || state.pauseAsked || finished) return std::nullopt;
            state.pauseAsked = true;
            return Command{CommandType::Pause, 0, 0.0};
        case ControlType::Cue:
            cue(state);
            return std::nullopt;
        case ControlType::NextSection:
            return Command{CommandType::NextSection, 0, 0.0};
        case ControlType::PreviousSection:
            return Command{CommandType::PrevSection, 0, 0.0};
        case ControlType::Grounding:
            // Reachable at every moment: before Play too, where it starts the session there.
            state.timelineRuns = true;
            return Command{CommandType::Grounding, 0, 0.0};
        case ControlType::Stop:
            return Command{CommandType::Stop, 0, 0.0};
        case ControlType::Continue:
            return Command{CommandType::Continue, 0, 0.0};
        case ControlType::FollowPace:
            return Command{CommandType::SetPace, 0, control.value};
    }
    return std::nullopt;
}

}  // namespace stillpoint::plugin
