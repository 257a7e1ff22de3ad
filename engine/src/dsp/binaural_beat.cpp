#include "dsp/binaural_beat.hpp"

#include "dsp/nominal_level.hpp"

namespace stillpoint::dsp {
namespace {

constexpr double kGlideSeconds = 2.0;
constexpr float kAmplitude = kNominalRms * 1.41421356f;  // a sine's peak for its RMS
constexpr double kDefaultCarrierHz = 200.0;
constexpr double kDefaultBeatHz = 6.0;

}  // namespace

void BinauralBeat::prepare(double sampleRate) {
    radiansPerHz_ = radiansPerHz(sampleRate);
    leftHz_.prepare(sampleRate, kGlideSeconds);
    rightHz_.prepare(sampleRate, kGlideSeconds);
    reset();
}

void BinauralBeat::reset() noexcept {
    clock_.reset();
    leftHz_.reset(kDefaultCarrierHz - 0.5 * kDefaultBeatHz);
    rightHz_.reset(kDefaultCarrierHz + 0.5 * kDefaultBeatHz);
    leftPhase_ = Rotator{};
    rightPhase_ = Rotator{};
}

void BinauralBeat::configure(double carrierHz, double beatHz) noexcept {
    leftHz_.setTarget(carrierHz - 0.5 * beatHz);
    rightHz_.setTarget(carrierHz + 0.5 * beatHz);
}

void BinauralBeat::render(float* left, float* right, int n) noexcept {
    Rotator l = leftPhase_, r = rightPhase_;
    const Rotation ls = leftStep_, rs = rightStep_;
    for (int i = 0; i < n; ++i) {
        l.step(ls);
        r.step(rs);
        left[i] += kAmplitude * l.im;
        right[i] += kAmplitude * r.im;
    }
    leftPhase_ = l;
    rightPhase_ = r;
}

void BinauralBeat::process(float* left, float* right, int frames) noexcept {
    clock_.walk(
        frames,
        [&](int) {
            leftPhase_.renormalise();
            rightPhase_.renormalise();
            leftStep_ = rotationFor(leftHz_.tick() * radiansPerHz_);
            rightStep_ = rotationFor(rightHz_.tick() * radiansPerHz_);
        },
        [&](int offset, int n) { render(left + offset, right + offset, n); });
}

}  // namespace stillpoint::dsp
