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
/// |omega| <= pi/2 (error < 1e-8), the library functions beyond. Horner form
/// with multiplications only (dividing by constants would cost a dozen
/// chained divisions per call).
inline Rotation rotationFor(double omega) noexcept {
    if (std::abs(omega) > 1.5707963267948966) {
        return {static_cast<float>(std::cos(omega)), static_cast<float>(std::sin(omega))};
    }
    const double w2 = omega * omega;
    const double s =
        omega *
        (1.0 +
         w2 * (-1.0 / 6 +
               w2 * (1.0 / 120 +
                     w2 * (-1.0 / 5040 + w2 * (1.0 / 362880 + w2 * (-1.0 / 39916800 +
                                                                    w2 * (1.0 / 6227020800.0)))))));
    const double c =
        1.0 +
        w2 * (-0.5 + w2 * (1.0 / 24 + w2 * (-1.0 / 720 +
                                            w2 * (1.0 / 40320 + w2 * (-1.0 / 3628800 +
                                                                      w2 * (1.0 / 479001600.0))))));
    return {static_cast<float>(c), static_cast<float>(s)};
}

/// Turning by `a` then by `b` (the complex product).
inline Rotation operator*(Rotation a, Rotation b) noexcept {
    return {a.c * b.c - a.s * b.s, a.c * b.s + a.s * b.c};
}

/// cos and sin of a small angle (|x| <= 0.2, error < 1e-7), in a few
/// multiplies: for nudging a rotation computed once (a detune, a pan drift).
inline Rotation smallRotation(float x) noexcept {
    const float x2 = x * x;
    return {1.0f - x2 * (0.5f - x2 * (1.0f / 24.0f)),
            x * (1.0f - x2 * (1.0f / 6.0f - x2 * (1.0f / 120.0f)))};
}

/// Radians per sample for 1 Hz at `sampleRate`: multiply by a frequency.
inline double radiansPerHz(double sampleRate) noexcept {
    return 2.0 * 3.141592653589793 / sampleRate;
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
