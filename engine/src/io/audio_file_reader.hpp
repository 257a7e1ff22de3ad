// Reading audio clips (WAV, FLAC) that came from somewhere else: voice-pack
// recordings, test fixtures, fuzzed bytes. The one reader every such path
// uses. The bytes are untrusted: a truncated, damaged, mislabelled or absurd
// file comes back as an error naming the file, what is wrong and what to do,
// never as a crash, a hang, a huge allocation or a sample a sink cannot take.
//
// What is refused, before anything is allocated for samples where the header
// tells: anything but a regular file (a FIFO, a device); a file over
// maxFileBytes; containers other than WAV and FLAC; a sample rate outside
// minSampleRate..maxSampleRate or more than maxChannels channels; more audio
// than maxSeconds or maxDecodedBytes. A FLAC or WAV written to a pipe, whose
// header leaves the length open, is decoded in bounded chunks up to the same
// limits. Every sample must be finite and within full scale (-1..1): a NaN,
// an infinity or a float sample beyond 1.0 is refused with its time, not
// clamped, since a clip that holds one was exported wrongly and would sound
// other than its author heard it.
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
    int maxChannels = 8;
    int minSampleRate = 8000;
    int maxSampleRate = 384000;
    double maxSeconds = 10.0 * 60.0;  ///< a spoken line or a bell, never a whole session
    std::uintmax_t maxFileBytes = 256u << 20;
    /// The decoded samples (every channel, as floats): ten minutes of stereo at 96 kHz fit.
    std::uintmax_t maxDecodedBytes = 512u << 20;
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
/// Read and decode a WAV or FLAC file. Only a regular file is read: its type
/// and size are checked on the opened file before a byte is read.
AudioClipRead readAudioClipFile(const std::string& path, const AudioClipLimits& limits = {});

}  // namespace stillpoint
