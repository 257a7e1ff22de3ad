#include "dsp/wave_voice.hpp"

#include <algorithm>
#include <cmath>

#include "dsp/float4.hpp"
#include "dsp/nominal_level.hpp"

namespace stillpoint::dsp {
namespace {

constexpr double kEmptyCutoffHz = 250.0;
constexpr double kFullCutoffHz = 1400.0;
const double kCutoffOctaves = std::log2(kFullCutoffHz / kEmptyCutoffHz);
constexpr double kResonance = 0.8;  // Q: a soft crest at the cutoff, the wave's "hiss"
constexpr double kTopHz = 3000.0;
constexpr float kFloor = 0.25f;  // -12 dB: the level when empty, relative to full
// Mid-breath (fullness 0.5) lands on the nominal level, less 0.94 dB: its
// hiss weighs more in loudness (K-weighting) than the pad's partials, and
// this brings the two breath tones to one integrated loudness.
constexpr float kLoudnessMatch = 0.8974f;
constexpr float kFullLevel = kLoudnessMatch * kNominalRms / (kFloor + (1.0f - kFloor) * 0.5f);

constexpr std::uint32_t kSeedLeft = 0x6A09E667u;
constexpr std::uint32_t kSeedRight = 0xBB67AE85u;

}  // namespace

void WaveVoice::prepare(double sampleRate) {
    rate_ = sampleRate;
    topCoefficient_ =
        static_cast<float>(1.0 - std::exp(-2.0 * 3.141592653589793 * kTopHz / sampleRate));
    reset();
}

void WaveVoice::reset() noexcept {
    clock_.reset();
    noise_[0].reseed(kSeedLeft);
    noise_[1].reseed(kSeedRight);
    ic1_.fill(0.0f);
    ic2_.fill(0.0f);
    top_.fill(0.0f);
    gain_ = 0.0f;
    gainStep_ = 0.0f;
}

void WaveVoice::update(float fullness) noexcept {
    const double f = std::clamp(static_cast<double>(fullness), 0.0, 1.0);
    const double cutoff = std::min(kEmptyCutoffHz * std::exp2(kCutoffOctaves * f), 0.45 * rate_);
    const double x = 3.141592653589793 * cutoff / rate_;
    const double x2 =
        x * x;  // tan(x) by its series while x is small (always, below 5 kHz at 44.1 kHz)
    const double g =
        x < 0.35
            ? x * (1.0 + x2 * (1.0 / 3 + x2 * (2.0 / 15 + x2 * (17.0 / 315 + x2 * (62.0 / 2835)))))
            : std::tan(x);
    const double k = 1.0 / kResonance;
    const double a1 = 1.0 / (1.0 + g * (g + k));
    const double a2 = g * a1;
    const double a3 = g * a2;
    // The TPT state-variable filter's update, multiplied out: each new state
    // is two products and an input term, a short chain from sample to sample.
    m11_ = static_cast<float>(2.0 * a1 - 1.0);
    m12_ = static_cast<float>(-2.0 * a2);
    m21_ = static_cast<float>(2.0 * a2);
    m22_ = static_cast<float>(1.0 - 2.0 * a3);
    b1_ = static_cast<float>(2.0 * a2);
    b2_ = static_cast<float>(2.0 * a3);
    o1_ = static_cast<float>(a2);
    o2_ = static_cast<float>(1.0 - a3);
    o3_ = static_cast<float>(a3);
    // White noise in [-1, 1) has variance 1/3 over fs/2; this low-pass passes
    // a noise bandwidth of pi Q fc / 2, so its output RMS is as below.
    const double noiseRms = std::sqrt(3.141592653589793 * kResonance * cutoff / (3.0 * rate_));
    const double swell = kFloor + (1.0 - kFloor) * f;
    const auto target = static_cast<float>(kFullLevel * swell / noiseRms);
    gainStep_ = (target - gain_) / static_cast<float>(kControlInterval);
}

void WaveVoice::render(float* left, float* right, int n) noexcept {
    Float4 ic1 = Float4::load(ic1_.data()), ic2 = Float4::load(ic2_.data()),
           top = Float4::load(top_.data());
    const Float4 m11 = Float4::broadcast(m11_), m12 = Float4::broadcast(m12_);
    const Float4 m21 = Float4::broadcast(m21_), m22 = Float4::broadcast(m22_);
    const Float4 b1 = Float4::broadcast(b1_), b2 = Float4::broadcast(b2_);
    const Float4 o1 = Float4::broadcast(o1_), o2 = Float4::broadcast(o2_),
                 o3 = Float4::broadcast(o3_);
    const Float4 k = Float4::broadcast(topCoefficient_);
    Xorshift32 noiseLeft = noise_[0], noiseRight = noise_[1];
    const float step = gainStep_;
    float gain = gain_;
    for (int i = 0; i < n; ++i) {
        gain += step;
        const Float4 x =
            Float4::make(noiseLeft.nextBipolar(), noiseRight.nextBipolar(), 0.0f, 0.0f);
        const Float4 low = o1 * ic1 + o2 * ic2 + o3 * x;
        const Float4 next1 = m11 * ic1 + m12 * ic2 + b1 * x;
        ic2 = m21 * ic1 + m22 * ic2 + b2 * x;
        ic1 = next1;
        top = top + k * (low - top);
        float out[4];
        (top * Float4::broadcast(gain)).store(out);
        left[i] += out[0];
        right[i] += out[1];
    }
    ic1.store(ic1_.data());
    ic2.store(ic2_.data());
    top.store(top_.data());
    noise_ = {noiseLeft, noiseRight};
    gain_ = gain;
}

void WaveVoice::process(const float* fullness, float* left, float* right, int frames) noexcept {
    clock_.walk(
        frames, [&](int offset) { update(fullness[offset]); },
        [&](int offset, int n) { render(left + offset, right + offset, n); });
}

}  // namespace stillpoint::dsp
