// VoicePack: a folder of recorded lines and its manifest, voice-pack.yaml
// (docs/voice-packs.md):
//
//   name: Anna
//   lines:
//     intro: clips/intro.wav
//     settle: clips/settle.flac
//
// Clip paths are relative to the folder and must stay inside it: no `..`,
// no absolute paths, no symlinks that lead out. Control thread only.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace stillpoint::narration {

struct VoicePackClip {
    std::string path;           ///< resolved, inside the pack folder
    std::string manifestPlace;  ///< "DIR/voice-pack.yaml:LINE:COL", for errors
};

struct VoicePack {
    std::string name;
    std::string directory;
    std::map<std::string, VoicePackClip> lines;  ///< by line id
};

inline constexpr const char* kVoicePackManifest = "voice-pack.yaml";

/// The pack in `directory`, or nullopt with `error` naming the manifest,
/// its line and column, and the fix.
std::optional<VoicePack> loadVoicePack(const std::string& directory, std::string& error);

}  // namespace stillpoint::narration
