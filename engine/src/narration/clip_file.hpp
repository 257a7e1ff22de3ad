// A recorded clip (a voice pack's line) as the voice layer takes it: mono, at
// its own rate up to the engine's. The file is read and checked by the one clip reader
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

struct RecordedAudio {
    std::vector<float> samples;  ///< mono
    double sampleRate = 0.0;
};

/// The clip at `path`, mono, at its own rate or, when that is higher,
/// resampled down to `maxRate` (no memory spent on what the engine cannot
/// play; the voice layer resamples the rest as it plays). Nullopt with
/// `error` set ("PATH: what is wrong; what to do") when the reader refuses the file.
std::optional<RecordedAudio> readClipFile(const std::string& path, double maxRate,
                                          std::string& error);

}  // namespace stillpoint::narration
