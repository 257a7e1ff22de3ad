#include "io/audio_file_reader.hpp"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "dsp/sample_guard.hpp"
#include "io/regular_file.hpp"
#include "stillpoint/bounded_file.hpp"

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
/// only notes "(should be N)" in its log: that is a truncated or damaged
/// file. One exception: a data length of 0xFFFFFFFF is what a program writing
/// to a pipe puts there (it cannot seek back to fill it in): the audio runs
/// to the end of the file, as libsndfile reads it.
std::optional<std::string> headerMismatch(SNDFILE* file) {
    char log[2048] = {};
    sf_command(file, SFC_GET_LOG_INFO, log, sizeof log);
    for (const char* found = std::strstr(log, "(should be"); found != nullptr;
         found = std::strstr(found + 1, "(should be")) {
        const char* lineStart = found;
        while (lineStart > log && lineStart[-1] != '\n') --lineStart;
        const char* lineEnd = std::strchr(found, '\n');
        std::string line(lineStart, lineEnd ? lineEnd : found + std::strlen(found));
        if (line.rfind("data : 4294967295 ", 0) != 0) return line;
    }
    return std::nullopt;
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

/// "1.234 s": where a sample lies in the clip, as an editor shows it.
std::string timeText(std::size_t frame, int sampleRate) {
    char text[48];
    std::snprintf(text, sizeof text, "%.3f s", static_cast<double>(frame) / sampleRate);
    return text;
}

constexpr const char* kReExport = "export it again as WAV or FLAC";
// Integer samples cannot be NaN, infinite or beyond full scale.
constexpr const char* kReExportInteger = "export it again as 16- or 24-bit WAV or FLAC";
// libsndfile's frame count for a FLAC whose header leaves the length open.
constexpr sf_count_t kUnknownLength = SF_COUNT_MAX;
// Clips decode this many frames at a time, each chunk checked before the next is read.
constexpr sf_count_t kDecodeChunkFrames = 1 << 16;

/// How one clip's header measures up to the limits, before any sample is decoded.
class ClipBounds {
  public:
    ClipBounds(const SF_INFO& info, const AudioClipLimits& limits) : info_(info), limits_(limits) {}

    std::optional<std::string> problemWithFormat() const {
        if (!acceptedContainer(info_.format))
            return "is not WAV or FLAC; " + std::string(kReExport);
        if (info_.channels < 1)
            return "has no channels (its header is damaged); " + std::string(kReExport);
        if (info_.channels > limits_.maxChannels)
            return "has " + std::to_string(info_.channels) + " channels, more than the " +
                   std::to_string(limits_.maxChannels) +
                   " a clip may have; export it as mono or stereo";
        if (info_.samplerate < limits_.minSampleRate || info_.samplerate > limits_.maxSampleRate)
            return "has a sample rate of " + std::to_string(info_.samplerate) + " Hz; use " +
                   std::to_string(limits_.minSampleRate) + " to " +
                   std::to_string(limits_.maxSampleRate) + " Hz (44100 or 48000 is usual)";
        return std::nullopt;
    }

    /// The most frames the limits allow, in time and in memory.
    sf_count_t maxFrames() const {
        const double bySeconds = limits_.maxSeconds * info_.samplerate;
        const double byMemory = static_cast<double>(limits_.maxDecodedBytes) /
                                (sizeof(float) * static_cast<double>(info_.channels));
        return static_cast<sf_count_t>(std::min(bySeconds, byMemory));
    }

    /// Why `frames` are too many: too long, or too large once decoded.
    std::string tooMany(sf_count_t frames) const {
        if (static_cast<double>(frames) > limits_.maxSeconds * info_.samplerate)
            return "is longer than the " + secondsText(limits_.maxSeconds) +
                   " a clip may be; split it";
        return "holds more samples than the " + megabytes(limits_.maxDecodedBytes) +
               " a clip may decode to; export it at 48000 Hz in mono or stereo, or split it";
    }

  private:
    const SF_INFO& info_;
    const AudioClipLimits& limits_;
};

/// Why `sample`, found at `index` of the interleaved samples, cannot be played.
std::string unplayable(float sample, std::size_t index, int channels, int sampleRate) {
    const std::size_t frame = index / static_cast<std::size_t>(channels);
    const std::string where = "a sample at " + timeText(frame, sampleRate) + " (frame " +
                              std::to_string(frame) + ", channel " +
                              std::to_string(index % static_cast<std::size_t>(channels) + 1) + ")";
    if (!std::isfinite(sample))
        return "has " + where + " that is NaN or infinite; " + kReExportInteger;
    char value[32];
    std::snprintf(value, sizeof value, "%g", static_cast<double>(sample));
    return "has " + where + " beyond full scale (" + value +
           "); normalise it to peak at or below 0 dBFS and " + kReExportInteger;
}

/// Every frame of `file`, in chunks (a FLAC from a pipe states no length),
/// stopping at the first frame past `bounds` or the first unplayable sample.
AudioClipRead decode(SNDFILE* file, const SF_INFO& info, const ClipBounds& bounds,
                     const std::string& name) {
    const auto channels = static_cast<std::size_t>(info.channels);
    const sf_count_t maxFrames = bounds.maxFrames();
    const bool lengthKnown = info.frames != kUnknownLength;
    AudioClip clip;
    clip.sampleRate = info.samplerate;
    clip.channels = info.channels;
    // A WAV's length is checked against the bytes it holds (headerMismatch);
    // a FLAC's is only a claim, so its buffer grows with what really decodes.
    if ((info.format & SF_FORMAT_TYPEMASK) != SF_FORMAT_FLAC)
        clip.interleaved.reserve(static_cast<std::size_t>(info.frames) * channels);
    sf_count_t decoded = 0;
    for (;;) {
        // One frame past the limit, so a clip exactly at it is not refused.
        const sf_count_t want = std::min(kDecodeChunkFrames, maxFrames + 1 - decoded);
        const std::size_t at = clip.interleaved.size();
        clip.interleaved.resize(at + static_cast<std::size_t>(want) * channels);
        const sf_count_t got =
            std::max<sf_count_t>(sf_readf_float(file, clip.interleaved.data() + at, want), 0);
        clip.interleaved.resize(at + static_cast<std::size_t>(got) * channels);
        const std::span<const float> fresh(clip.interleaved.data() + at,
                                           static_cast<std::size_t>(got) * channels);
        if (const auto bad = dsp::firstUnplayableSample(fresh))
            return failed(name, unplayable(fresh[*bad], at + *bad, info.channels, info.samplerate));
        decoded += got;
        if (decoded > maxFrames) return failed(name, bounds.tooMany(decoded));
        if (got < want) break;
    }
    if (decoded == 0) return failed(name, "holds no audio; " + std::string(kReExport));
    if (lengthKnown && decoded != info.frames)
        return failed(name, "is truncated or damaged: its header promises " +
                                std::to_string(info.frames) + " frames, only " +
                                std::to_string(decoded) + " could be decoded (" +
                                sf_strerror(file) + "); " + kReExport);
    return {std::move(clip), {}};
}

/// What a file that cannot be read as a whole regular file is, in words.
std::string unreadable(const RegularFile& file, const AudioClipLimits& limits) {
    switch (file.problem) {
        case RegularFile::Problem::Missing:
            return "cannot read the file: " + file.systemMessage + "; check the path";
        case RegularFile::Problem::Folder:
            return "is a folder, not a clip; name a WAV or FLAC file";
        case RegularFile::Problem::NotRegular:
            return "is " + file.whatItIs + ", not a file; name a WAV or FLAC file";
        case RegularFile::Problem::TooLarge:
            return "the file is " + megabytes(file.sizeBytes) + ", larger than the " +
                   megabytes(limits.maxFileBytes) + " a clip may be; split it";
        case RegularFile::Problem::Unreadable:
        case RegularFile::Problem::None:
            break;
    }
    return "cannot read the file (" + file.systemMessage + "); check that it is readable";
}

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

    const ClipBounds bounds(info, limits);
    if (const auto problem = bounds.problemWithFormat()) return failed(name, *problem);
    if (info.frames <= 0) return failed(name, "holds no audio; " + std::string(kReExport));
    if (info.frames != kUnknownLength && info.frames > bounds.maxFrames())
        return failed(name, bounds.tooMany(info.frames));
    if (const auto mismatch = headerMismatch(file))
        return failed(name,
                      "is truncated or its header is damaged (" + *mismatch + "); " + kReExport);
    return decode(file, info, bounds, name);
}

AudioClipRead readAudioClipFile(const std::string& path, const AudioClipLimits& limits) {
    const auto file = readRegularFile(path, limits.maxFileBytes);
    if (file.problem != RegularFile::Problem::None) return failed(path, unreadable(file, limits));
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(file.bytes.data());
    return readAudioClip({bytes, file.bytes.size()}, path, limits);
}

}  // namespace stillpoint
