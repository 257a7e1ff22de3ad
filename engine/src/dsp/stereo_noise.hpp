// StereoNoise<Filter>: two independent white-noise streams (left, right)
// through one coloring filter that runs both channels side by side, scaled
// to the nominal level. PinkNoise and BrownNoise are this with their own
// filters.
//
// Level: -20 dBFS RMS per channel, from the filter's impulse-response energy.
//
// Real-time: prepare() runs the filter for a few seconds of samples to
// measure it; reset() and process() are noexcept, allocation-free, O(frames).
// `Filter` provides: static Filter design(double sampleRate) (a fresh filter:
// reset() copies it back), void step(float whiteLeft, float whiteRight,
// float& left, float& right) noexcept, and static constexpr std::uint32_t kSeeds[2].
#pragma once

#include <array>

#include "dsp/nominal_level.hpp"
#include "dsp/noise_shaping.hpp"
#include "dsp/random.hpp"

namespace stillpoint::dsp {

template <typename Filter>
class StereoNoise {
public:
    void prepare(double sampleRate) {
        fresh_ = Filter::design(sampleRate);
        inputGain_ = unitNoiseGain(
            [filter = fresh_](float x) mutable {
                float l = 0.0f, r = 0.0f;
                filter.step(x, 0.0f, l, r);
                return l;
            },
            static_cast<int>(4.0 * sampleRate), kNominalRms);
        reset();
    }

    void reset() noexcept {
        filter_ = fresh_;
        noise_[0].reseed(Filter::kSeeds[0]);
        noise_[1].reseed(Filter::kSeeds[1]);
    }

    /// Add `frames` samples into left/right.
    void process(float* left, float* right, int frames) noexcept {
        // Locals: the output could alias members, which would pin the
        // filter's state to memory.
        Filter filter = filter_;
        Xorshift32 nl = noise_[0], nr = noise_[1];
        const float g = inputGain_;
        for (int i = 0; i < frames; ++i) {
            float l, r;
            filter.step(g * nl.nextBipolar(), g * nr.nextBipolar(), l, r);
            left[i] += l;
            right[i] += r;
        }
        filter_ = filter;
        noise_ = {nl, nr};
    }

private:
    Filter fresh_{};
    Filter filter_{};
    std::array<Xorshift32, 2> noise_;
    float inputGain_ = 0.0f;
};

}  // namespace stillpoint::dsp
