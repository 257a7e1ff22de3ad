#include "io/audio_file_writer.hpp"

#include "io/atomic_file.hpp"

namespace stillpoint {
namespace {

int sndfileFormat(AudioFileFormat format) {
    switch (format) {
        case AudioFileFormat::Wav: return SF_FORMAT_WAV | SF_FORMAT_PCM_24;
        case AudioFileFormat::Flac: return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
        case AudioFileFormat::Ogg: return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    }
    return 0;
}

}  // namespace

AudioFileWriter::~AudioFileWriter() { discard(); }

bool AudioFileWriter::open(const std::string& path, AudioFileFormat format, int sampleRate,
                           int channels) {
    discard();
    path_ = path;
    tempPath_ = temporaryPathBeside(path);
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = channels;
    info.format = sndfileFormat(format);
    if (!sf_format_check(&info)) {
        error_ = path + ": libsndfile cannot write this format at " + std::to_string(sampleRate) +
                 " Hz with " + std::to_string(channels) + " channels";
        return false;
    }
    file_ = sf_open(tempPath_.c_str(), SFM_WRITE, &info);
    if (!file_) {
        error_ = path + ": cannot create the file: " + sf_strerror(nullptr) +
                 " (check that the folder exists and is writable)";
        tempPath_.clear();
        return false;
    }
    // Clip rather than wrap if a sample ever reaches full scale.
    sf_command(file_, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    if (format == AudioFileFormat::Ogg) {
        double quality = 0.6;  // libsndfile's VBR quality in 0..1
        sf_command(file_, SFC_SET_VBR_ENCODING_QUALITY, &quality, sizeof(quality));
    }
    return true;
}

bool AudioFileWriter::write(const float* interleaved, std::int64_t frames) {
    if (!file_) return false;
    if (sf_writef_float(file_, interleaved, frames) != frames) {
        error_ = path_ + ": write failed: " + sf_strerror(file_) + " (is the disk full?)";
        return false;
    }
    return true;
}

bool AudioFileWriter::commit() {
    if (!file_) return false;
    const int closed = sf_close(file_);
    file_ = nullptr;
    if (closed != 0) {
        error_ = path_ + ": could not finish the file: " + sf_error_number(closed);
        discard();
        return false;
    }
    const bool committed = commitTemporary(tempPath_, path_, error_);
    tempPath_.clear();
    return committed;
}

void AudioFileWriter::discard() {
    if (file_) sf_close(file_);
    file_ = nullptr;
    removeTemporary(tempPath_);
    tempPath_.clear();
}

}  // namespace stillpoint
