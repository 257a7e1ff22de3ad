// A recorded clip (a voice pack's line) as the voice layer plays it: mono at
// the engine rate. The file is read and checked by the one clip reader
// (io/audio_file_reader.hpp); this adds only the downmix and the resampling.
// Control thread only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/audio_file_reader.hpp"

namespace stillpoint::narration {

/// `clip` with its channels averaged to mono (the voice layer plays one
/// centred voice) and resampled to `sampleRate` with libsoxr. Nullopt with
/// `error` set when libsoxr fails.
std::optional<std::vector<float>> monoAtRate(const AudioClip& clip, double sampleRate,
                                             std::string& error);

/// The clip at `path` as monoAtRate() makes it. Nullopt with `error` set
/// ("PATH: what is wrong; what to do") when the reader refuses the file.
std::optional<std::vector<float>> readClipFile(const std::string& path, double sampleRate,
                                               std::string& error);

}  // namespace stillpoint::narration
