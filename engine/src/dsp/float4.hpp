// Float4: four floats in one SIMD register (SSE2 on x86, NEON on ARM, a
// plain array elsewhere), with just the operations the generators' inner
// loops need. The oscillator and resonator banks keep their four lanes in
// these so their state stays in registers for a whole block; auto-vectorised
// arrays spill to the stack once there are more lanes than registers.
//
// Real-time: header-only value type, every operation O(1) and noexcept.
// Results are IEEE single precision on every path, and each path is
// deterministic; the horizontal sums add in a fixed order per path.
#pragma once

// Define STILLPOINT_FLOAT4_SCALAR to build the plain-array path anywhere
// (to test it, or for a target whose SIMD is unknown here).
#if defined(STILLPOINT_FLOAT4_SCALAR)
#include <array>
#elif defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
#include <emmintrin.h>
#define STILLPOINT_FLOAT4_SSE 1
#elif defined(__ARM_NEON) || defined(__ARM_NEON__)
#include <arm_neon.h>
#define STILLPOINT_FLOAT4_NEON 1
#else
#include <array>
#endif

namespace stillpoint::dsp {

struct Float4 {
#if defined(STILLPOINT_FLOAT4_SSE)
    __m128 v;
    static Float4 load(const float* p) noexcept {
        return {_mm_loadu_ps(p)};
    }
    static Float4 broadcast(float x) noexcept {
        return {_mm_set1_ps(x)};
    }
    static Float4 make(float a, float b, float c, float d) noexcept {
        return {_mm_setr_ps(a, b, c, d)};
    }
    void store(float* p) const noexcept {
        _mm_storeu_ps(p, v);
    }
    friend Float4 operator+(Float4 a, Float4 b) noexcept {
        return {_mm_add_ps(a.v, b.v)};
    }
    friend Float4 operator-(Float4 a, Float4 b) noexcept {
        return {_mm_sub_ps(a.v, b.v)};
    }
    friend Float4 operator*(Float4 a, Float4 b) noexcept {
        return {_mm_mul_ps(a.v, b.v)};
    }
    friend Float4 operator/(Float4 a, Float4 b) noexcept {
        return {_mm_div_ps(a.v, b.v)};
    }
    static Float4 max(Float4 a, Float4 b) noexcept {
        return {_mm_max_ps(a.v, b.v)};
    }
    Float4 abs() const noexcept {
        return {_mm_andnot_ps(_mm_set1_ps(-0.0f), v)};
    }
    /// The lane sums of a and b: (a0 + a2) + (a1 + a3), likewise for b.
    static void sumPair(Float4 a, Float4 b, float& sumA, float& sumB) noexcept {
        const __m128 halfA = _mm_add_ps(a.v, _mm_movehl_ps(a.v, a.v));  // a0+a2, a1+a3
        const __m128 halfB = _mm_add_ps(b.v, _mm_movehl_ps(b.v, b.v));
        const __m128 mixed = _mm_unpacklo_ps(halfA, halfB);  // a0+a2, b0+b2, a1+a3, b1+b3
        const __m128 sums = _mm_add_ps(mixed, _mm_movehl_ps(mixed, mixed));
        sumA = _mm_cvtss_f32(sums);
        sumB = _mm_cvtss_f32(_mm_shuffle_ps(sums, sums, 1));
    }
    /// The same sums as sumPair, as lanes (sumA, sumB, 0, 0).
    static Float4 sumPairLanes(Float4 a, Float4 b) noexcept {
        const __m128 halfA = _mm_add_ps(a.v, _mm_movehl_ps(a.v, a.v));
        const __m128 halfB = _mm_add_ps(b.v, _mm_movehl_ps(b.v, b.v));
        const __m128 mixed = _mm_unpacklo_ps(halfA, halfB);
        return {_mm_movelh_ps(_mm_add_ps(mixed, _mm_movehl_ps(mixed, mixed)), _mm_setzero_ps())};
    }
#elif defined(STILLPOINT_FLOAT4_NEON)
    float32x4_t v;
    static Float4 load(const float* p) noexcept {
        return {vld1q_f32(p)};
    }
    static Float4 broadcast(float x) noexcept {
        return {vdupq_n_f32(x)};
    }
    static Float4 make(float a, float b, float c, float d) noexcept {
        const float x[4] = {a, b, c, d};
        return {vld1q_f32(x)};
    }
    void store(float* p) const noexcept {
        vst1q_f32(p, v);
    }
    friend Float4 operator+(Float4 a, Float4 b) noexcept {
        return {vaddq_f32(a.v, b.v)};
    }
    friend Float4 operator-(Float4 a, Float4 b) noexcept {
        return {vsubq_f32(a.v, b.v)};
    }
    friend Float4 operator*(Float4 a, Float4 b) noexcept {
        return {vmulq_f32(a.v, b.v)};
    }
    friend Float4 operator/(Float4 a, Float4 b) noexcept {
        float x[4], y[4];
        vst1q_f32(x, a.v);
        vst1q_f32(y, b.v);
        for (int i = 0; i < 4; ++i) x[i] /= y[i];
        return {vld1q_f32(x)};
    }
    static Float4 max(Float4 a, Float4 b) noexcept {
        return {vmaxq_f32(a.v, b.v)};
    }
    Float4 abs() const noexcept {
        return {vabsq_f32(v)};
    }
    static void sumPair(Float4 a, Float4 b, float& sumA, float& sumB) noexcept {
        const float32x2_t halfA = vadd_f32(vget_low_f32(a.v), vget_high_f32(a.v));
        const float32x2_t halfB = vadd_f32(vget_low_f32(b.v), vget_high_f32(b.v));
        const float32x2_t sums = vpadd_f32(halfA, halfB);
        sumA = vget_lane_f32(sums, 0);
        sumB = vget_lane_f32(sums, 1);
    }
    static Float4 sumPairLanes(Float4 a, Float4 b) noexcept {
        float sumA, sumB;
        sumPair(a, b, sumA, sumB);
        return make(sumA, sumB, 0.0f, 0.0f);
    }
#else
    std::array<float, 4> v;
    static Float4 load(const float* p) noexcept {
        return {{p[0], p[1], p[2], p[3]}};
    }
    static Float4 broadcast(float x) noexcept {
        return {{x, x, x, x}};
    }
    static Float4 make(float a, float b, float c, float d) noexcept {
        return {{a, b, c, d}};
    }
    void store(float* p) const noexcept {
        for (int i = 0; i < 4; ++i) p[i] = v[i];
    }
    template <typename Op>
    static Float4 map(Float4 a, Float4 b, Op op) noexcept {
        return {{op(a.v[0], b.v[0]), op(a.v[1], b.v[1]), op(a.v[2], b.v[2]), op(a.v[3], b.v[3])}};
    }
    friend Float4 operator+(Float4 a, Float4 b) noexcept {
        return map(a, b, [](float x, float y) { return x + y; });
    }
    friend Float4 operator-(Float4 a, Float4 b) noexcept {
        return map(a, b, [](float x, float y) { return x - y; });
    }
    friend Float4 operator*(Float4 a, Float4 b) noexcept {
        return map(a, b, [](float x, float y) { return x * y; });
    }
    friend Float4 operator/(Float4 a, Float4 b) noexcept {
        return map(a, b, [](float x, float y) { return x / y; });
    }
    static Float4 max(Float4 a, Float4 b) noexcept {
        return map(a, b, [](float x, float y) { return x < y ? y : x; });
    }
    Float4 abs() const noexcept {
        return map(*this, *this, [](float x, float) { return x < 0.0f ? -x : x; });
    }
    static void sumPair(Float4 a, Float4 b, float& sumA, float& sumB) noexcept {
        sumA = (a.v[0] + a.v[2]) + (a.v[1] + a.v[3]);
        sumB = (b.v[0] + b.v[2]) + (b.v[1] + b.v[3]);
    }
    static Float4 sumPairLanes(Float4 a, Float4 b) noexcept {
        float sumA, sumB;
        sumPair(a, b, sumA, sumB);
        return make(sumA, sumB, 0.0f, 0.0f);
    }
#endif
};

}  // namespace stillpoint::dsp
