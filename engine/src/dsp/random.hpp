// Xorshift32: the only noise source in the DSP code. Deterministic (same seed,
// same sequence), so renders are bit-identical run to run; no global state, so
// two engines never share a stream.
//
// Real-time: every member is noexcept, allocation-free and O(1).
#pragma once

#include <cstdint>

namespace stillpoint::dsp {

class Xorshift32 {
  public:
    explicit Xorshift32(std::uint32_t seed = 0x9E3779B9u) noexcept { reseed(seed); }

    /// Zero would lock the generator at zero, so it is replaced.
    void reseed(std::uint32_t seed) noexcept { state_ = seed != 0 ? seed : 0x9E3779B9u; }

    std::uint32_t nextU32() noexcept {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 17;
        state_ ^= state_ << 5;
        return state_;
    }

    /// Uniform in [-1, 1): the top 24 bits as a signed fraction, so the float
    /// conversion is exact and 1.0 can never appear.
    float nextBipolar() noexcept {
        const auto top = static_cast<std::int32_t>(nextU32()) >> 8;
        return static_cast<float>(top) * (1.0f / 8388608.0f);
    }

  private:
    std::uint32_t state_ = 0;
};

}  // namespace stillpoint::dsp
