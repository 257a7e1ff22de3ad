#include "dsp/breath_tone.hpp"

namespace stillpoint::dsp {
namespace {

constexpr double kTimbreCrossfadeSeconds = 1.5;
constexpr double kActiveFadeSeconds = 2.0;
// Holds are quieter marks than the turns of the breath. The turns strike
// 1.76 dB over a full-velocity bell: a strike is made at the nominal level
// over its first second, but the bowl then rings in the gaps, and this brings
// a breathing session's bowl to the pad's integrated loudness.
constexpr float kTurnVelocity = 1.2246f;
constexpr float kHoldVelocity = 0.5f * kTurnVelocity;

enum Source : int { kPad = 0, kWave = 1, kBowl = 2 };

int sourceFor(ToneTimbre timbre) noexcept {
    switch (timbre) {
        case ToneTimbre::Pad:
            return kPad;
        case ToneTimbre::Wave:
            return kWave;
        case ToneTimbre::Bowl:
            return kBowl;
        case ToneTimbre::None:
            break;
    }
    return SourceCrossfade<3>::kNone;
}

}  // namespace

struct BreathTone::Sources {
    BreathTone& tone;
    const float* fullness;

    void render(int source, int offset, float* left, float* right, int n) noexcept {
        switch (source) {
            case kPad:
                tone.pad_.process(fullness + offset, left, right, n);
                break;
            case kWave:
                tone.wave_.process(fullness + offset, left, right, n);
                break;
            default:
                tone.bowl_.process(left, right, n);
                break;
        }
    }
    bool isQuiet(int source) const noexcept { return source == kBowl && tone.bowl_.isSilent(); }
    void restart(int source) noexcept {
        switch (source) {
            case kPad:
                tone.pad_.reset();
                break;
            case kWave:
                tone.wave_.reset();
                break;
            default:
                tone.bowl_.reset();
                break;
        }
    }
};

void BreathTone::prepare(double sampleRate) {
    pad_.prepare(sampleRate);
    wave_.prepare(sampleRate);
    bowl_.prepare(sampleRate);
    fader_.prepare(sampleRate, kTimbreCrossfadeSeconds, kActiveFadeSeconds);
    reset();
}

void BreathTone::reset() noexcept {
    pad_.reset();
    wave_.reset();
    bowl_.reset();
    fader_.reset(SourceCrossfade<3>::kNone, 0.0f);
}

void BreathTone::setTimbre(ToneTimbre timbre) noexcept {
    fader_.select(sourceFor(timbre));
}

void BreathTone::setActive(bool active) noexcept {
    fader_.setMaster(active ? 1.0f : 0.0f);
}

void BreathTone::onPhaseChange(BreathPhase phase) noexcept {
    if (fader_.selected() != kBowl || fader_.masterTarget() == 0.0f) return;
    const bool turn = phase == BreathPhase::Inhale || phase == BreathPhase::Exhale;
    bowl_.strike(BellVoicing::BreathBowl, turn ? kTurnVelocity : kHoldVelocity);
}

void BreathTone::process(const float* fullness, float* left, float* right, int frames) noexcept {
    Sources sources{*this, fullness};
    fader_.process(left, right, frames, sources);
}

}  // namespace stillpoint::dsp
