// Reading a recorded clip (WAV, FLAC, anything libsndfile reads) as mono, at
// its own rate up to the engine's. Control thread only.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace stillpoint::narration {

struct RecordedAudio {
    std::vector<float> samples;  ///< mono
    double sampleRate = 0.0;
};

/// The clip at `path`, channels averaged to mono (the voice layer plays one
/// centred voice), at its own rate or, when that is higher, resampled down
/// to `maxRate` with libsoxr (no memory spent on what the engine cannot
/// play). Nullopt with `error` set (without the path) when the file cannot
/// be opened, fails to decode, is truncated or holds no audio.
std::optional<RecordedAudio> readClipFile(const std::string& path, double maxRate,
                                          std::string& error);

}  // namespace stillpoint::narration
