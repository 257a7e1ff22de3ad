#include "event_log.hpp"

namespace stillpoint::cli::live {

std::string_view eventName(EventType type) {
    switch (type) {
        case EventType::SessionStarted:
            return "SessionStarted";
        case EventType::SectionStarted:
            return "SectionStarted";
        case EventType::StepStarted:
            return "StepStarted";
        case EventType::PhaseChanged:
            return "PhaseChanged";
        case EventType::BellStruck:
            return "BellStruck";
        case EventType::Paused:
            return "Paused";
        case EventType::Resumed:
            return "Resumed";
        case EventType::Finished:
            return "Finished";
        case EventType::HapticTap:
            return "HapticTap";
        case EventType::LineSpoken:
            return "LineSpoken";
        case EventType::WaitingForContinue:
            return "WaitingForContinue";
    }
    return "?";
}

std::string_view commandName(CommandType type) {
    switch (type) {
        case CommandType::Pause:
            return "Pause";
        case CommandType::Resume:
            return "Resume";
        case CommandType::Hold:
            return "Hold";
        case CommandType::Release:
            return "Release";
        case CommandType::NextSection:
            return "NextSection";
        case CommandType::PrevSection:
            return "PrevSection";
        case CommandType::Grounding:
            return "Grounding";
        case CommandType::SetPace:
            return "SetPace";
        case CommandType::SetLayerGain:
            return "SetLayerGain";
        case CommandType::Stop:
            return "Stop";
        case CommandType::Continue:
            return "Continue";
        case CommandType::SetPattern:
            return "SetPattern";
    }
    return "?";
}

bool EventLog::open(const std::string& path) {
    if (path.empty()) return true;
    out_.open(path, std::ios::trunc);
    return out_.good();
}

void EventLog::write(const Event& e) {
    if (out_.is_open())
        out_ << e.sample << ' ' << eventName(e.type) << ' ' << e.index << ' ' << e.value << '\n';
}

void EventLog::write(const Command& c, std::int64_t sample) {
    if (out_.is_open())
        out_ << sample << " command:" << commandName(c.type) << ' ' << c.index << ' ' << c.value
             << '\n';
}

void EventLog::writeOutput(std::int64_t sample, std::string_view what, long index, double value) {
    if (out_.is_open())
        out_ << sample << " output:" << what << ' ' << index << ' ' << value << '\n';
}

void EventLog::writeHeart(std::int64_t sample, std::string_view what, double paceBpm) {
    if (out_.is_open()) out_ << sample << " heart:" << what << " 0 " << paceBpm << '\n';
}

}  // namespace stillpoint::cli::live
