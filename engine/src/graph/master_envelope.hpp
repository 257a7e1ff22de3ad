// MasterEnvelope: the session's overall fade. Nothing starts or stops loud:
// fades in at the start, out at the end or on stop, with a raised-cosine
// shape (zero slope at both ends, so the fade itself has no corner).
// Real-time safe: all members noexcept, no allocation.
#pragma once

#include <cstdint>

namespace stillpoint {

class MasterEnvelope {
public:
    /// Ramp from the current level to `target` (0 or 1) over `frames`.
    void rampTo(float target, std::int64_t frames) noexcept;
    void snapTo(float level) noexcept;
    /// Multiply `n` samples of both channels by the envelope and advance it.
    void apply(float* left, float* right, int n) noexcept;
    bool isRamping() const noexcept { return remaining_ > 0; }
    float level() const noexcept { return level_; }

private:
    float level_ = 0.0f;
    float from_ = 0.0f;
    float to_ = 0.0f;
    std::int64_t length_ = 0;
    std::int64_t remaining_ = 0;
};

}  // namespace stillpoint
