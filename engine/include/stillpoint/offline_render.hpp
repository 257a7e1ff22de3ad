// Offline rendering: a Program to samples in memory or to an audio file.
//
// The same Engine that plays live renders here, block by block, so a file is
// sample-for-sample what a listener hears live at that rate. Files are
// written to a temporary beside the target and renamed when complete: an
// interrupted render never leaves a half-written file under the target name.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stillpoint/engine.hpp"

namespace stillpoint {

enum class AudioFileFormat : unsigned char {
    Wav,   ///< 24-bit PCM
    Flac,  ///< 24-bit
    Ogg,   ///< Ogg Vorbis
    Opus,  ///< Ogg Opus, 48 kHz (or 8/12/16/24 kHz); needs a libsndfile with Opus
    Mp3,   ///< MPEG-1 Layer III, 32/44.1/48 kHz; needs a libsndfile with MPEG (1.1 or later)
};

/// The extensions a render writes, as messages name them.
inline constexpr std::string_view kAudioFileExtensions = ".wav, .flac, .ogg, .opus or .mp3";

/// The format a path's extension asks for (.wav, .flac, .ogg/.oga, .opus,
/// .mp3), if any.
std::optional<AudioFileFormat> audioFileFormatFor(std::string_view path);

/// Why `format` cannot be written at `sampleRate` with this libsndfile (built
/// without Opus or MPEG, or a rate the codec does not take); empty when it can.
std::string audioFileRefusal(const std::string& path, AudioFileFormat format, int sampleRate,
                             int channels);

struct RenderedAudio {
    double sampleRate = 0.0;
    int channels = 0;                ///< the audio channels, then the haptic one if configured
    std::vector<float> interleaved;  ///< frames * channels
    std::vector<Event> events;       ///< everything the engine reported, in order
    double calibrationGainDb = 0.0;
    std::int64_t frames() const {
        return channels ? static_cast<std::int64_t>(interleaved.size()) / channels : 0;
    }
};

/// Render a whole program into memory (tests, analysis, the C API).
RenderedAudio renderProgram(std::shared_ptr<const Program> program, const EngineConfig& config,
                            int blockFrames = 512);

struct FileRenderResult {
    bool ok = false;
    std::string error;         ///< names the file and the cause when !ok
    bool interrupted = false;  ///< `progress` asked to stop; nothing was written under the path
    std::int64_t frames = 0;
    double calibrationGainDb = 0.0;
    std::vector<Event> events;  ///< everything the engine reported, in order
};

/// Render a whole program to `path` through a temporary beside it, renamed
/// into place when complete. `progress` (0..1) is called now and then; when it
/// returns false the render stops, the temporary is removed and the file
/// already at `path` (if any) is left as it was.
FileRenderResult renderProgramToFile(std::shared_ptr<const Program> program,
                                     const EngineConfig& config, const std::string& path,
                                     const std::function<bool(double)>& progress = {});

/// Play a whole program through the engine without keeping its sound, for
/// what it reports (e.g. when each line is spoken, for captions).
std::vector<Event> renderProgramEvents(std::shared_ptr<const Program> program,
                                       const EngineConfig& config);

}  // namespace stillpoint
