// ScopedDenormalsOff: flush denormals to zero for the scope (x86 SSE), so
// decaying filters never fall into the slow subnormal range. Elsewhere
// (WebAssembly, whose floats always keep subnormals; other CPUs) it does
// nothing, so the engine compiles unchanged on every target.
//
// Real-time safe: two register writes, no allocation.
#pragma once

#if defined(__SSE__) || defined(__x86_64__)
#define STILLPOINT_DENORMAL_GUARD_SSE 1
#include <xmmintrin.h>
#endif

namespace stillpoint::rt {

class ScopedDenormalsOff {
  public:
#if defined(STILLPOINT_DENORMAL_GUARD_SSE)
    ScopedDenormalsOff() noexcept : saved_(_mm_getcsr()) {
        _mm_setcsr(saved_ | kFlushToZero | kDenormalsAreZero);
    }
    ~ScopedDenormalsOff() {
        _mm_setcsr(saved_);
    }

  private:
    static constexpr unsigned kFlushToZero = 0x8000;
    static constexpr unsigned kDenormalsAreZero = 0x0040;
    unsigned saved_;
#else
    // User-provided, so a guard that does nothing still reads as used.
    ScopedDenormalsOff() noexcept {}  // NOLINT(modernize-use-equals-default)
    ~ScopedDenormalsOff() {}          // NOLINT(modernize-use-equals-default)
#endif
  public:
    ScopedDenormalsOff(const ScopedDenormalsOff&) = delete;
    ScopedDenormalsOff& operator=(const ScopedDenormalsOff&) = delete;
};

}  // namespace stillpoint::rt
