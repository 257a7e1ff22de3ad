// A compiled session's folder on disk: its clip files written (clips.pcm as
// it is, FLAC and Opus through libsndfile) and read back, decoded to the 16-bit
// samples decodeCompiledSession takes. Native only: the web build gets the
// same samples from the browser's decoder (web/src/stillpoint.js).
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <optional>

#include "compiled/clip_files.hpp"
#include "compiled/json_document.hpp"
#include "compiled/sixteen_bit.hpp"
#include "io/atomic_file.hpp"
#include "io/audio_file_reader.hpp"
#include "io/regular_file.hpp"
#include "stillpoint/bounded_file.hpp"
#include "stillpoint/compiled_session.hpp"

namespace stillpoint {
namespace {

constexpr std::uintmax_t kMostFileBytes = std::uintmax_t{1} << 30;
/// libsndfile's level (0 best, 1 smallest) for Opus clips: speech, mono.
constexpr double kOpusCompressionLevel = 0.9;

/// A decoded float back to 16 bits, as the web loader rounds it.
std::int16_t sixteenBit(float sample) {
    return static_cast<std::int16_t>(std::clamp(std::lround(sample * 32768.0f), -32768L, 32767L));
}

/// An Ogg Opus clip file decoded by libsndfile (libopus at the file's rate).
std::optional<std::string> opusBytes(const std::string& path, int sampleRate, std::string& error) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        error = path + ": cannot read the file: " +
                (std::filesystem::exists(path, ec) ? std::string("not a regular file")
                                                   : std::string("No such file or directory")) +
                "; check the path";
        return std::nullopt;
    }
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (!file) {
        error = path + ": not a readable Ogg Opus file (" + sf_strerror(nullptr) +
                "); compile the session again";
        return std::nullopt;
    }
    if (info.channels != 1 || info.samplerate != sampleRate) {
        sf_close(file);
        error = path + ": " + std::to_string(info.channels) + " channels at " +
                std::to_string(info.samplerate) + " Hz, session.json says 1 at " +
                std::to_string(sampleRate) + "; compile the session again";
        return std::nullopt;
    }
    std::string bytes;
    std::vector<float> chunk(1 << 14);
    for (sf_count_t got;
         bytes.size() < kMostFileBytes &&
         (got = sf_read_float(file, chunk.data(), static_cast<sf_count_t>(chunk.size()))) > 0;)
        for (sf_count_t i = 0; i < got; ++i)
            compiled::appendSixteenBit(bytes, sixteenBit(chunk[static_cast<std::size_t>(i)]));
    sf_close(file);
    return bytes;
}

std::vector<std::int16_t> samplesOf(std::span<const std::uint8_t> littleEndian) {
    std::vector<std::int16_t> samples(littleEndian.size() / 2);
    for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i] = compiled::sixteenBitAt(littleEndian, i);
    return samples;
}

/// A clip file in FLAC (lossless, 16-bit) or Ogg Opus, mono at `sampleRate`.
bool writeEncoded(const std::string& path, ClipEncoding encoding, int sampleRate,
                  std::span<const std::uint8_t> bytes, std::string& error) {
    const bool flac = encoding == ClipEncoding::Flac;
    const std::string temporary = temporaryPathBeside(path);
    const int fd = createTemporary(temporary);
    if (fd < 0) {
        error = path + ": cannot create the file (" + std::strerror(errno) +
                "); choose a writable folder";
        return false;
    }
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = 1;
    info.format = flac ? SF_FORMAT_FLAC | SF_FORMAT_PCM_16 : SF_FORMAT_OGG | SF_FORMAT_OPUS;
    SNDFILE* file = sf_open_fd(fd, SFM_WRITE, &info, SF_TRUE);  // closes fd with the file
    if (!file) {
        ::close(fd);
        removeTemporary(temporary);
        error = path + ": libsndfile cannot write " + (flac ? "FLAC" : "Ogg Opus") + " here (" +
                sf_strerror(nullptr) + ")";
        return false;
    }
    if (flac) {
        // The smallest file FLAC makes (its level 8): encoded once, fetched by every listener.
        double level = 1.0;
        sf_command(file, SFC_SET_COMPRESSION_LEVEL, &level, sizeof(level));
    } else {
        int mode = SF_BITRATE_MODE_VARIABLE;
        sf_command(file, SFC_SET_BITRATE_MODE, &mode, sizeof(mode));
        double level = kOpusCompressionLevel;
        sf_command(file, SFC_SET_COMPRESSION_LEVEL, &level, sizeof(level));
    }
    const std::vector<std::int16_t> samples = samplesOf(bytes);
    const auto count = static_cast<sf_count_t>(samples.size());
    const bool written = sf_write_short(file, samples.data(), count) == count;
    const std::string why = sf_strerror(file);
    if (sf_close(file) != 0 || !written) {
        removeTemporary(temporary);
        error = path + ": cannot write the clip file (" + why + "); check the free space";
        return false;
    }
    return commitTemporary(temporary, path, error);
}

/// A clip file's samples as 16-bit little-endian bytes, or the reason not.
std::optional<std::string> clipFileBytes(const std::string& path, const CompiledClipFile& file,
                                         std::string& error) {
    if (file.encoding == ClipEncoding::Pcm) {
        RegularFile read = readRegularFile(path, kMostFileBytes);
        if (read.problem == RegularFile::Problem::None) return std::move(read.bytes);
        // Worded as the FLAC reader words it (audio_file_reader.cpp).
        error = path + ": cannot read the file: " +
                (read.systemMessage.empty() ? "not a regular file" : read.systemMessage) +
                "; check the path";
        return std::nullopt;
    }
    if (file.samples == 0) return std::string();
    if (file.encoding == ClipEncoding::Opus) return opusBytes(path, file.sampleRate, error);
    AudioClipLimits limits;
    limits.maxChannels = 1;
    limits.maxSeconds = 24.0 * 3600.0;
    limits.maxFileBytes = kMostFileBytes;
    limits.maxDecodedBytes = std::uintmax_t{4} << 30;
    AudioClipRead read = readAudioClipFile(path, limits);
    if (!read.clip) {
        error = read.error;
        return std::nullopt;
    }
    if (read.clip->sampleRate != file.sampleRate) {
        error = path + ": its rate is " + std::to_string(read.clip->sampleRate) +
                " Hz, session.json says " + std::to_string(file.sampleRate) +
                "; compile the session again";
        return std::nullopt;
    }
    std::string bytes;
    bytes.reserve(read.clip->interleaved.size() * 2);
    // 16-bit FLAC decodes to n / 32768 exactly: back to n.
    for (float sample : read.clip->interleaved)
        compiled::appendSixteenBit(bytes, sixteenBit(sample));
    return bytes;
}

}  // namespace

std::string writeCompiledClips(const std::string& folder, const CompiledFiles& files) {
    std::string error;
    for (const CompiledClipFile& file : files.clipFiles) {
        const std::string path = (std::filesystem::path(folder) / file.name).string();
        const std::span<const std::uint8_t> bytes(files.clips.data() + file.firstSample * 2,
                                                  static_cast<std::size_t>(file.samples) * 2);
        const bool written =
            file.encoding != ClipEncoding::Pcm
                ? writeEncoded(path, file.encoding, file.sampleRate, bytes, error)
                : writeFileAtomically(
                      path, {reinterpret_cast<const char*>(bytes.data()), bytes.size()}, error);
        if (!written) return error;
    }
    return {};
}

CompiledReadResult readCompiledFolder(const std::string& folder) {
    const std::string jsonPath = (std::filesystem::path(folder) / kCompiledProgramFile).string();
    CompiledReadResult result;
    const RegularFile json = readRegularFile(jsonPath, kMostFileBytes);
    if (json.problem != RegularFile::Problem::None) {
        result.error = jsonPath + ": cannot read the file (" +
                       (json.systemMessage.empty() ? "not a regular file" : json.systemMessage) +
                       "); name a folder `stillpoint compile` wrote";
        return result;
    }
    const compiled::JsonDocument document = compiled::parseJsonDocument(json.bytes);
    compiled::FieldReader r;
    std::vector<CompiledClipFile> files;
    if (document.value && document.value->is_object())
        files = compiled::readClipFiles(r, *document.value);
    // A file this reader cannot take says why through the decoder (its
    // format and version first); without clips to read, there is nothing to load.
    if (!document.value || !r.ok() || files.empty())
        return decodeCompiledSession(json.bytes, {}, jsonPath);

    std::vector<std::uint8_t> clips;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string at = compiled::indexed("clips", i);
        const std::string path = (std::filesystem::path(folder) / files[i].name).string();
        std::string error;
        const auto bytes = clipFileBytes(path, files[i], error);
        if (!bytes) {
            result.error = jsonPath + ": " + at + ".file: " + error;
            return result;
        }
        if (static_cast<std::int64_t>(bytes->size()) != files[i].samples * 2) {
            result.error =
                jsonPath + ": " + at + ".samples: " +
                compiled::shortClipFile(files[i], static_cast<std::int64_t>(bytes->size() / 2));
            return result;
        }
        clips.insert(clips.end(), bytes->begin(), bytes->end());
    }
    return decodeCompiledSession(json.bytes, clips, jsonPath);
}

}  // namespace stillpoint
