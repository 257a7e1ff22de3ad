// StereoNoise<Filter>: two independent white-noise streams (left, right)
// through two copies of one coloring filter, scaled to the nominal level.
// PinkNoise and BrownNoise are this with their own filters.
//
// Level: -20 dBFS RMS per channel, from the filter's impulse-response energy.
//
// Real-time: prepare() runs the filter for a few seconds of samples to
// measure it; reset() and process() are noexcept, allocation-free, O(frames).
// `Filter` provides: static Filter design(double sampleRate) (a fresh filter:
// reset() copies it back), float step(float white) noexcept, and
// static constexpr std::uint32_t kSeeds[2].
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
        inputGain_ = unitNoiseGain(fresh_, static_cast<int>(4.0 * sampleRate), kNominalRms);
        reset();
    }

    void reset() noexcept {
        channels_ = {fresh_, fresh_};
        noise_[0].reseed(Filter::kSeeds[0]);
        noise_[1].reseed(Filter::kSeeds[1]);
    }

    /// Add `frames` samples into left/right.
    void process(float* left, float* right, int frames) noexcept {
        Filter& l = channels_[0];
        Filter& r = channels_[1];
        const float g = inputGain_;
        for (int i = 0; i < frames; ++i) {
            left[i] += l.step(g * noise_[0].nextBipolar());
            right[i] += r.step(g * noise_[1].nextBipolar());
        }
    }

private:
    Filter fresh_{};
    std::array<Filter, 2> channels_{};
    std::array<Xorshift32, 2> noise_;
    float inputGain_ = 0.0f;
};

}  // namespace stillpoint::dsp
