// A compiled session: a planned Program with its narration and its loudness
// calibration, ready to play where there is neither a YAML parser nor a
// voice (the web build). `stillpoint compile` writes one as two files in a
// folder: session.json (the program, versioned, described in docs/web.md)
// and clips.pcm (every narration clip's 16-bit samples, little-endian, in the
// order session.json names them). Kept lossless, so a compiled session plays
// sample for sample what `stillpoint render` writes at the same rate.
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
inline constexpr int kCompiledFormatVersion = 1;
inline constexpr std::string_view kCompiledProgramFile = "session.json";
inline constexpr std::string_view kCompiledClipsFile = "clips.pcm";

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

struct CompiledFiles {
    std::string programJson;          ///< session.json
    std::vector<std::uint8_t> clips;  ///< clips.pcm
};

CompiledFiles encodeCompiledSession(const CompiledSession& session);

struct CompiledReadResult {
    std::optional<CompiledSession> session;
    /// "NAME:line:col: what is wrong; what would be right" (or "NAME: ..." when
    /// it is not about one place in the text). Empty when `session` is set.
    std::string error;
};

/// Reads what encodeCompiledSession wrote. `name` names session.json in errors.
CompiledReadResult decodeCompiledSession(std::string_view programJson,
                                         std::span<const std::uint8_t> clips,
                                         std::string_view name);

}  // namespace stillpoint
