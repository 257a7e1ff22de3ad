#include "capi/enum_conversion.hpp"

#include "stillpoint/session.hpp"

namespace stillpoint::capi {

// Event indices pass through unchanged.
static_assert(SP_PHASE_INHALE == static_cast<int>(BreathPhase::Inhale));
static_assert(SP_PHASE_HOLD_IN == static_cast<int>(BreathPhase::HoldIn));
static_assert(SP_PHASE_EXHALE == static_cast<int>(BreathPhase::Exhale));
static_assert(SP_PHASE_HOLD_OUT == static_cast<int>(BreathPhase::HoldOut));
static_assert(SP_BELL_BOWL == static_cast<int>(BellKind::Bowl));
static_assert(SP_BELL_CHIME == static_cast<int>(BellKind::Chime));
static_assert(SP_HAPTIC_TAP_PHASE == static_cast<int>(HapticTapCause::PhaseChange));
static_assert(SP_HAPTIC_TAP_BELL == static_cast<int>(HapticTapCause::Bell));

std::optional<CommandType> toCommandType(sp_command_type command) noexcept {
    switch (command) {
        case SP_COMMAND_RESUME:
            return CommandType::Resume;
        case SP_COMMAND_PAUSE:
            return CommandType::Pause;
        case SP_COMMAND_HOLD:
            return CommandType::Hold;
        case SP_COMMAND_RELEASE:
            return CommandType::Release;
        case SP_COMMAND_NEXT_SECTION:
            return CommandType::NextSection;
        case SP_COMMAND_PREVIOUS_SECTION:
            return CommandType::PrevSection;
        case SP_COMMAND_GROUNDING:
            return CommandType::Grounding;
        case SP_COMMAND_STOP:
            return CommandType::Stop;
        case SP_COMMAND_CONTINUE:
            return CommandType::Continue;
        case SP_COMMAND_PACE:     // a parameter (SP_PARAM_PACE_BPM)
        case SP_COMMAND_PATTERN:  // a parameter (SP_PARAM_PATTERN)
            break;
    }
    return std::nullopt;
}

namespace {

sp_event_type toCEventType(EventType type) noexcept {
    switch (type) {
        case EventType::SessionStarted:
            return SP_EVENT_SESSION_STARTED;
        case EventType::SectionStarted:
            return SP_EVENT_SECTION_STARTED;
        case EventType::StepStarted:
            return SP_EVENT_STEP_STARTED;
        case EventType::PhaseChanged:
            return SP_EVENT_PHASE_CHANGED;
        case EventType::BellStruck:
            return SP_EVENT_BELL;
        case EventType::Paused:
            return SP_EVENT_PAUSED;
        case EventType::Resumed:
            return SP_EVENT_RESUMED;
        case EventType::Finished:
            return SP_EVENT_FINISHED;
        case EventType::HapticTap:
            return SP_EVENT_HAPTIC_TAP;
        case EventType::LineSpoken:
            return SP_EVENT_LINE_SPOKEN;
        case EventType::WaitingForContinue:
            return SP_EVENT_WAITING;
    }
    // Every engine event has a C twin (-Wswitch says when one lacks it); a
    // type no C app knows is one it ignores.
    return static_cast<sp_event_type>(0);
}

}  // namespace

sp_event toCEvent(const Event& event) noexcept {
    sp_event e;
    e.type = toCEventType(event.type);
    e.index = event.index;
    e.value = event.value;
    e.sample = event.sample;
    e.session_sample = event.sessionSample;
    return e;
}

}  // namespace stillpoint::capi
