#include "dsp/resonator_bank.hpp"

#include <algorithm>
#include <cmath>
#include <complex>

#include "dsp/float4.hpp"
#include "dsp/nominal_level.hpp"

namespace stillpoint::dsp {
namespace {

constexpr double kPi = 3.141592653589793;
// Pair partners: the louder one a little left, the softer a little right.
constexpr float kPartnerShare[2] = {0.65f, 0.35f};
constexpr float kPartnerLeft[2] = {0.85f, 0.53f};
constexpr float kPartnerRight[2] = {0.53f, 0.85f};
// Energy below this (sum of |z|^2 over the bank) counts as silence: -120 dBFS.
constexpr float kSilentEnergy = 1e-12f;

}  // namespace

void ResonatorBank::prepare(const BellDesign& design, double sampleRate) {
    const int pulseLength =
        std::max(2, static_cast<int>(std::lround(design.malletSeconds * sampleRate)));
    pulse_.assign(static_cast<std::size_t>(pulseLength), 0.0f);
    for (int n = 0; n < pulseLength; ++n)  // Hann, without its zero end points
        pulse_[static_cast<std::size_t>(n)] =
            static_cast<float>(0.5 - 0.5 * std::cos(2.0 * kPi * (n + 1) / (pulseLength + 1)));

    std::array<std::complex<double>, kResonators> poles{};
    for (int m = 0; m < 4; ++m) {
        const BellMode& mode = design.modes[static_cast<std::size_t>(m)];
        for (int p = 0; p < 2; ++p) {
            const auto k = static_cast<std::size_t>(2 * m + p);
            const double hz =
                design.fundamentalHz * mode.ratio + (p == 0 ? -0.5 : 0.5) * mode.beatHz;
            const double r = std::pow(10.0, -3.0 / (mode.t60 * sampleRate));
            poles[k] = std::polar(r, 2.0 * kPi * hz / sampleRate);
            poleRe_[k] = static_cast<float>(poles[k].real());
            poleIm_[k] = static_cast<float>(poles[k].imag());
            gainLeft_[k] = kPartnerLeft[p];
            gainRight_[k] = kPartnerRight[p];
            // Drive so the resonator's state right after one unit pulse has
            // the mode's amplitude.
            std::complex<double> z = 0.0;
            for (float force : pulse_) z = poles[k] * z + static_cast<double>(force);
            drive_[k] = static_cast<float>(mode.amplitude * kPartnerShare[p] / std::abs(z));
        }
    }
    // Level: play the first second of a strike once (in double) and scale the
    // drive so its mean power per channel is the nominal level; partners'
    // beating is part of what is measured.
    const auto window = static_cast<int>(sampleRate);
    std::array<std::complex<double>, kResonators> z{};
    double power = 0.0;
    for (int n = 0; n < window; ++n) {
        const double force = n < pulseLength ? pulse_[static_cast<std::size_t>(n)] : 0.0;
        double left = 0.0, right = 0.0;
        for (std::size_t k = 0; k < kResonators; ++k) {
            z[k] = poles[k] * z[k] + static_cast<double>(drive_[k]) * force;
            left += gainLeft_[k] * z[k].imag();
            right += gainRight_[k] * z[k].imag();
        }
        power += 0.5 * (left * left + right * right);
    }
    const auto scale = static_cast<float>(kNominalRms / std::sqrt(power / window));
    for (auto& d : drive_) d *= scale;
    reset();
}

void ResonatorBank::reset() noexcept {
    re_.fill(0.0f);
    im_.fill(0.0f);
    pulsePos_ = static_cast<int>(pulse_.size());
    velocity_ = 0.0f;
    pending_ = 0.0f;
    ringing_ = false;
}

void ResonatorBank::strike(float velocity) noexcept {
    pending_ += std::max(velocity, 0.0f);
}

void ResonatorBank::checkSilence() noexcept {
    if (!ringing_ || pulsePos_ < static_cast<int>(pulse_.size())) return;
    float energy = 0.0f;
    for (int k = 0; k < kResonators; ++k) energy += re_[k] * re_[k] + im_[k] * im_[k];
    if (energy >= kSilentEnergy) return;
    re_.fill(0.0f);
    im_.fill(0.0f);
    ringing_ = false;
}

template <ResonatorBank::Contact contact>
void ResonatorBank::ring(float* left, float* right, int n) noexcept {
    // Eight resonators as two registers of four (A: 0-3, B: 4-7).
    Float4 reA = Float4::load(re_.data()), reB = Float4::load(re_.data() + 4);
    Float4 imA = Float4::load(im_.data()), imB = Float4::load(im_.data() + 4);
    const Float4 prA = Float4::load(poleRe_.data()), prB = Float4::load(poleRe_.data() + 4);
    const Float4 piA = Float4::load(poleIm_.data()), piB = Float4::load(poleIm_.data() + 4);
    const Float4 glA = Float4::load(gainLeft_.data()), glB = Float4::load(gainLeft_.data() + 4);
    const Float4 grA = Float4::load(gainRight_.data()), grB = Float4::load(gainRight_.data() + 4);
    const Float4 driveA = Float4::load(drive_.data()), driveB = Float4::load(drive_.data() + 4);
    const float* force = pulse_.data() + pulsePos_;
    const float velocity = velocity_;
    for (int i = 0; i < n; ++i) {
        const Float4 nextReA = prA * reA - piA * imA;
        const Float4 nextReB = prB * reB - piB * imB;
        imA = prA * imA + piA * reA;
        imB = prB * imB + piB * reB;
        reA = nextReA;
        reB = nextReB;
        if constexpr (contact == Contact::Mallet) {
            const Float4 x = Float4::broadcast(velocity * force[i]);
            reA = reA + driveA * x;
            reB = reB + driveB * x;
        }
        float l, r;
        Float4::sumPair(glA * imA + glB * imB, grA * imA + grB * imB, l, r);
        left[i] += l;
        right[i] += r;
    }
    reA.store(re_.data());
    reB.store(re_.data() + 4);
    imA.store(im_.data());
    imB.store(im_.data() + 4);
    if constexpr (contact == Contact::Mallet) pulsePos_ += n;
}

void ResonatorBank::process(float* left, float* right, int n) noexcept {
    const int pulseLength = static_cast<int>(pulse_.size());
    for (int done = 0; done < n;) {
        if (pulsePos_ == pulseLength && pending_ > 0.0f) {
            velocity_ = pending_;
            pending_ = 0.0f;
            pulsePos_ = 0;
            ringing_ = true;
        }
        if (!ringing_) return;
        if (pulsePos_ < pulseLength) {
            const int m = std::min(n - done, pulseLength - pulsePos_);
            ring<Contact::Mallet>(left + done, right + done, m);
            done += m;
        } else {
            ring<Contact::Free>(left + done, right + done, n - done);
            done = n;
        }
    }
}

}  // namespace stillpoint::dsp
