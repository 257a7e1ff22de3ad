#include "live_controller.hpp"

#include <algorithm>
#include <utility>

#include "stillpoint/layer_vocabulary.hpp"
#include "stillpoint/pace_range.hpp"

namespace stillpoint::cli::live {
namespace {

constexpr double kPaceStepBpm = 0.5;
constexpr double kLayerStepDb = 3.0;

}  // namespace

LiveController::LiveController(Engine& engine, std::shared_ptr<const Program> program,
                               double sampleRate)
    : engine_(engine), program_(std::move(program)), rate_(sampleRate) {
    for (std::size_t i = 0; i < layerDb_.size(); ++i)
        layerDb_[i] = program_->sound.volumes.*layerWord(static_cast<LayerId>(i)).volume;
}

bool LiveController::send(CommandType type, int index, double value) {
    const Command command{type, index, value};
    if (!engine_.pushCommand(command)) return false;
    sent_.push_back(command);
    return true;
}

std::vector<Command> LiveController::takeSent() {
    return std::exchange(sent_, {});
}

double LiveController::paceNow() const {
    return chosenPace_ > 0.0 ? chosenPace_ : engine_.state().paceBpm;
}

bool LiveController::glidePace(double bpm) {
    if (paceNow() <= 0.0) return true;  // no breathing yet: no pace to start from
    chosenPace_ = std::clamp(bpm, kEnginePaceRange.lowestBpm, kEnginePaceRange.highestBpm);
    return send(CommandType::SetPace, 0, chosenPace_);
}

bool LiveController::apply(const LiveRequest& r) {
    const auto layerIndex = [](LayerId l) { return static_cast<int>(l); };
    switch (r.action) {
        case LiveAction::TogglePause:
            return apply({state_ == PlayState::Paused ? LiveAction::Resume : LiveAction::Pause});
        case LiveAction::Pause:
            // Paused means "asked to pause": the engine fades, then reports Paused.
            if (state_ != PlayState::Playing) return true;
            state_ = PlayState::Paused;
            return send(CommandType::Pause);
        case LiveAction::Resume:
            if (state_ != PlayState::Paused) return true;
            state_ = PlayState::Playing;
            return send(CommandType::Resume);
        case LiveAction::ToggleHold:
            return apply({holding_ ? LiveAction::Release : LiveAction::Hold});
        case LiveAction::Hold:
            holding_ = true;
            return send(CommandType::Hold);
        case LiveAction::Release:
            holding_ = false;
            return send(CommandType::Release);
        case LiveAction::Next:
            return send(CommandType::NextSection);
        case LiveAction::Previous:
            return send(CommandType::PrevSection);
        case LiveAction::Grounding:
            return send(CommandType::Grounding);
        case LiveAction::Slower:
            return glidePace(paceNow() - kPaceStepBpm);
        case LiveAction::Faster:
            return glidePace(paceNow() + kPaceStepBpm);
        case LiveAction::SetPace:
            return glidePace(r.value);
        case LiveAction::SelectLayer:
            selected_ = r.layer;
            return true;
        case LiveAction::LayerUp:
        case LiveAction::LayerDown:
        case LiveAction::SetLayerGain: {
            const LayerId layer = r.action == LiveAction::SetLayerGain ? r.layer : selected_;
            double& db = layerDb_[static_cast<std::size_t>(layer)];
            db = r.action == LiveAction::SetLayerGain ? r.value
                 : r.action == LiveAction::LayerUp    ? db + kLayerStepDb
                                                      : db - kLayerStepDb;
            db = std::clamp(db, kLayerVolumeRange.lowestDb, kLayerVolumeRange.highestDb);
            return send(CommandType::SetLayerGain, layerIndex(layer), db);
        }
        case LiveAction::Stop:
            return send(CommandType::Stop);
        case LiveAction::Continue:
            return send(CommandType::Continue);
        case LiveAction::SetPattern:
        case LiveAction::NextPattern:
            // Takes over at the next whole breath and holds until handed back (0).
            pattern_ = r.action == LiveAction::SetPattern
                           ? static_cast<int>(r.value)
                           : (pattern_ + 1) % (static_cast<int>(breathPresets().size()) + 1);
            return send(CommandType::SetPattern, pattern_);
    }
    return true;
}

void LiveController::observe(const Event& e) {
    switch (e.type) {
        case EventType::Paused:
            state_ = PlayState::Paused;
            return;
        case EventType::Resumed:
            state_ = PlayState::Playing;
            return;
        case EventType::Finished:
            state_ = PlayState::Finished;
            return;
        default:
            return;
    }
}

}  // namespace stillpoint::cli::live
