// Peak control for a spoken line: a synthesised voice can have peaks far
// above its loudness (plosives, a sudden stress). A session calibrated to
// -16 LUFS would then drive those peaks into the master limiter, which cuts
// the session's loudness under its target. Each line is limited here instead,
// off the audio thread, with a smooth gain: the gain at a peak is never above
// what keeps it under the ceiling, and it moves over a few milliseconds, so
// the voice is not distorted.
#pragma once

#include <vector>

namespace stillpoint::narration {

/// Scale `samples` so no sample exceeds `ceiling` (linear), with a gain that
/// reaches each peak over `smoothSeconds`.
void limitPeaks(std::vector<float>& samples, float ceiling, double sampleRate,
                double smoothSeconds = 0.005);

}  // namespace stillpoint::narration
