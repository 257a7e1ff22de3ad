// AudioFileWriter: interleaved float frames to WAV, FLAC or Ogg through
// libsndfile, via a temporary file that is renamed into place on commit()
// (see atomic_file.hpp). Destroying an uncommitted writer removes the temporary.
#pragma once

#include <sndfile.h>

#include <cstdint>
#include <string>

#include "stillpoint/offline_render.hpp"

namespace stillpoint {

class AudioFileWriter {
public:
    AudioFileWriter() = default;
    ~AudioFileWriter();
    AudioFileWriter(const AudioFileWriter&) = delete;
    AudioFileWriter& operator=(const AudioFileWriter&) = delete;

    /// Opens a temporary beside `path`. False with error() set on failure.
    bool open(const std::string& path, AudioFileFormat format, int sampleRate, int channels);
    bool write(const float* interleaved, std::int64_t frames);
    /// Close and rename the temporary to the target path.
    bool commit();
    const std::string& error() const { return error_; }

private:
    void discard();

    SNDFILE* file_ = nullptr;
    std::string path_;
    std::string tempPath_;
    std::string error_;
};

}  // namespace stillpoint
