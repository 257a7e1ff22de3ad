// The plugin's adapter: SessionPlayer, the JUCE-free core StillpointProcessor
// drives, on a host timeline rolling in realtime from 0 (so it waits at
// check-ins), an engine command pushed before the block it acts in.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

#include "front_ends.hpp"
#include "processor/session_library.hpp"
#include "session_player.hpp"

namespace stillpoint::conformance {
namespace {

constexpr int kBlock = 480;

Command commandFor(Action action) {
    return {commandOf(action), action == Action::Pattern ? kPatternIndex : 0,
            action == Action::Faster ? kFasterBpm : 0.0};
}

}  // namespace

FrontEndRun runPluginPlayer(const std::vector<TimedAction>& actions) {
    FrontEndRun run;
    const auto loaded = plugin::planSessionText({sessionPath(), sessionText()});
    if (!loaded.program) return failedRun(loaded.error);
    run.groundingSection = loaded.program->groundingSection;
    plugin::SessionPlayer player;
    player.setProgram(loaded.program);
    player.prepare(kRate);
    // Every line made first, as the C API's adapter waits for them: the
    // same events to the sample as the render.
    if (!player.waitUntilPrepared(std::chrono::seconds(120)))
        return failedRun("the session's voice was not made");
    std::vector<float> left(kBlock), right(kBlock);
    float* out[2] = {left.data(), right.data()};
    std::size_t next = 0, snapshot = 0;
    const auto& moments = snapshotSeconds();
    bool finished = false;
    for (std::int64_t at = 0;
         !(finished && snapshot == moments.size()) && at < 60 * static_cast<std::int64_t>(kRate);) {
        while (next < actions.size() && actions[next].sample <= at)
            if (!player.pushCommand(commandFor(actions[next++].action)))
                run.problem = "a command was refused";
        if (snapshot < moments.size() && std::llround(moments[snapshot] * kRate) <= at) {
            const SessionState s = player.playingState();
            run.snapshots.push_back(
                {s.section, s.paused, s.waitingForContinue, s.groundingActive, s.finished});
            run.figures.push_back(
                {s.step, s.lineStep, s.lineIndex, s.remainingFrames, s.sectionLength, s.paceBpm});
            ++snapshot;
        }
        std::int64_t frames = kBlock;
        if (next < actions.size()) frames = std::min(frames, actions[next].sample - at);
        if (snapshot < moments.size())
            frames = std::min<std::int64_t>(frames, std::llround(moments[snapshot] * kRate) - at);
        player.process(out, static_cast<int>(frames), {at, true, false});
        at += frames;
        Event event;
        while (player.popEvent(event)) {
            if (!traced(event.type)) continue;
            run.events.push_back({event.type, event.index, event.sample});
            finished = finished || event.type == EventType::Finished;
        }
    }
    return run;
}

}  // namespace stillpoint::conformance
