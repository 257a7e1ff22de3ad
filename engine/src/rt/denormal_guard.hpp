// ScopedDenormalsOff: flush denormals to zero for the scope (x86 SSE), so
// decaying filters never fall into the slow subnormal range.
#pragma once

#if defined(__SSE__) || defined(__x86_64__)
#include <xmmintrin.h>
#endif

namespace stillpoint::rt {

class ScopedDenormalsOff {
public:
#if defined(__SSE__) || defined(__x86_64__)
    ScopedDenormalsOff() noexcept : saved_(_mm_getcsr()) { _mm_setcsr(saved_ | kFlushToZero | kDenormalsAreZero); }
    ~ScopedDenormalsOff() { _mm_setcsr(saved_); }

private:
    static constexpr unsigned kFlushToZero = 0x8000;
    static constexpr unsigned kDenormalsAreZero = 0x0040;
    unsigned saved_;
#endif
public:
    ScopedDenormalsOff(const ScopedDenormalsOff&) = delete;
    ScopedDenormalsOff& operator=(const ScopedDenormalsOff&) = delete;
};

}  // namespace stillpoint::rt
