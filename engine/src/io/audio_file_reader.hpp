// Reading audio clips (WAV, FLAC) that came from somewhere else: voice packs,
// recorded narration. The bytes are untrusted: a truncated, damaged or
// mislabelled file comes back as an error naming the file, what is wrong and
// what to do, never as a crash, a huge allocation or NaN samples.
//
// Not real-time: read clips before the audio thread needs them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace stillpoint {

struct AudioClipLimits {
    int maxChannels = 2;
    double maxSeconds = 10.0 * 60.0;  ///< a spoken line or a bell, never a whole session
    std::uintmax_t maxFileBytes = 256u << 20;
};

struct AudioClip {
    int sampleRate = 0;
    int channels = 0;
    std::vector<float> interleaved;  ///< every sample finite, within -1..1
    std::int64_t frames() const {
        return channels ? static_cast<std::int64_t>(interleaved.size()) / channels : 0;
    }
};

struct AudioClipRead {
    std::optional<AudioClip> clip;
    std::string error;  ///< "<name>: what is wrong; what to do" when there is no clip
};

/// Decode a WAV or FLAC file held in memory. `name` is only used in messages.
AudioClipRead readAudioClip(std::span<const std::uint8_t> bytes, const std::string& name,
                            const AudioClipLimits& limits = {});
/// Read and decode a WAV or FLAC file; its size is checked before it is read.
AudioClipRead readAudioClipFile(const std::string& path, const AudioClipLimits& limits = {});

}  // namespace stillpoint
