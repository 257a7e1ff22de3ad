// PinkNoise: pink (-3 dB/octave) noise for the ambience bed. White noise
// through Paul Kellet's refined pink filter (six one-poles plus two direct
// terms, within +-0.05 dB of -3 dB/octave above ~10 Hz), a DC blocker and a
// gentle one-pole low-pass at 5 kHz; left and right independent.
//
// Level: -20 dBFS RMS per channel. Real-time: see StereoNoise. The six
// one-poles sit in an eight-lane array the compiler vectorises.
#pragma once

#include <array>
#include <cstdint>

#include "dsp/noise_shaping.hpp"
#include "dsp/stereo_noise.hpp"

namespace stillpoint::dsp {

struct PinkFilter {
    static constexpr std::uint32_t kSeeds[2] = {0x3C6EF372u, 0xA54FF53Au};
    static PinkFilter design(double sampleRate);

    float step(float white) noexcept {
        float sum = kDirect * white + kDelayed * previousWhite;
        previousWhite = white;
        for (std::size_t j = 0; j < 8; ++j) {
            state[j] = pole[j] * state[j] + gain[j] * white;
            sum += state[j];
        }
        return top.step(dc.step(sum));
    }

    static constexpr float kDirect = 0.5362f;     // the white sample itself
    static constexpr float kDelayed = 0.115926f;  // the previous white sample
    std::array<float, 8> pole{}, gain{}, state{};  // lanes 6 and 7: unused padding
    float previousWhite = 0.0f;
    DcBlocker dc;
    GentleLowPass top;
};

using PinkNoise = StereoNoise<PinkFilter>;

}  // namespace stillpoint::dsp
