#include "dsp/pad_voice.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "dsp/nominal_level.hpp"

namespace stillpoint::dsp {
namespace {

constexpr double kEmptyHz = 174.614;         // F3
constexpr double kGlideSemitones = 3.0;      // up to ~207.65 Hz (G#3) when full
constexpr float kDullest = 0.22f;            // brightness when empty
constexpr float kBrightest = 0.52f;          // brightness when full
constexpr double kSpreadHz = 0.07;           // pan drift
constexpr float kSpreadDepth = 0.25f;

struct VoiceLayout {
    double cents;       // detune from the centre pitch
    float pan;          // -1 left .. 1 right, before the drift
    float driftSin;     // where this voice sits on the drift cycle
    float driftCos;
};
// Detunes beat slowly (a few tenths of a hertz) rather than chorus quickly.
constexpr std::array<VoiceLayout, HarmonicBank::kLanes> kVoices{{
    {-7.0, -0.55f, 0.0f, 1.0f},
    {+6.0, +0.55f, 1.0f, 0.0f},
    {-2.5, -0.20f, 0.0f, -1.0f},
    {+2.0, +0.20f, -1.0f, 0.0f},
}};

// Equal-power panning keeps the four voices' sum at the same level anywhere.
// Each channel averages half of the four unit-RMS voices' power: 2 k^2.
constexpr float kVoiceLevel = kNominalRms * 0.70710678f;

}  // namespace

void PadVoice::prepare(double sampleRate) {
    rate_ = sampleRate;
    spreadPerTick_ = rotationFor(omegaFor(kSpreadHz * kControlInterval, rate_));
    for (std::size_t v = 0; v < detune_.size(); ++v) detune_[v] = std::exp2(kVoices[v].cents / 1200.0);
    reset();
}

void PadVoice::reset() noexcept {
    clock_.reset();
    bank_.reset();
    spread_ = Rotator{};
}

void PadVoice::updateVoices(float fullness) noexcept {
    const float f = std::clamp(fullness, 0.0f, 1.0f);
    const double centreHz = kEmptyHz * std::exp2(kGlideSemitones / 12.0 * f);
    const float brightness = kDullest + (kBrightest - kDullest) * f;
    for (int v = 0; v < HarmonicBank::kLanes; ++v) {
        const auto& voice = kVoices[static_cast<std::size_t>(v)];
        const float drift = spread_.im * voice.driftCos + spread_.re * voice.driftSin;
        const float pan = std::clamp(voice.pan + kSpreadDepth * drift, -1.0f, 1.0f);
        const Rotation gains = rotationFor(0.78539816 * (1.0 + pan));  // 0 .. pi/2
        HarmonicBank::Lane lane;
        lane.omega = omegaFor(centreHz * detune_[static_cast<std::size_t>(v)], rate_);
        lane.brightness = brightness;
        lane.left = kVoiceLevel * gains.c;
        lane.right = kVoiceLevel * gains.s;
        bank_.setLane(v, lane);
    }
}

void PadVoice::process(const float* fullness, float* left, float* right, int frames) noexcept {
    clock_.walk(
        frames,
        [&](int offset) {
            spread_.step(spreadPerTick_);
            spread_.renormalise();
            bank_.renormalise();
            updateVoices(fullness[offset]);
        },
        [&](int offset, int n) { bank_.process(left + offset, right + offset, n); });
}

}  // namespace stillpoint::dsp
