#include "control_loop.hpp"

#include <chrono>
#include <cstdio>
#include <optional>
#include <ostream>
#include <thread>

#include "buffer_adapter.hpp"
#include "key_controls.hpp"
#include "refusal_log.hpp"
#include "status_line.hpp"
#include "stillpoint/layer_vocabulary.hpp"
#include "stillpoint/unsafe_characters.hpp"
#include "stop_signals.hpp"

namespace stillpoint::cli::live {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// Short enough that a scripted command lands within about one small buffer.
constexpr auto kTick = 1ms;
constexpr auto kStatusEvery = 100ms;
// When the program started (static initialisation, before main), for the
// launch-to-first-sound measure, on the clock AudioOutput stamps the first sound with.
const std::int64_t kLaunchedMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count();
// No callback for this long while the stream claims to run: the device is gone.
constexpr auto kSilentDeviceLimit = 2s;
// A Stop fades over kStopFadeSeconds; give up waiting for Finished after this.
constexpr auto kStopGrace = 3s;

}  // namespace

LoopResult runControlLoop(LoopParts& p, std::ostream& err) {
    KeyControls keys;
    StopSignals signals;
    StatusLine status(stderr);
    const CallbackMeters& meters = p.output.meters();

    bool stopping = false;
    Clock::time_point stopDeadline{};
    auto lastStatus = Clock::now();
    auto lastCallbackSeen = Clock::now();
    std::int64_t lastCallbacks = -1;
    BufferAdapter buffer(p.output, p.opened);
    auto simulated = p.simulated;
    std::string layerNote;
    bool preparedNoted = false;
    bool firstSoundLogged = false;
    // A flood of commands faster than the engine takes them: a few said in full.
    RefusalLog queueFull("stillpoint play", "command(s) dropped by the full queue");
    const auto summarise = [&](const Clock::time_point now, bool final) {
        auto script = p.script ? p.script->refusalSummary(now, final) : std::nullopt;
        for (const auto& text : {queueFull.summary(now, final), std::move(script)}) {
            if (!text) continue;
            status.clear();
            err << *text << '\n';
        }
    };
    // Every way out says what was refused and not yet told.
    const auto end = [&](LoopEnd how, std::string why = {}) {
        status.clear();
        summarise(Clock::now(), true);
        return LoopResult{how, std::move(why)};
    };

    const auto request = [&](const LiveRequest& r) {
        if (r.action == LiveAction::Stop) {
            if (stopping) return;
            stopping = true;
            stopDeadline = Clock::now() +
                           std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(kStopFadeSeconds)) +
                           kStopGrace;
        }
        if (!p.controller.apply(r) && queueFull.admit()) {
            status.clear();
            err << "stillpoint play: the engine's command queue is full; command dropped, try "
                   "again\n";
        }
        if (r.action == LiveAction::SelectLayer || r.action == LiveAction::LayerUp ||
            r.action == LiveAction::LayerDown || r.action == LiveAction::SetLayerGain) {
            const LayerId layer =
                r.action == LiveAction::SetLayerGain ? r.layer : p.controller.selectedLayer();
            char note[64];
            std::snprintf(note, sizeof note, "%s %+.0f dB",
                          std::string(layerWord(layer).name).c_str(), p.controller.layerDb(layer));
            layerNote = note;
        }
    };

    for (;;) {
        const auto now = Clock::now();
        const std::int64_t played = meters.framesPlayed.load(std::memory_order_relaxed);

        if (StopSignals::requested()) request({LiveAction::Stop});
        for (const auto& r : keys.poll()) request(r);
        if (p.script) {
            std::vector<std::string> problems;
            p.script->poll(problems);
            for (const auto& text : problems) {
                status.clear();
                err << text << " (line ignored)\n";
            }
            for (const auto& r : p.script->takeDue(static_cast<double>(played) / p.sampleRate))
                request(r);
        }
        summarise(now, false);
        for (const auto& command : p.controller.takeSent()) p.events.write(command, played);

        for (Event e; p.engine.popEvent(e);) {
            p.controller.observe(e);
            if (p.heart) p.heart->observe(e);
            p.events.write(e);
        }
        if (p.heart) {
            HeartInput::Tick beat = p.heart->tick(static_cast<double>(played) / p.sampleRate);
            for (const auto& note : beat.notes) {
                status.clear();
                err << note << '\n';
            }
            if (beat.note != heart::FollowNote::None)
                p.events.writeHeart(played, heart::followNoteName(beat.note), beat.paceBpm);
            // A pace the listener chose stands: the heart's steps are not sent while it does.
            if (beat.command && !p.controller.paceChosen() && p.engine.pushCommand(*beat.command)) {
                p.events.write(*beat.command, played);
                p.events.writeHeart(played, "Pace", beat.command->value);
            }
            // The session's state carries the heart: the status line reads it there.
            p.engine.setHeart(p.heart->sessionHeart());
        }
        if (p.controller.state() == PlayState::Finished) {
            return end(stopping ? LoopEnd::Stopped : LoopEnd::Finished);
        }
        if (stopping && now > stopDeadline) {
            return end(LoopEnd::Stopped);
        }

        if (simulated && static_cast<double>(played) >= simulated->atSeconds * p.sampleRate) {
            p.output.simulateUnderruns(simulated->count);
            simulated.reset();
        }
        if (auto change = buffer.poll(now)) {
            status.clear();
            err << change->message << '\n';
            if (change->failure) return end(LoopEnd::DeviceLost, *change->failure);
            p.events.writeOutput(played, "Reopened", change->toFrames, change->fromFrames);
            lastCallbackSeen = Clock::now();  // no callbacks while it was closed
        }

        // The device: an error or a stopped stream, or callbacks that no longer come.
        const std::int64_t callbacks = meters.callbacks.load(std::memory_order_acquire);
        if (callbacks != lastCallbacks) {
            lastCallbacks = callbacks;
            lastCallbackSeen = now;
        }
        if (p.output.lost()) {
            return end(LoopEnd::DeviceLost, p.output.lostReason());
        }
        if (now - lastCallbackSeen > kSilentDeviceLimit) {
            return end(LoopEnd::DeviceLost,
                       "no audio callback for 2 s (the device or the audio server stopped)");
        }

        if (const auto* preparing = p.preparation) {
            const PreparationProgress progress = preparing->progress();
            if (progress.phase == PreparationPhase::Failed)
                return end(LoopEnd::PreparationFailed, preparing->report().error);
            if (progress.phase != PreparationPhase::Narrating && !preparedNoted) {
                preparedNoted = true;
                if (!preparing->report().warning.empty()) {
                    status.clear();
                    err << "warning: " << escapeForDisplay(preparing->report().warning) << '\n';
                }
            }
        }
        if (const auto first = meters.firstSoundMs.load(std::memory_order_relaxed);
            first != 0 && !firstSoundLogged) {
            firstSoundLogged = true;
            p.events.writeOutput(played, "FirstSound", 0,
                                 static_cast<double>(first - kLaunchedMs) / 1000.0);
        }

        if (now - lastStatus >= kStatusEvery) {
            lastStatus = now;
            // Where the session is: the engine's own state, nothing worked out here.
            StatusView view = statusFromState(p.engine.state(), p.controller.program(), stopping);
            view.dspLoad = p.output.takePeakLoad();
            view.underruns = meters.underruns.load(std::memory_order_relaxed);
            view.layerNote = layerNote;
            status.draw(view);
        }
        std::this_thread::sleep_for(kTick);
    }
}

}  // namespace stillpoint::cli::live
