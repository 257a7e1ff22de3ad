// Narration: turns a Program's spoken lines into audio the engine plays.
//
// Runs on a control thread, never the audio thread: it synthesises each line
// (flite by default) or reads its recorded clip from a voice pack,
// normalises it to one speech loudness, keeps it compact (16-bit, at the
// synthesiser's or the recording's own rate; the voice layer resamples it as
// it plays), caches it on disk, and attaches the result to the Program as an
// immutable Narration. Steps that speak then last
// as long as their real audio (not the planner's estimate), and the timeline
// is laid out again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stillpoint/program.hpp"

namespace stillpoint {

// Who speaks, how fast and how high comes from the Program: the session's
// `defaults: voice:` and each line's own keys, with PlanOptions::voice as a
// run's override of the default voice.
struct NarrationSettings {
    /// The engine rate the lines are timed at (recordings above it are
    /// resampled down to it; clips otherwise keep their own rate).
    double sampleRate = 48000.0;
    /// Integrated loudness of every line (mono), before the session's calibration.
    double speechLufs = -20.0;
    /// Where clips are cached; empty: $XDG_CACHE_HOME/stillpoint (or ~/.cache/stillpoint).
    std::string cacheDirectory;
    bool useCache = true;
    /// The cache folder is trimmed to this size after narration, the entries
    /// used longest ago first; 0: $STILLPOINT_CACHE_MAX_MB megabytes, or 1 GiB.
    std::uint64_t cacheMaxBytes = 0;
    /// A recorded voice pack folder (docs/voice-packs.md) that replaces the
    /// session's own `voice: {pack: ...}`; empty: the session's choice.
    std::string voicePack;
    /// Also narrate the grounding section, which only a live Grounding
    /// command plays (after the session's own lines). A render, which takes
    /// no commands, leaves it out: no time or memory for lines never heard.
    bool narrateGrounding = true;
};

struct NarrationReport {
    bool ok = true;
    std::string error;  ///< why not, naming what failed
    /// The failure comes from input (an unknown voice, a damaged clip, a
    /// bad voice pack), not from the engine.
    bool badInput = false;
    int linesRendered = 0;        ///< synthesised this time
    int cacheHits = 0;            ///< read back from the cache
    int damagedCacheEntries = 0;  ///< found damaged, rendered again
    int linesRecorded = 0;        ///< read from the voice pack
    /// Set when a voice pack lacks clips: one message listing every line the
    /// synthesiser speaks instead.
    std::string warning;
};

/// Render every spoken line of `program` (the flow's, and the grounding
/// section's unless settings say not) and attach it.
NarrationReport narrateProgram(Program& program, const NarrationSettings& settings = {});

struct AvailableVoice {
    SpeechEngine engine = SpeechEngine::Flite;
    std::string name;         ///< what a session or `--voice` names
    std::string description;  ///< e.g. "English (Great Britain)"; may be empty
    bool isDefault = false;   ///< the engine's default voice
};

/// Every synthesised voice this build has: flite's, then espeak-ng's languages
/// (when the user turned them on with STILLPOINT_ESPEAK).
std::vector<AvailableVoice> availableVoices();

/// Why espeak-ng's voices are not offered and how to turn them on; empty when they are.
std::string espeakUnavailableReason();

/// `engine:name`, as `--voice` and a profile's voice take it.
std::string qualifiedName(const AvailableVoice& voice);

/// An error at its file:line:column for every voice `program` names that
/// this build cannot speak, with the nearest name and the valid ones.
Diagnostics checkVoices(const Program& program);

/// A recorded voice pack's name and the line ids it has clips for.
struct VoicePackLines {
    std::string name;
    std::vector<std::string> ids;  ///< sorted
};

/// The voice pack in `directory` (docs/voice-packs.md), its clips not yet
/// read; nullopt with `error` naming the manifest (and its line) and the fix.
std::optional<VoicePackLines> readVoicePackLines(const std::string& directory, std::string& error);

/// The cache directory `settings` resolves to.
std::string narrationCacheDirectory(const NarrationSettings& settings);

}  // namespace stillpoint
