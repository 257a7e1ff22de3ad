#include "dsp/harmonic_bank.hpp"

#include <algorithm>
#include <cmath>

#include "dsp/float4.hpp"

namespace stillpoint::dsp {

void HarmonicBank::reset() noexcept {
    re_.fill(1.0f);
    im_.fill(0.0f);
    c_.fill(1.0f);
    s_.fill(0.0f);
    p_.fill(1.0f);
    q_.fill(0.0f);
    gainLeft_.fill(0.0f);
    gainRight_.fill(0.0f);
    dp_.fill(0.0f);
    dq_.fill(0.0f);
    dLeft_.fill(0.0f);
    dRight_.fill(0.0f);
}

void HarmonicBank::setLane(int lane, const Lane& settings) noexcept {
    const auto i = static_cast<std::size_t>(lane);
    c_[i] = settings.pitch.c;
    s_[i] = settings.pitch.s;
    const float a = std::clamp(settings.brightness, 0.0f, 0.9f);
    // The series has mean square 1 / (2 (1 - a^2)): scale it to unit RMS.
    const float unit = std::sqrt(2.0f * (1.0f - a * a));
    constexpr float kGlide = 1.0f / kControlInterval;
    dp_[i] = (1.0f + a * a - p_[i]) * kGlide;
    dq_[i] = (2.0f * a - q_[i]) * kGlide;
    dLeft_[i] = (settings.left * unit - gainLeft_[i]) * kGlide;
    dRight_[i] = (settings.right * unit - gainRight_[i]) * kGlide;
}

void HarmonicBank::renormalise() noexcept {
    for (int v = 0; v < kLanes; ++v) {
        const float k = 1.5f - 0.5f * (re_[v] * re_[v] + im_[v] * im_[v]);
        re_[v] *= k;
        im_[v] *= k;
    }
}

void HarmonicBank::process(float* left, float* right, int n) noexcept {
    // One register per quantity: the four lanes side by side.
    Float4 re = Float4::load(re_.data()), im = Float4::load(im_.data());
    Float4 p = Float4::load(p_.data()), q = Float4::load(q_.data());
    Float4 gl = Float4::load(gainLeft_.data()), gr = Float4::load(gainRight_.data());
    const Float4 c = Float4::load(c_.data()), s = Float4::load(s_.data());
    const Float4 dp = Float4::load(dp_.data()), dq = Float4::load(dq_.data());
    const Float4 dl = Float4::load(dLeft_.data()), dr = Float4::load(dRight_.data());
    for (int i = 0; i < n; ++i) {
        p = p + dp;
        q = q + dq;
        gl = gl + dl;
        gr = gr + dr;
        const Float4 nextRe = re * c - im * s;
        im = re * s + im * c;
        re = nextRe;
        const Float4 y = im / (p - q * re);
        float l, r;
        Float4::sumPair(gl * y, gr * y, l, r);
        left[i] += l;
        right[i] += r;
    }
    re.store(re_.data());
    im.store(im_.data());
    p.store(p_.data());
    q.store(q_.data());
    gl.store(gainLeft_.data());
    gr.store(gainRight_.data());
}

}  // namespace stillpoint::dsp
