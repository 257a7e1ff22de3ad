#include "stillpoint/heart_pace.hpp"

#include <algorithm>
#include <cmath>

#include "stillpoint/resonance.hpp"

namespace stillpoint::heart {
namespace {

/// The steering for a phase: proportional, a full step at 90 degrees. Gentle on
/// purpose: the phase is measured over 64 s, so it answers late.
double steerFor(double phaseDegrees) noexcept {
    return kFollowStepBpm * std::clamp(phaseDegrees / 90.0, -1.0, 1.0);
}

Command setPace(double bpm) noexcept {
    return {CommandType::SetPace, 0, bpm};
}

}  // namespace

const char* followNoteName(FollowNote note) noexcept {
    switch (note) {
        case FollowNote::None:
            return "";
        case FollowNote::Following:
            return "Following";
        case FollowNote::StreamLost:
            return "StreamLost";
        case FollowNote::StreamFound:
            return "StreamFound";
        case FollowNote::HandedBack:
            return "HandedBack";
    }
    return "";
}

HeartPaceFollower::HeartPaceFollower(std::shared_ptr<const Program> program, double sampleRate)
    : program_(std::move(program)), rate_(sampleRate) {}

void HeartPaceFollower::onEvent(const Event& event) noexcept {
    const double seconds = static_cast<double>(event.sample) / rate_;
    if (event.type == EventType::StepStarted && program_ && event.index >= 0 &&
        event.index < static_cast<int>(program_->steps.size())) {
        const PlannedStep& step = program_->steps[static_cast<std::size_t>(event.index)];
        // Only a resonance breathe step is steered; any other step takes the pace back.
        resonanceStep_ = step.kind == StepKind::Breathe && step.resonancePace;
        if (step.kind == StepKind::Breathe) {
            ownBpm_ = step.paceBpm;
            if (!steering_) pace_ = ownBpm_;
            announced_ = false;
        }
    } else if (event.type == EventType::PhaseChanged) {
        const auto phase = static_cast<BreathPhase>(event.index);
        if (inInhale_ && phase != BreathPhase::Inhale) lungsFullSeconds_ = seconds;
        inInhale_ = phase == BreathPhase::Inhale;
    }
}

FollowUpdate HeartPaceFollower::handBackStep(double nowSeconds) noexcept {
    FollowUpdate update;
    lastStepSeconds_ = nowSeconds;
    const double home = resonanceStep_ ? ownBpm_ : pace_;
    if (std::abs(pace_ - home) <= kFollowStepBpm || !resonanceStep_) {
        // Close enough: the engine's 8 s glide covers the rest, or the
        // session moved on to a step of its own pace.
        steering_ = false;
        update.command = setPace(0.0);
        update.note = FollowNote::HandedBack;
        pace_ = ownBpm_;
    } else {
        pace_ += std::clamp(home - pace_, -kFollowStepBpm, kFollowStepBpm);
        update.command = setPace(pace_);
    }
    update.paceBpm = pace_;
    return update;
}

FollowUpdate HeartPaceFollower::tick(double nowSeconds, HeartMonitor& heart) noexcept {
    FollowUpdate update;
    update.paceBpm = steering_ ? pace_ : ownBpm_;
    const HeartState state = heart.state();
    const bool live = state.live;
    const bool due = nowSeconds - lastStepSeconds_ >= kFollowStepSeconds;

    const bool lostNow = wasLive_ && !live;
    const bool foundNow = !wasLive_ && live && announced_;
    wasLive_ = live;

    // Out of a resonance step, or the stream gone: give the pace back, as slowly as it came.
    if (steering_ && (!resonanceStep_ || !live)) {
        if (!due && !lostNow) return update;
        FollowUpdate back = handBackStep(nowSeconds);
        if (lostNow && resonanceStep_) back.note = FollowNote::StreamLost;
        return back;
    }
    if (!resonanceStep_) return update;
    if (lostNow) update.note = FollowNote::StreamLost;
    if (foundNow) update.note = FollowNote::StreamFound;
    if (live && !announced_) {
        update.note = FollowNote::Following;
        announced_ = true;
    }
    if (!live || !due || lungsFullSeconds_ < 0.0) return update;
    if (!state.coherenceValid || state.coherence < kFollowMinimumCoherence) return update;

    const double phase = heart.phaseToBreath(pace_ / 60.0, lungsFullSeconds_);
    if (!std::isfinite(phase)) return update;
    lastStepSeconds_ = nowSeconds;
    const double next = std::clamp(pace_ + steerFor(phase), kMinResonancePace, kMaxResonancePace);
    if (next == pace_ && steering_) return update;
    pace_ = next;
    steering_ = true;
    update.command = setPace(pace_);
    update.paceBpm = pace_;
    return update;
}

}  // namespace stillpoint::heart
