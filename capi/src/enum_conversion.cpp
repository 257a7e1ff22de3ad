#include "enum_conversion.hpp"

#include <string_view>

#include "stillpoint/command_vocabulary.hpp"
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

namespace {

// Each sp_command_type's own name, for the check below (the switch lists
// each: -Wswitch says when a new one is missing).
constexpr std::string_view cCommandName(sp_command_type command) noexcept {
    switch (command) {
        case SP_COMMAND_RESUME:
            return "SP_COMMAND_RESUME";
        case SP_COMMAND_PAUSE:
            return "SP_COMMAND_PAUSE";
        case SP_COMMAND_HOLD:
            return "SP_COMMAND_HOLD";
        case SP_COMMAND_RELEASE:
            return "SP_COMMAND_RELEASE";
        case SP_COMMAND_NEXT_SECTION:
            return "SP_COMMAND_NEXT_SECTION";
        case SP_COMMAND_PREVIOUS_SECTION:
            return "SP_COMMAND_PREVIOUS_SECTION";
        case SP_COMMAND_PACE:
            return "SP_COMMAND_PACE";
        case SP_COMMAND_GROUNDING:
            return "SP_COMMAND_GROUNDING";
        case SP_COMMAND_STOP:
            return "SP_COMMAND_STOP";
        case SP_COMMAND_CONTINUE:
            return "SP_COMMAND_CONTINUE";
        case SP_COMMAND_PATTERN:
            return "SP_COMMAND_PATTERN";
    }
    return {};
}

// Every C command is in the vocabulary exactly once, under its own name and
// value, and every vocabulary entry with a C name is a C command.
constexpr bool vocabularyMatchesTheCEnum() {
    int named = 0;
    for (int value = 0; value < 256; ++value) {
        const std::string_view name = cCommandName(static_cast<sp_command_type>(value));
        if (name.empty()) continue;
        ++named;
        int entries = 0;
        for (const CommandWord& word : kCommandVocabulary)
            if (word.cValue == value) entries += word.cName == name ? 1 : 100;
        if (entries != 1) return false;
    }
    int withC = 0;
    for (const CommandWord& word : kCommandVocabulary) withC += word.cValue >= 0 ? 1 : 0;
    return named == withC;
}
static_assert(vocabularyMatchesTheCEnum(),
              "command_vocabulary.hpp and sp_command_type disagree: each SP_COMMAND_ needs one "
              "entry with its name and value");

}  // namespace

std::optional<CommandType> toCommandType(sp_command_type command) noexcept {
    return commandForCValue(static_cast<int>(command));
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
