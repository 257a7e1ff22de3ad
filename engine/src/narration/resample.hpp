// Resampling a clip to the engine rate with libsoxr (high quality, linear
// phase). Control thread only.
#pragma once

#include <string>
#include <vector>

namespace stillpoint::narration {

/// `samples` (mono) from `fromRate` to `toRate`; the input as is when the rates match.
/// Empty with `error` set when libsoxr fails.
std::vector<float> resampleMono(const std::vector<float>& samples, double fromRate, double toRate,
                                std::string& error);

}  // namespace stillpoint::narration
