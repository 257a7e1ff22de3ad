// StereoNoise<Filter>: white noise for left and right (the top and bottom
// 16 bits of one Xorshift32 draw: independent values, half the generator
// work) through one coloring filter that runs both channels side by side,
// scaled to the nominal level. PinkNoise and BrownNoise are this with their
// own filters.
//
// Level: -20 dBFS RMS per channel, from the filter's impulse-response energy.
//
// Real-time: prepare() runs the filter for a few seconds of samples to
// measure it; reset() and process() are noexcept, allocation-free, O(frames).
// `Filter` provides: static Filter design(double sampleRate) (a fresh filter:
// reset() copies it back), void step(float whiteLeft, float whiteRight,
// float& left, float& right) noexcept, and static constexpr std::uint32_t kSeed.
#pragma once

#include <cstdint>

#include "dsp/noise_shaping.hpp"
#include "dsp/nominal_level.hpp"
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
        noise_.reseed(Filter::kSeed);
    }

    /// Add `frames` samples into left/right.
    void process(float* left, float* right, int frames) noexcept {
        // Locals: the output could alias members, which would pin the
        // filter's state to memory.
        Filter filter = filter_;
        Xorshift32 noise = noise_;
        // One draw feeds both channels: its top and bottom 16 bits, two
        // independent uniform values (16-bit resolution is plenty for noise).
        const float g = inputGain_ * (1.0f / 32768.0f);
        for (int i = 0; i < frames; ++i) {
            const std::uint32_t bits = noise.nextU32();
            const auto top = static_cast<std::int16_t>(bits >> 16);
            const auto bottom = static_cast<std::int16_t>(bits & 0xFFFFu);
            float l, r;
            filter.step(g * static_cast<float>(top), g * static_cast<float>(bottom), l, r);
            left[i] += l;
            right[i] += r;
        }
        filter_ = filter;
        noise_ = noise;
    }

  private:
    Filter fresh_{};
    Filter filter_{};
    Xorshift32 noise_;
    float inputGain_ = 0.0f;
};

}  // namespace stillpoint::dsp
