// VoicePack: a folder of recorded lines and its manifest, voice-pack.yaml
// (docs/voice-packs.md):
//
//   name: Anna
//   lines:
//     intro: clips/intro.wav
//     settle: clips/settle.flac
//
// Clip paths are relative to the folder and must stay inside it: no `..`,
// no absolute paths, no symlinks that lead out. The manifest is read only
// when it is a regular file (a FIFO or device named as one is refused at
// once); clips are read by io/audio_file_reader, which holds them to the
// same rule. Control thread only.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

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

/// Far more than a pack of thousands of lines needs.
inline constexpr std::size_t kMaxManifestBytes = 1u << 20;

/// The pack in `directory`, or nullopt with `error` naming the manifest,
/// its line and column, and the fix.
std::optional<VoicePack> loadVoicePack(const std::string& directory, std::string& error);

/// The pack a manifest's `text` describes for the (canonical) folder
/// `directory`; what loadVoicePack does once the file is read.
std::optional<VoicePack> parseVoicePackManifest(std::string_view text, const std::string& directory,
                                                std::string& error);

}  // namespace stillpoint::narration
