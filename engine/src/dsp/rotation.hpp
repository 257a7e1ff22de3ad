// Rotation and Rotator: a sine oscillator as a complex phasor turned by a
// fixed complex step each sample (four multiplies, no std::sin per sample).
// rotationFor() builds the step from an angle with a polynomial, cheap enough
// to call on every control tick.
//
// Real-time: everything here is noexcept, allocation-free and O(1).
#pragma once

#include <cmath>

namespace stillpoint::dsp {

struct Rotation {
    float c = 1.0f;  ///< cos(omega)
    float s = 0.0f;  ///< sin(omega)
};

/// cos and sin of `omega` radians. Taylor series to the 13th/12th power for
/// |omega| <= pi/2 (error < 1e-8), the library functions beyond.
inline Rotation rotationFor(double omega) noexcept {
    if (std::abs(omega) > 1.5707963267948966) {
        return {static_cast<float>(std::cos(omega)), static_cast<float>(std::sin(omega))};
    }
    const double w2 = omega * omega;
    const double s =
        omega *
        (1 - w2 / 6 * (1 - w2 / 20 * (1 - w2 / 42 * (1 - w2 / 72 * (1 - w2 / 110 * (1 - w2 / 156))))));
    const double c =
        1 - w2 / 2 * (1 - w2 / 12 * (1 - w2 / 30 * (1 - w2 / 56 * (1 - w2 / 90 * (1 - w2 / 132)))));
    return {static_cast<float>(c), static_cast<float>(s)};
}

/// Angle per sample of `hz` at `sampleRate`.
inline double omegaFor(double hz, double sampleRate) noexcept {
    return 2.0 * 3.141592653589793 * hz / sampleRate;
}

/// A unit phasor; im is the sine output.
struct Rotator {
    float re = 1.0f;
    float im = 0.0f;

    void step(Rotation r) noexcept {
        const float nr = re * r.c - im * r.s;
        im = re * r.s + im * r.c;
        re = nr;
    }
    /// One Newton step towards |z| = 1: rounding makes the magnitude drift by
    /// ~1e-7 per sample, so once per control tick keeps it exact enough.
    void renormalise() noexcept {
        const float k = 1.5f - 0.5f * (re * re + im * im);
        re *= k;
        im *= k;
    }
};

}  // namespace stillpoint::dsp
