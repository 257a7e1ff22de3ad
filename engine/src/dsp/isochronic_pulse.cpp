#include "dsp/isochronic_pulse.hpp"

#include <algorithm>
#include <cmath>

#include "dsp/nominal_level.hpp"

namespace stillpoint::dsp {
namespace {

constexpr double kGlideSeconds = 2.0;
constexpr double kDefaultCarrierHz = 180.0;
constexpr double kDefaultRateHz = 6.0;
constexpr float kOnFraction = 0.5f;
constexpr float kRampFraction = 0.125f;
// The gate's mean square: the flat top plus two raised-cosine ramps (3/8 each).
constexpr float kGateMeanSquare = (kOnFraction - 2 * kRampFraction) + 2 * kRampFraction * 0.375f;
// A sine's mean square is 1/2.
const float kAmplitude = kNominalRms / std::sqrt(0.5f * kGateMeanSquare);

/// 0 at t <= 0, 1 at t >= 1, a raised-cosine (half a cosine period) between:
/// 0.5 + 0.5 sin(pi (t - 1/2)), the sine by its Taylor series to x^9.
inline float raisedCosineRamp(float t) noexcept {
    const float x = 3.14159265f * (std::clamp(t, 0.0f, 1.0f) - 0.5f);
    const float x2 = x * x;
    const float s = x * (1 - x2 / 6 * (1 - x2 / 20 * (1 - x2 / 42 * (1 - x2 / 72))));
    return 0.5f + 0.5f * s;
}

/// The gate at `phase` in [0, 1): rises over [0, r], falls over [on - r, on].
/// Both ramps are the same function, so the gate is exactly 0 when off.
inline float gate(float phase) noexcept {
    constexpr float r = kRampFraction;
    return raisedCosineRamp(phase / r) - raisedCosineRamp((phase - (kOnFraction - r)) / r);
}

}  // namespace

void IsochronicPulse::prepare(double sampleRate) {
    radiansPerHz_ = radiansPerHz(sampleRate);
    secondsPerSample_ = 1.0 / sampleRate;
    carrierHz_.prepare(sampleRate, kGlideSeconds);
    pulseHz_.prepare(sampleRate, kGlideSeconds);
    reset();
}

void IsochronicPulse::reset() noexcept {
    clock_.reset();
    carrierHz_.reset(kDefaultCarrierHz);
    pulseHz_.reset(kDefaultRateHz);
    carrier_ = Rotator{};
    gatePhase_ = 0.0;
}

void IsochronicPulse::configure(double carrierHz, double rateHz) noexcept {
    carrierHz_.setTarget(carrierHz);
    pulseHz_.setTarget(rateHz);
}

void IsochronicPulse::render(float* left, float* right, int n) noexcept {
    Rotator c = carrier_;
    const Rotation step = carrierStep_;
    double phase = gatePhase_;
    for (int i = 0; i < n; ++i) {
        c.step(step);
        const float y = kAmplitude * gate(static_cast<float>(phase)) * c.im;
        left[i] += y;
        right[i] += y;
        phase += gateIncrement_;
        if (phase >= 1.0) phase -= 1.0;
    }
    carrier_ = c;
    gatePhase_ = phase;
}

void IsochronicPulse::process(float* left, float* right, int frames) noexcept {
    clock_.walk(
        frames,
        [&](int) {
            carrier_.renormalise();
            carrierStep_ = rotationFor(carrierHz_.tick() * radiansPerHz_);
            gateIncrement_ = pulseHz_.tick() * secondsPerSample_;
        },
        [&](int offset, int n) { render(left + offset, right + offset, n); });
}

}  // namespace stillpoint::dsp
