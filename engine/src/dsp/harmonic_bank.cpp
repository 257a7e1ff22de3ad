#include "dsp/harmonic_bank.hpp"

#include <algorithm>
#include <cmath>

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
    const Rotation r = rotationFor(settings.omega);
    c_[i] = r.c;
    s_[i] = r.s;
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
    // Locals, so the lanes stay in registers across the sample loop.
    Lanes re = re_, im = im_, p = p_, q = q_, gl = gainLeft_, gr = gainRight_;
    const Lanes c = c_, s = s_, dp = dp_, dq = dq_, dl = dLeft_, dr = dRight_;
    for (int i = 0; i < n; ++i) {
        Lanes y;
        for (int v = 0; v < kLanes; ++v) {
            p[v] += dp[v];
            q[v] += dq[v];
            gl[v] += dl[v];
            gr[v] += dr[v];
            const float nr = re[v] * c[v] - im[v] * s[v];
            im[v] = re[v] * s[v] + im[v] * c[v];
            re[v] = nr;
            y[v] = im[v] / (p[v] - q[v] * re[v]);
        }
        float l = 0.0f, r = 0.0f;
        for (int v = 0; v < kLanes; ++v) {
            l += gl[v] * y[v];
            r += gr[v] * y[v];
        }
        left[i] += l;
        right[i] += r;
    }
    re_ = re;
    im_ = im;
    p_ = p;
    q_ = q;
    gainLeft_ = gl;
    gainRight_ = gr;
}

}  // namespace stillpoint::dsp
