// Narration: turns a Program's spoken lines into audio the engine plays.
//
// Runs on a control thread, never the audio thread: it synthesises each line
// (flite by default) or reads its recorded clip from a voice pack, resamples it to the engine rate with libsoxr,
// normalises it to one speech loudness, caches it on disk, and attaches the
// result to the Program as an immutable Narration. Steps that speak then last
// as long as their real audio (not the planner's estimate), and the timeline
// is laid out again.
#pragma once

#include <string>
#include <vector>

#include "stillpoint/program.hpp"

namespace stillpoint {

struct NarrationSettings {
    std::string voice = "cmu_us_slt";  ///< `stillpoint voices` lists them
    double rate = 0.85;                ///< speaking rate; 1 is the voice's own
    double pitchSemitones = -2.0;      ///< 0 is the voice's own pitch
    double sampleRate = 48000.0;       ///< the engine rate the clips are made at
    /// Integrated loudness of every line (mono), before the session's calibration.
    double speechLufs = -20.0;
    /// Where clips are cached; empty: $XDG_CACHE_HOME/stillpoint (or ~/.cache/stillpoint).
    std::string cacheDirectory;
    bool useCache = true;
    /// A recorded voice pack folder (docs/voice-packs.md) that replaces the
    /// session's own `voice: {pack: ...}`; empty: the session's choice.
    std::string voicePack;
};

struct NarrationReport {
    bool ok = true;
    std::string error;            ///< why not, naming what failed
    int linesRendered = 0;        ///< synthesised this time
    int cacheHits = 0;            ///< read back from the cache
    int damagedCacheEntries = 0;  ///< found damaged, rendered again
    int linesRecorded = 0;        ///< read from the voice pack
    /// Set when a voice pack lacks clips: one message listing every line the
    /// synthesiser speaks instead.
    std::string warning;
};

/// Render every spoken line of `program` (flow and grounding) and attach it.
NarrationReport narrateProgram(Program& program, const NarrationSettings& settings = {});

/// Voices the built-in synthesiser offers, the default first.
std::vector<std::string> availableVoices();

/// The cache directory `settings` resolves to.
std::string narrationCacheDirectory(const NarrationSettings& settings);

}  // namespace stillpoint
