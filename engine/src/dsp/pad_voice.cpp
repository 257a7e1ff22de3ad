#include "dsp/pad_voice.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "dsp/nominal_level.hpp"

namespace stillpoint::dsp {
namespace {

constexpr double kEmptyHz = 174.614;     // F3
constexpr double kGlideSemitones = 3.0;  // up to ~207.65 Hz (G#3) when full
constexpr float kDullest = 0.22f;        // brightness when empty
constexpr float kBrightest = 0.52f;      // brightness when full
constexpr double kSpreadHz = 0.07;       // pan drift
constexpr float kSpreadDepth = 0.15f;

struct VoiceLayout {
    double ratio;     // frequency over the centre pitch
    double detuneHz;  // offset from it: the voices beat slowly against each other
    float amplitude;  // relative
    float pan;        // -1 left .. 1 right, before the drift
    float driftSin;   // where this voice sits on the drift cycle
    float driftCos;
};
// Two voices on the fundamental, one in each ear, 0.6 Hz apart (they beat
// only faintly: in each ear the other voice is 19 dB down), and two soft
// voices a fifth up, nearer the centre: an open fifth. (An octave would
// land on the fundamental voices' second harmonic and beat against it.)
constexpr std::array<VoiceLayout, HarmonicBank::kLanes> kVoices{{
    {1.0, -0.3, 1.0f, -0.85f, 0.0f, 1.0f},
    {1.0, +0.3, 1.0f, +0.85f, 0.0f, -1.0f},
    {1.5, +0.25, 0.3f, -0.4f, 1.0f, 0.0f},
    {1.5, -0.25, 0.3f, +0.4f, -1.0f, 0.0f},
}};

/// Scales the voices so each channel sits at the nominal level: with
/// equal-power panning the voices' powers add to sum(amplitude^2), half per channel.
float voiceLevel() {
    double power = 0.0;
    for (const VoiceLayout& v : kVoices) power += 0.5 * v.amplitude * v.amplitude;
    return static_cast<float>(kNominalRms / std::sqrt(power));
}

}  // namespace

void PadVoice::prepare(double sampleRate) {
    radiansPerHz_ = radiansPerHz(sampleRate);
    spreadPerTick_ = rotationFor(kSpreadHz * kControlInterval * radiansPerHz_);
    for (std::size_t v = 0; v < detune_.size(); ++v) {
        detune_[v] = rotationFor(kVoices[v].detuneHz * radiansPerHz_);
        pan_[v] = rotationFor(0.78539816 * (1.0 + kVoices[v].pan));  // equal power: 0 .. pi/2
    }
    level_ = voiceLevel();
    reset();
}

void PadVoice::reset() noexcept {
    clock_.reset();
    bank_.reset();
    spread_ = Rotator{};
}

void PadVoice::updateVoices(float fullness) noexcept {
    const float f = std::clamp(fullness, 0.0f, 1.0f);
    // Two rotations per tick, the centre pitch and its fifth; each voice is
    // one of them turned a little further by its detune.
    const double centreOmega = kEmptyHz * std::exp2(kGlideSemitones / 12.0 * f) * radiansPerHz_;
    const Rotation centre = rotationFor(centreOmega);
    const Rotation fifth = rotationFor(1.5 * centreOmega);
    const float brightness = kDullest + (kBrightest - kDullest) * f;
    for (int v = 0; v < HarmonicBank::kLanes; ++v) {
        const auto i = static_cast<std::size_t>(v);
        const auto& voice = kVoices[i];
        const float drift = spread_.im * voice.driftCos + spread_.re * voice.driftSin;
        const Rotation gains = pan_[i] * smallRotation(0.78539816f * kSpreadDepth * drift);
        HarmonicBank::Lane lane;
        lane.pitch = (voice.ratio == 1.0 ? centre : fifth) * detune_[i];
        lane.brightness = brightness;
        lane.left = level_ * voice.amplitude * gains.c;
        lane.right = level_ * voice.amplitude * gains.s;
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
