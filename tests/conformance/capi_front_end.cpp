// The C API's adapter: an embedding app's loop of sp_process blocks, a
// command queued before the block that starts at its sample.
#include <algorithm>
#include <cmath>
#include <vector>

#include "front_ends.hpp"
#include "stillpoint/command_vocabulary.hpp"
#include "stillpoint/stillpoint.h"

namespace stillpoint::conformance {
namespace {

constexpr int kBlock = 480;

/// The C API's command for the action: its sp_command_type value from the vocabulary.
sp_result send(sp_engine* engine, Action action) {
    return sp_command(engine, static_cast<sp_command_type>(commandWord(commandOf(action)).cValue),
                      commandValueOf(action));
}

}  // namespace

std::optional<EventType> eventOfCType(int type) {
    switch (static_cast<sp_event_type>(type)) {
        case SP_EVENT_SESSION_STARTED:
            return EventType::SessionStarted;
        case SP_EVENT_SECTION_STARTED:
            return EventType::SectionStarted;
        case SP_EVENT_STEP_STARTED:
            return EventType::StepStarted;
        case SP_EVENT_PHASE_CHANGED:
            return EventType::PhaseChanged;
        case SP_EVENT_BELL:
            return EventType::BellStruck;
        case SP_EVENT_PAUSED:
            return EventType::Paused;
        case SP_EVENT_RESUMED:
            return EventType::Resumed;
        case SP_EVENT_FINISHED:
            return EventType::Finished;
        case SP_EVENT_WAITING:
            return EventType::WaitingForContinue;
        case SP_EVENT_HAPTIC_TAP:
            return EventType::HapticTap;
        case SP_EVENT_LINE_SPOKEN:
            return EventType::LineSpoken;
    }
    return std::nullopt;
}

FrontEndRun runCapi(const std::vector<TimedAction>& actions) {
    FrontEndRun run;
    sp_engine* engine = nullptr;
    if (sp_create(&engine) != SP_OK) return failedRun("sp_create failed");
    if (sp_load_session_file(engine, sessionPath().c_str()) != SP_OK ||
        sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO) != SP_OK ||
        // Every line made before the first block: the scenario's times are the plan's.
        sp_wait_for_preparation(engine) != SP_OK ||
        sp_set_parameter(engine, SP_PARAM_WAIT_AT_CHECKINS, 1.0) != SP_OK) {
        run.problem = std::string("the C API refused the session: ") + sp_error_message(engine);
        sp_destroy(engine);
        return run;
    }
    std::vector<float> left(kBlock), right(kBlock);
    float* out[2] = {left.data(), right.data()};
    std::size_t next = 0;
    bool finished = false;
    std::size_t snapshot = 0;
    const auto& moments = snapshotSeconds();
    for (std::int64_t at = 0;
         !(finished && snapshot == moments.size()) && at < 60 * static_cast<std::int64_t>(kRate);) {
        while (next < actions.size() && actions[next].sample <= at)
            if (send(engine, actions[next++].action) != SP_OK)
                run.problem = "a command was refused";
        if (snapshot < moments.size() && std::llround(moments[snapshot] * kRate) <= at) {
            sp_status s{};
            s.struct_size = sizeof s;
            if (sp_get_status(engine, &s) != SP_OK) run.problem = "sp_get_status failed";
            run.snapshots.push_back({s.section, s.paused != 0, s.waiting_for_continue != 0,
                                     s.grounding_active != 0, s.finished != 0});
            run.figures.push_back({s.step, s.line_step, s.line_index, s.remaining_frames,
                                   s.section_length, s.pace_bpm});
            ++snapshot;
        }
        // Up to the next action's (or snapshot's) sample, so it lands exactly there.
        std::int64_t frames = kBlock;
        if (next < actions.size()) frames = std::min(frames, actions[next].sample - at);
        if (snapshot < moments.size())
            frames = std::min<std::int64_t>(frames, std::llround(moments[snapshot] * kRate) - at);
        sp_process(engine, out, 2, static_cast<int>(frames));
        at += frames;
        sp_event event;
        while (sp_poll_event(engine, &event) == SP_OK) {
            const auto type = eventOfCType(event.type);
            if (!type || !traced(*type)) continue;
            run.events.push_back({*type, event.index, event.sample});
            finished = finished || *type == EventType::Finished;
        }
    }
    sp_destroy(engine);
    return run;
}

}  // namespace stillpoint::conformance
