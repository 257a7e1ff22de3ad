// SincKernel: the weights that read a signal between its samples, for the
// voice layer's resampling of narration clips (made at the synthesiser's
// rate, 16 or 22.05 kHz, or a recording's) to the engine rate as they play.
//
// A Kaiser-windowed sinc over 32 samples, its cutoff at the clip's Nyquist
// (passband to about 0.43 of the clip's rate, images of its spectrum
// stopped by some 70 dB from 0.57: speech has little above 0.43), in 256
// phases between two samples, a weight in between read by linear
// interpolation of two phases; on a sample it reads that sample alone. Every phase sums to 1,
// so a line keeps its level; the kernel is symmetric, so a line keeps its
// timing. Read more slowly than the clip's rate (a recording played at a
// lower rate) it does not narrow: what lies above the lower rate's Nyquist
// folds down, faintly for speech.
//
// Real-time: the table is built at program start; weightsAt is noexcept,
// allocation-free and deterministic.
#pragma once

#include <array>

namespace stillpoint::detail {

inline constexpr int kSincTaps = 32;
/// The first tap's offset from the sample before the read position.
inline constexpr int kSincFirstTap = 1 - kSincTaps / 2;

/// The weights of samples index + kSincFirstTap ... index + kSincFirstTap +
/// kSincTaps - 1 for a value at index + `fraction` (0 <= fraction < 1).
void sincWeightsAt(double fraction, std::array<float, kSincTaps>& weights) noexcept;

}  // namespace stillpoint::detail
