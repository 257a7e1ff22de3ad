// Reading a recorded clip (WAV, FLAC, anything libsndfile reads) as mono at
// the engine rate. Control thread only.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace stillpoint::narration {

/// The clip at `path`, channels averaged to mono (the voice layer plays one
/// centred voice) and resampled to `sampleRate` with libsoxr. Nullopt with
/// `error` set (without the path) when the file cannot be opened, fails to
/// decode, is truncated or holds no audio.
std::optional<std::vector<float>> readClipFile(const std::string& path, double sampleRate,
                                               std::string& error);

}  // namespace stillpoint::narration
