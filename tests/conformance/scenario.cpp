#include "scenario.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include "live/event_log.hpp"

namespace stillpoint::conformance {

CommandType commandOf(Action action) {
    switch (action) {
        case Action::Pause:
            return CommandType::Pause;
        case Action::Resume:
            return CommandType::Resume;
        case Action::Next:
            return CommandType::NextSection;
        case Action::Continue:
            return CommandType::Continue;
        case Action::Faster:
            return CommandType::SetPace;
        case Action::Pattern:
            return CommandType::SetPattern;
        case Action::Grounding:
            return CommandType::Grounding;
        case Action::Stop:
            return CommandType::Stop;
    }
    return CommandType::Stop;
}

double commandValueOf(Action action) {
    return action == Action::Faster ? kFasterBpm : action == Action::Pattern ? kPatternIndex : 0.0;
}

const std::vector<Step>& script() {
    // Fades: pause 1.5 s, a section jump 1 s, stop 2.5 s; the check-in's
    // prompt has ended (and it waits) well before 8 s.
    static const std::vector<Step> steps = {
        {1.0, Action::Pause},      {3.0, Action::Resume}, {4.0, Action::Next},
        {8.0, Action::Continue},   {8.5, Action::Faster}, {9.0, Action::Pattern},
        {13.0, Action::Grounding}, {15.0, Action::Stop},
    };
    return steps;
}

std::string sessionPath() {
    return std::string(STILLPOINT_CONFORMANCE_DIR) + "/scenario.yaml";
}

std::string sessionText() {
    std::ifstream in(sessionPath());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<TimedAction> atScriptedSamples() {
    std::vector<TimedAction> timed;
    for (const Step& step : script())
        timed.push_back({std::llround(step.seconds * kRate), step.action});
    return timed;
}

bool traced(EventType type) {
    return type != EventType::HapticTap;
}

std::string describe(const TracedEvent& event) {
    return std::to_string(event.sample) + " " + std::string(cli::live::eventName(event.type)) +
           " " + std::to_string(event.index);
}

std::string describe(const EventTrace& trace) {
    std::string text;
    for (const auto& event : trace) text += describe(event) + "\n";
    return text;
}

const std::vector<double>& snapshotSeconds() {
    static const std::vector<double> seconds = {2.8, 7.5, 10.5, 14.5, 18.0};
    return seconds;
}

Snapshot snapshotAt(const EventTrace& trace, std::int64_t sample, int groundingSection) {
    Snapshot s;
    for (const auto& event : trace) {
        if (event.sample >= sample) break;
        switch (event.type) {
            case EventType::SectionStarted:
                s.section = event.index;
                s.grounding = event.index == groundingSection;
                break;
            case EventType::StepStarted:
                s.waiting = false;
                break;
            case EventType::WaitingForContinue:
                s.waiting = true;
                break;
            case EventType::Paused:
                s.paused = true;
                break;
            case EventType::Resumed:
                s.paused = false;
                break;
            case EventType::Finished:  // where it ended stays said (grounding too)
                s = {s.section, false, false, s.grounding, true};
                break;
            default:
                break;
        }
    }
    return s;
}

std::string describe(const Figures& f) {
    return "step " + std::to_string(f.step) + " line " + std::to_string(f.lineStep) + "/" +
           std::to_string(f.lineIndex) + " remaining " + std::to_string(f.remaining) +
           " section length " + std::to_string(f.sectionLength) + " pace " +
           std::to_string(f.paceBpm);
}

std::string describe(const Snapshot& s) {
    return "section " + std::to_string(s.section) + (s.paused ? " paused" : "") +
           (s.waiting ? " waiting" : "") + (s.grounding ? " grounding" : "") +
           (s.finished ? " finished" : "");
}

}  // namespace stillpoint::conformance
