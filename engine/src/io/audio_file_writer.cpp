#include "io/audio_file_writer.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "io/atomic_file.hpp"
#include "io/ogg_serial.hpp"
#include "stillpoint/output_file.hpp"

namespace stillpoint {
namespace {

constexpr std::int64_t kBytesPerSample = 3;  // 24-bit PCM
constexpr double kOpusCompressionLevel = 0.8;
constexpr double kMp3CompressionLevel = 0.5;
// A RIFF WAV's 32-bit size fields, less room for its header chunks.
constexpr std::int64_t kRiffDataLimit = 0xFFFFFFFFll - (1 << 20);

std::int64_t wavDataBytes(std::int64_t frames, int channels) {
    return frames * channels * kBytesPerSample;
}

int sndfileFormatFor(AudioFileFormat format, WavContainer container) {
    switch (format) {
        case AudioFileFormat::Wav:
            return (container == WavContainer::Rf64 ? SF_FORMAT_RF64 : SF_FORMAT_WAV) |
                   SF_FORMAT_PCM_24;
        case AudioFileFormat::Flac:
            return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
        case AudioFileFormat::Ogg:
            return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
        case AudioFileFormat::Opus:
            return SF_FORMAT_OGG | SF_FORMAT_OPUS;
        case AudioFileFormat::Mp3:
            return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
    }
    return 0;
}

/// The rates each codec's encoder takes (libsndfile's checks let others through to sf_open).
bool codecTakesRate(AudioFileFormat format, int sampleRate) {
    if (format == AudioFileFormat::Opus)
        return sampleRate == 8000 || sampleRate == 12000 || sampleRate == 16000 ||
               sampleRate == 24000 || sampleRate == 48000;
    if (format == AudioFileFormat::Mp3)
        return sampleRate == 32000 || sampleRate == 44100 || sampleRate == 48000;
    return true;
}

}  // namespace

std::string audioFileRefusal(const std::string& path, AudioFileFormat format, int sampleRate,
                             int channels) {
    if (format != AudioFileFormat::Opus && format != AudioFileFormat::Mp3) return "";
    SF_INFO probe{};
    probe.samplerate = 48000;
    probe.channels = channels;
    probe.format = sndfileFormatFor(format, WavContainer::Riff);
    const std::string name = format == AudioFileFormat::Opus ? "Opus" : "MP3";
    if (!sf_format_check(&probe))
        return path + ": this libsndfile (" + sf_version_string() + ") was built without " + name +
               "; render .flac or .ogg instead, or use a libsndfile with " + name +
               " (1.1 or later, as Debian 12's)";
    if (codecTakesRate(format, sampleRate)) return "";
    return path + ": " + name + " cannot be written at " + std::to_string(sampleRate) + " Hz (" +
           (format == AudioFileFormat::Opus ? "Opus takes 8000, 12000, 16000, 24000 or 48000"
                                            : "MP3 takes 32000, 44100 or 48000") +
           "); use --rate 48000";
}

namespace {

/// Bitrates for a voice over an ambience bed: transparent for speech, no
/// swirl in the bed's noise. libsndfile maps its compression level (0 best,
/// 1 smallest) onto each codec's range; these levels measure about 110 kbit/s
/// (Opus) and 100 to 120 kbit/s (MP3, variable) in stereo at 48 kHz.
void setLossyQuality(SNDFILE* file, AudioFileFormat format) {
    if (format == AudioFileFormat::Ogg) {
        double quality = 0.6;  // libsndfile's VBR quality in 0..1
        sf_command(file, SFC_SET_VBR_ENCODING_QUALITY, &quality, sizeof(quality));
        return;
    }
    if (format != AudioFileFormat::Opus && format != AudioFileFormat::Mp3) return;
    int mode = SF_BITRATE_MODE_VARIABLE;
    sf_command(file, SFC_SET_BITRATE_MODE, &mode, sizeof(mode));
    double level = format == AudioFileFormat::Opus ? kOpusCompressionLevel : kMp3CompressionLevel;
    sf_command(file, SFC_SET_COMPRESSION_LEVEL, &level, sizeof(level));
}

}  // namespace

WavContainer wavContainerFor(std::int64_t frames, int channels) {
    return wavDataBytes(frames, channels) > kRiffDataLimit ? WavContainer::Rf64
                                                           : WavContainer::Riff;
}

AudioFileWriter::~AudioFileWriter() {
    discard();
}

bool AudioFileWriter::open(const std::string& path, AudioFileFormat format, int sampleRate,
                           int channels, std::int64_t plannedFrames) {
    discard();
    path_ = path;
    const OutputFileCheck check = checkOutputFile(path);
    if (!check.ok()) {
        error_ = check.problem;
        return false;
    }
    target_ = check.path;
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = channels;
    info.format = sndfileFormatFor(format, wavContainerFor(plannedFrames, channels));
    if (error_ = audioFileRefusal(path, format, sampleRate, channels); !error_.empty())
        return false;
    if (!sf_format_check(&info)) {
        error_ = path + ": libsndfile cannot write this format at " + std::to_string(sampleRate) +
                 " Hz with " + std::to_string(channels) + " channels";
        return false;
    }
    tempPath_ = temporaryPathBeside(target_);
    const int fd = createTemporary(tempPath_);
    if (fd < 0) {
        error_ = path + ": cannot create the file: " + std::strerror(errno) +
                 " (check that the folder exists and is writable)";
        tempPath_.clear();
        return false;
    }
    file_ = sf_open_fd(fd, SFM_WRITE, &info, SF_TRUE);  // closes fd with the file
    if (!file_) {
        error_ = path + ": cannot create the file: " + sf_strerror(nullptr);
        discard();
        return false;
    }
    sndfileFormat_ = info.format;
    channels_ = channels;
    framesWritten_ = 0;
    // Clip rather than wrap if a sample ever reaches full scale.
    sf_command(file_, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    setLossyQuality(file_, format);
    return true;
}

bool AudioFileWriter::write(const float* interleaved, std::int64_t frames) {
    if (!file_) return false;
    const bool riff = (sndfileFormat_ & SF_FORMAT_TYPEMASK) == SF_FORMAT_WAV;
    if (riff && wavDataBytes(framesWritten_ + frames, channels_) > kRiffDataLimit) {
        error_ = path_ + ": grew past the 4 GB a WAV can count; render it as .flac";
        return false;
    }
    if (sf_writef_float(file_, interleaved, frames) != frames) {
        error_ = path_ + ": write failed: " + sf_strerror(file_) + " (is the disk full?)";
        return false;
    }
    framesWritten_ += frames;
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
    // The same audio gives the same file, Ogg too (see ogg_serial.hpp).
    if ((sndfileFormat_ & SF_FORMAT_TYPEMASK) == SF_FORMAT_OGG &&
        !setContentSerial(tempPath_, error_)) {
        discard();
        return false;
    }
    const bool committed = commitTemporary(tempPath_, target_, error_);
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
