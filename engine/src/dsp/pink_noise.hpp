// PinkNoise: pink (-3 dB/octave) noise for the ambience bed. White noise
// through Paul Kellet's economy pink filter (three one-poles plus a direct
// term, within +-0.5 dB of -3 dB/octave from ~10 Hz up; his six-pole refined
// filter is twice the work for an accuracy no ear hears in a noise bed), a DC
// blocker (5 Hz) and a gentle one-pole low-pass at 5 kHz; left and right
// independent.
//
// The DC blocker is folded into the pink filter by partial fractions: pink
// times (1 - z^-1)/(1 - r z^-1) is again three one-poles at Kellet's poles,
// one more at r, and a direct term, so the four poles fill one SIMD register.
//
// Level: -20 dBFS RMS per channel. Real-time: see StereoNoise.
#pragma once

#include <cstdint>

#include "dsp/float4.hpp"
#include "dsp/noise_shaping.hpp"
#include "dsp/stereo_noise.hpp"

namespace stillpoint::dsp {

struct PinkFilter {
    static constexpr std::uint32_t kSeed = 0x3C6EF372u;
    static PinkFilter design(double sampleRate);

    void step(float whiteLeft, float whiteRight, float& left, float& right) noexcept {
        stateLeft = pole * stateLeft + gain * Float4::broadcast(whiteLeft);
        stateRight = pole * stateRight + gain * Float4::broadcast(whiteRight);
        // From here on the lanes are (left, right, 0, 0).
        const Float4 pink = Float4::sumPairLanes(stateLeft, stateRight) +
                            direct * Float4::make(whiteLeft, whiteRight, 0.0f, 0.0f);
        top = top + topCoefficient * (pink - top);
        float out[4];
        top.store(out);
        left = out[0];
        right = out[1];
    }

    Float4 pole{}, gain{};  // lanes: Kellet's three poles and the DC blocker's
    Float4 stateLeft{}, stateRight{};
    Float4 direct{}, topCoefficient{};  // broadcast
    Float4 top{};                       // the 5 kHz one-pole, lanes (left, right, 0, 0)
};

using PinkNoise = StereoNoise<PinkFilter>;

}  // namespace stillpoint::dsp
