// AudioFileWriter: interleaved float frames to WAV, FLAC or Ogg through
// libsndfile, via a temporary file that is renamed into place on commit()
// (see atomic_file.hpp). Destroying an uncommitted writer removes the temporary.
//
// Sizes: a RIFF WAV counts its bytes in 32 bits, so past 4 GB (about 4.1
// hours of 48 kHz stereo 24-bit, 2 hours at 192 kHz) it would wrap and lie about its length; a
// WAV planned that long is written as RF64 (the EBU's 64-bit WAV, which
// libsndfile, ffmpeg, sox and the DAWs read), and a WAV that grows past its
// plan is refused rather than wrapped. FLAC counts frames in 36 bits (99
// hours at 192 kHz) and Ogg has no such field.
#pragma once

#include <sndfile.h>

#include <cstdint>
#include <string>

#include "stillpoint/offline_render.hpp"

namespace stillpoint {

/// RIFF: the plain WAV every tool reads. Rf64: the same audio with 64-bit sizes.
enum class WavContainer : unsigned char { Riff, Rf64 };

/// The container a 24-bit WAV of `frames` frames of `channels` channels needs.
WavContainer wavContainerFor(std::int64_t frames, int channels);

class AudioFileWriter {
  public:
    AudioFileWriter() = default;
    ~AudioFileWriter();
    AudioFileWriter(const AudioFileWriter&) = delete;
    AudioFileWriter& operator=(const AudioFileWriter&) = delete;

    /// Checks `path` (checkOutputFile) and opens a temporary beside it, for
    /// about `plannedFrames` frames (a WAV chooses its container by it).
    /// False with error() set on failure.
    bool open(const std::string& path, AudioFileFormat format, int sampleRate, int channels,
              std::int64_t plannedFrames);
    bool write(const float* interleaved, std::int64_t frames);
    /// Close and rename the temporary to the target path.
    bool commit();
    const std::string& error() const { return error_; }
    /// libsndfile's format of the file being written (SF_FORMAT_WAV | ..., SF_FORMAT_RF64 | ...).
    int sndfileFormat() const { return sndfileFormat_; }

  private:
    void discard();

    SNDFILE* file_ = nullptr;
    std::string path_;    ///< as the caller named it, for messages
    std::string target_;  ///< where it goes (a link followed)
    std::string tempPath_;
    std::string error_;
    int sndfileFormat_ = 0;
    int channels_ = 0;
    std::int64_t framesWritten_ = 0;
};

}  // namespace stillpoint
