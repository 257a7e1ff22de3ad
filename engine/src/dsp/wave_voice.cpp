#include "dsp/wave_voice.hpp"

#include <algorithm>
#include <cmath>

#include "dsp/nominal_level.hpp"

namespace stillpoint::dsp {
namespace {

constexpr double kEmptyCutoffHz = 250.0;
constexpr double kFullCutoffHz = 1400.0;
constexpr double kResonance = 0.8;  // Q: a soft crest at the cutoff, the wave's "hiss"
constexpr double kTopHz = 3000.0;
constexpr float kFloor = 0.25f;     // -12 dB: the level when empty, relative to full
// Mid-breath (fullness 0.5) lands on the nominal level.
constexpr float kFullLevel = kNominalRms / (kFloor + (1.0f - kFloor) * 0.5f);

constexpr std::uint32_t kSeedLeft = 0x6A09E667u;
constexpr std::uint32_t kSeedRight = 0xBB67AE85u;

}  // namespace

void WaveVoice::prepare(double sampleRate) {
    rate_ = sampleRate;
    for (auto& top : top_) top.prepare(kTopHz, sampleRate);
    reset();
}

void WaveVoice::reset() noexcept {
    clock_.reset();
    noise_[0].reseed(kSeedLeft);
    noise_[1].reseed(kSeedRight);
    ic1_.fill(0.0f);
    ic2_.fill(0.0f);
    for (auto& top : top_) top.y = 0.0f;
    gain_ = 0.0f;
    gainStep_ = 0.0f;
}

void WaveVoice::update(float fullness) noexcept {
    const double f = std::clamp(static_cast<double>(fullness), 0.0, 1.0);
    const double cutoff =
        std::min(kEmptyCutoffHz * std::pow(kFullCutoffHz / kEmptyCutoffHz, f), 0.45 * rate_);
    const double g = std::tan(3.141592653589793 * cutoff / rate_);
    const double k = 1.0 / kResonance;
    const double a1 = 1.0 / (1.0 + g * (g + k));
    a1_ = static_cast<float>(a1);
    a2_ = static_cast<float>(g * a1);
    a3_ = static_cast<float>(g * g * a1);
    // White noise in [-1, 1) has variance 1/3 over fs/2; this low-pass passes
    // a noise bandwidth of pi Q fc / 2, so its output RMS is as below.
    const double noiseRms = std::sqrt(3.141592653589793 * kResonance * cutoff / (3.0 * rate_));
    const double swell = kFloor + (1.0 - kFloor) * f;
    const auto target = static_cast<float>(kFullLevel * swell / noiseRms);
    gainStep_ = (target - gain_) / static_cast<float>(kControlInterval);
}

void WaveVoice::render(float* left, float* right, int n) noexcept {
    std::array<float*, 2> out{left, right};
    std::array<float, 2> ic1 = ic1_, ic2 = ic2_;
    const float a1 = a1_, a2 = a2_, a3 = a3_, step = gainStep_;
    float gain = gain_;
    for (int i = 0; i < n; ++i) {
        gain += step;
        for (std::size_t ch = 0; ch < 2; ++ch) {
            const float v3 = noise_[ch].nextBipolar() - ic2[ch];
            const float v1 = a1 * ic1[ch] + a2 * v3;
            const float v2 = ic2[ch] + a2 * ic1[ch] + a3 * v3;
            ic1[ch] = 2.0f * v1 - ic1[ch];
            ic2[ch] = 2.0f * v2 - ic2[ch];
            out[ch][i] += gain * top_[ch].step(v2);
        }
    }
    ic1_ = ic1;
    ic2_ = ic2;
    gain_ = gain;
}

void WaveVoice::process(const float* fullness, float* left, float* right, int frames) noexcept {
    clock_.walk(
        frames, [&](int offset) { update(fullness[offset]); },
        [&](int offset, int n) { render(left + offset, right + offset, n); });
}

}  // namespace stillpoint::dsp
