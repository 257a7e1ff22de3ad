// BrownNoise: brown (-6 dB/octave) noise for the ambience bed, a deep, soft
// rumble. White noise through a leaky integrator (corner 8 Hz, so it cannot
// wander off), a DC blocker and a gentle one-pole low-pass at 5 kHz; left and
// right independent.
//
// Level: -20 dBFS RMS per channel. Real-time: see StereoNoise.
#pragma once

#include <cstdint>

#include "dsp/noise_shaping.hpp"
#include "dsp/stereo_noise.hpp"

namespace stillpoint::dsp {

struct BrownFilter {
    static constexpr std::uint32_t kSeed = 0x510E527Fu;
    static BrownFilter design(double sampleRate);

    void step(float whiteLeft, float whiteRight, float& left, float& right) noexcept {
        integralLeft = leak * integralLeft + whiteLeft;
        integralRight = leak * integralRight + whiteRight;
        left = topLeft.step(dcLeft.step(integralLeft));
        right = topRight.step(dcRight.step(integralRight));
    }

    float leak = 0.999f;
    float integralLeft = 0.0f, integralRight = 0.0f;
    DcBlocker dcLeft, dcRight;
    GentleLowPass topLeft, topRight;
};

using BrownNoise = StereoNoise<BrownFilter>;

}  // namespace stillpoint::dsp
