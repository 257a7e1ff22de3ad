// Small filters shared by the noise beds, and a helper that sets a noise
// generator's level from its filter's impulse response.
//
// Real-time: step() is noexcept, allocation-free, O(1); unitNoiseGain() is for
// prepare() only (it runs the filter a few seconds' worth of samples).
#pragma once

#include <cmath>

namespace stillpoint::dsp {

/// One-pole low-pass: 6 dB/octave, the gentle top roll-off of every bed.
struct GentleLowPass {
    float k = 1.0f;
    float y = 0.0f;
    void prepare(double cutoffHz, double sampleRate) {
        k = static_cast<float>(1.0 - std::exp(-2.0 * 3.141592653589793 * cutoffHz / sampleRate));
    }
    float step(float x) noexcept { return y += k * (x - y); }
};

/// First-order DC blocker (high-pass at a few hertz): beds carry no offset.
struct DcBlocker {
    float r = 0.999f;
    float x1 = 0.0f, y1 = 0.0f;
    void prepare(double cornerHz, double sampleRate) {
        r = static_cast<float>(std::exp(-2.0 * 3.141592653589793 * cornerHz / sampleRate));
    }
    float step(float x) noexcept {
        y1 = x - x1 + r * y1;
        x1 = x;
        return y1;
    }
};

/// Gain to apply to white noise in [-1, 1) (variance 1/3) before a filter so
/// its output has RMS `targetRms`: measured as the energy of the impulse
/// response over `length` samples. `step` is the filter (in its reset
/// state), one sample in, one out.
template <typename Step>
float unitNoiseGain(Step step, int length, float targetRms) {
    double energy = 0.0;
    for (int n = 0; n < length; ++n) {
        const double h = step(n == 0 ? 1.0f : 0.0f);
        energy += h * h;
    }
    return static_cast<float>(targetRms / std::sqrt(energy / 3.0));
}

}  // namespace stillpoint::dsp
