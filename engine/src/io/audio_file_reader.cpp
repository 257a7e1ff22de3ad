#include "io/audio_file_reader.hpp"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "text/bounded_file.hpp"

namespace stillpoint {
namespace {

/// libsndfile's virtual I/O over a byte span, so files and memory share one path.
struct MemoryFile {
    std::span<const std::uint8_t> bytes;
    sf_count_t position = 0;
};

sf_count_t memoryLength(void* user) {
    return static_cast<sf_count_t>(static_cast<MemoryFile*>(user)->bytes.size());
}

sf_count_t memorySeek(sf_count_t offset, int whence, void* user) {
    auto& file = *static_cast<MemoryFile*>(user);
    const auto size = static_cast<sf_count_t>(file.bytes.size());
    const sf_count_t base = whence == SEEK_CUR ? file.position : whence == SEEK_END ? size : 0;
    file.position = std::clamp<sf_count_t>(base + offset, 0, size);
    return file.position;
}

sf_count_t memoryRead(void* destination, sf_count_t count, void* user) {
    auto& file = *static_cast<MemoryFile*>(user);
    const auto size = static_cast<sf_count_t>(file.bytes.size());
    const sf_count_t n =
        std::clamp<sf_count_t>(size - file.position, 0, std::max<sf_count_t>(count, 0));
    if (n > 0)
        std::memcpy(destination, file.bytes.data() + file.position, static_cast<std::size_t>(n));
    file.position += n;
    return n;
}

sf_count_t memoryWrite(const void*, sf_count_t, void*) {
    return 0;
}
sf_count_t memoryTell(void* user) {
    return static_cast<MemoryFile*>(user)->position;
}

AudioClipRead failed(const std::string& name, const std::string& problem) {
    return {std::nullopt, name + ": " + problem};
}

/// libsndfile reads a WAV whose data is shorter than its header says, and
/// only notes "(should be N)" in its log: that is a truncated or damaged file.
std::optional<std::string> headerMismatch(SNDFILE* file) {
    char log[2048] = {};
    sf_command(file, SFC_GET_LOG_INFO, log, sizeof log);
    const char* found = std::strstr(log, "should be");
    if (!found) return std::nullopt;
    const char* lineStart = found;
    while (lineStart > log && lineStart[-1] != '\n') --lineStart;
    const char* lineEnd = std::strchr(found, '\n');
    return std::string(lineStart, lineEnd ? lineEnd : found + std::strlen(found));
}

/// Only WAV and FLAC reach libsndfile, which would otherwise also try its
/// MP3, Ogg and a dozen other decoders on whatever bytes it is given.
bool startsLikeWavOrFlac(std::span<const std::uint8_t> bytes) {
    const auto has = [&](std::size_t at, const char* magic) {
        const std::size_t n = std::strlen(magic);
        return bytes.size() >= at + n && std::memcmp(bytes.data() + at, magic, n) == 0;
    };
    return (has(0, "RIFF") && has(8, "WAVE")) || has(0, "fLaC");
}

bool acceptedContainer(int format) {
    const int major = format & SF_FORMAT_TYPEMASK;
    return major == SF_FORMAT_WAV || major == SF_FORMAT_WAVEX || major == SF_FORMAT_FLAC;
}

std::string secondsText(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%g s", seconds);
    return text;
}

constexpr const char* kReExport = "export it again as WAV or FLAC";

}  // namespace

AudioClipRead readAudioClip(std::span<const std::uint8_t> bytes, const std::string& name,
                            const AudioClipLimits& limits) {
    if (bytes.empty()) return failed(name, "the file is empty; " + std::string(kReExport));
    if (!startsLikeWavOrFlac(bytes))
        return failed(name, "not a readable WAV or FLAC file (it does not start like one); " +
                                std::string(kReExport));
    MemoryFile memory{bytes};
    SF_VIRTUAL_IO io{memoryLength, memorySeek, memoryRead, memoryWrite, memoryTell};
    SF_INFO info{};
    SNDFILE* file = sf_open_virtual(&io, SFM_READ, &info, &memory);
    if (!file)
        return failed(name, std::string("not a readable WAV or FLAC file (") +
                                sf_strerror(nullptr) + "); " + kReExport);
    struct Closer {
        SNDFILE* f;
        ~Closer() { sf_close(f); }
    } closer{file};

    if (!acceptedContainer(info.format))
        return failed(name, "is not WAV or FLAC; " + std::string(kReExport));
    if (info.channels < 1 || info.channels > limits.maxChannels)
        return failed(name,
                      "has " + std::to_string(info.channels) + " channels; use mono or stereo");
    if (info.samplerate < 8000 || info.samplerate > 192000)
        return failed(name, "has a sample rate of " + std::to_string(info.samplerate) +
                                " Hz; use 8000 to 192000 Hz (44100 or 48000 is usual)");
    if (info.frames <= 0) return failed(name, "holds no audio; " + std::string(kReExport));
    if (static_cast<double>(info.frames) > limits.maxSeconds * info.samplerate)
        return failed(name, "is longer than the " + secondsText(limits.maxSeconds) +
                                " a clip may be; split it");
    if (const auto mismatch = headerMismatch(file))
        return failed(name,
                      "is truncated or its header is damaged (" + *mismatch + "); " + kReExport);

    AudioClip clip;
    clip.sampleRate = info.samplerate;
    clip.channels = info.channels;
    clip.interleaved.resize(static_cast<std::size_t>(info.frames) *
                            static_cast<std::size_t>(info.channels));
    const sf_count_t read = sf_readf_float(file, clip.interleaved.data(), info.frames);
    if (read != info.frames)
        return failed(name, "is truncated or damaged: its header promises " +
                                std::to_string(info.frames) + " frames, only " +
                                std::to_string(std::max<sf_count_t>(read, 0)) +
                                " could be decoded (" + sf_strerror(file) + "); " + kReExport);
    for (std::size_t i = 0; i < clip.interleaved.size(); ++i) {
        const float sample = clip.interleaved[i];
        if (!std::isfinite(sample) || std::fabs(sample) > 1.0f)
            return failed(
                name,
                "has an invalid sample (" +
                    std::string(std::isfinite(sample) ? "beyond full scale" : "NaN or infinite") +
                    ") at frame " + std::to_string(i / static_cast<std::size_t>(clip.channels)) +
                    "; " + kReExport + " with integer samples");
    }
    return {std::move(clip), {}};
}

AudioClipRead readAudioClipFile(const std::string& path, const AudioClipLimits& limits) {
    const auto file = readBoundedFile(path, limits.maxFileBytes);
    switch (file.problem) {
        case BoundedFile::Problem::None: break;
        case BoundedFile::Problem::Missing:
            return failed(path, "cannot read the file: " + file.systemMessage + "; check the path");
        case BoundedFile::Problem::Folder:
            return failed(path, "is a folder, not a clip; name a WAV or FLAC file");
        case BoundedFile::Problem::TooLarge:
            return failed(path, "the file is " + megabytes(file.sizeBytes) + ", larger than the " +
                                    megabytes(limits.maxFileBytes) + " a clip may be; split it");
        case BoundedFile::Problem::Unreadable:
            return failed(path, "cannot read the file (" + file.systemMessage +
                                    "); check that it is readable");
    }
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(file.bytes.data());
    return readAudioClip({bytes, file.bytes.size()}, path, limits);
}

}  // namespace stillpoint
