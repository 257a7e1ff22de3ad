// The one definition of a playable sample: finite and within full scale,
// -1..1. Readers of audio from outside (clips, the clip cache) refuse samples
// that break it; the engine's output guard repairs any that arise inside, so
// no sink (a file, a device, a plugin host, a C API buffer) ever receives one.
//
// Real-time: every function here is noexcept, allocation-free and bounded by
// its count; the engine runs guardSamples() on the audio thread.
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <span>

namespace stillpoint::dsp {

/// Finite and within [-1, 1]. (NaN fails the comparison; so does infinity.)
inline bool isPlayableSample(float sample) noexcept {
    return std::fabs(sample) <= 1.0f;
}

/// The index of the first sample that is not playable, or nullopt.
inline std::optional<std::size_t> firstUnplayableSample(std::span<const float> samples) noexcept {
    for (std::size_t i = 0; i < samples.size(); ++i)
        if (!isPlayableSample(samples[i])) return i;
    return std::nullopt;
}

/// Makes `count` samples safe to pass on: a non-finite sample becomes 0 (a
/// NaN or infinity has no level to keep), a finite one beyond full scale is
/// held at it. Returns how many samples it changed (0 for healthy audio).
inline int guardSamples(float* samples, int count) noexcept {
    int repaired = 0;
    for (int i = 0; i < count; ++i) {
        const float sample = samples[i];
        if (isPlayableSample(sample)) continue;
        samples[i] = std::isfinite(sample) ? std::copysign(1.0f, sample) : 0.0f;
        ++repaired;
    }
    return repaired;
}

}  // namespace stillpoint::dsp
