// A compiled session: a planned Program with its narration and its loudness
// calibration, ready to play where there is neither a YAML parser nor a
// voice (the web build). `stillpoint compile` writes one as two files in a
// folder: session.json (the program, versioned, described in docs/web.md)
// and the narration clips' 16-bit samples, in the files session.json's
// "clips" lists: one FLAC file per clip rate (clips-16000.flac), or raw
// little-endian PCM in clips.pcm. Both lossless, so a compiled session plays
// sample for sample what `stillpoint render` writes at the same rate; Opus
// (one Ogg Opus file per rate) is the lossy, smallest choice.
//
// Control thread only: everything here allocates.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stillpoint/engine.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint {

inline constexpr std::string_view kCompiledFormatName = "stillpoint-compiled-session";
inline constexpr int kCompiledFormatVersion = 2;
inline constexpr std::string_view kCompiledProgramFile = "session.json";
/// The one clip file of ClipEncoding::Pcm.
inline constexpr std::string_view kCompiledClipsFile = "clips.pcm";

/// How the narration clips travel (session.json spells it "pcm" or "flac").
enum class ClipEncoding : unsigned char {
    Pcm,   ///< clips.pcm: every clip, 16-bit little-endian, any rates mixed
    Flac,  ///< clips-RATE.flac: one 16-bit mono FLAC file per clip rate
    Opus,  ///< clips-RATE.opus: one mono Ogg Opus file per clip rate; lossy
};

struct CompiledSession {
    std::shared_ptr<const Program> program;  ///< with its narration
    double sampleRate = 48000.0;             ///< the rate it was narrated and calibrated at
    int channels = 2;
    double targetLufs = -16.0;
    double truePeakCeilingDb = -1.0;
    /// The loudness calibration (Engine::setLoudnessGains), measured once at compile time.
    double masterGainDb = 0.0;
    double voiceTrimDb = 0.0;
};

/// Measures `program`'s loudness calibration for `config` (as Engine::prepare
/// with calibrateLoudness does) and keeps it with the program.
CompiledSession compileProgram(std::shared_ptr<const Program> program, const EngineConfig& config);

/// The engine configuration a compiled session plays with: its rate and
/// channels, calibrateLoudness false (the gains come with the session).
EngineConfig compiledEngineConfig(const CompiledSession& session, int maxBlockFrames);

/// Loads `session` into `engine`, gives it the compiled gains and prepares it
/// with `config` (compiledEngineConfig, a front end's haptics and check-in
/// waiting set on it): from here it plays what a render of the session
/// plays. Control thread.
void prepareCompiledEngine(Engine& engine, const CompiledSession& session,
                           const EngineConfig& config);

/// One clip file session.json names: a run of CompiledFiles::clips.
struct CompiledClipFile {
    std::string name;  ///< clips.pcm, clips-16000.flac
    ClipEncoding encoding = ClipEncoding::Flac;
    int sampleRate = 0;            ///< every clip's rate in a FLAC file (0 in clips.pcm)
    std::int64_t firstSample = 0;  ///< where its samples start in `clips`
    std::int64_t samples = 0;
};

struct CompiledFiles {
    std::string programJson;  ///< session.json
    /// Every clip file's samples, 16-bit little-endian, one file after
    /// another in the order of clipFiles: what decodeCompiledSession reads
    /// (for ClipEncoding::Pcm, clips.pcm itself).
    std::vector<std::uint8_t> clips;
    std::vector<CompiledClipFile> clipFiles;
};

CompiledFiles encodeCompiledSession(const CompiledSession& session,
                                    ClipEncoding encoding = ClipEncoding::Flac);

struct CompiledReadResult {
    std::optional<CompiledSession> session;
    /// "NAME:line:col: what is wrong; what would be right" (or "NAME: ..." when
    /// it is not about one place in the text). Empty when `session` is set.
    std::string error;
};

/// Reads what encodeCompiledSession wrote: `clips` is CompiledFiles::clips,
/// every clip file decoded to 16-bit little-endian samples, one after another
/// in the order session.json's "clips" lists them. `name` names session.json
/// in errors.
CompiledReadResult decodeCompiledSession(std::string_view programJson,
                                         std::span<const std::uint8_t> clips,
                                         std::string_view name);

// Native only (engine/src/io, libsndfile): the web build has the browser's
// decoder instead (web/src/stillpoint.js).

/// Writes `files`' clip files into `folder` (which exists): clips.pcm as it
/// is, FLAC through libsndfile. Returns "" or "PATH: what is wrong".
std::string writeCompiledClips(const std::string& folder, const CompiledFiles& files);

/// Reads the compiled session in `folder`: session.json and the clip files it
/// names, decoded. A clip file that is missing, unreadable or holds other
/// than the samples its "clips" entry says is refused with that entry's path.
CompiledReadResult readCompiledFolder(const std::string& folder);

}  // namespace stillpoint
