// ClientProfile: how one client likes sessions to play (pace, resonance pace,
// body regions to leave out, voice, haptics, layer volumes). One small JSON
// file per client, read and written here for every front end: the therapist
// app's profiles, `stillpoint play|render --profile FILE`, and
// `stillpoint resonance --save-profile FILE`.
//
//   {"name": "A. Client", "pace": 5.5, "resonance": 5.0, "avoid": ["knees"],
//    "voice": "flite:cmu_us_slt",
//    "haptics": {"on": true, "cap": 0.6},
//    "layers": {"tone": 0, "bed": -6, "bells": 0, "voice": 3, "binaural": -60, "isochronic": -60}}
//
// pace 0 follows the session; resonance 0 is none, else within
// kResonancePaceRange (pace_range.hpp): the pace `pace: resonance` steps
// breathe (`stillpoint resonance` finds it); layer values are dB added to the
// session's own. Every field may be left out (its default).
//
// Errors name the file, the line and column of the field, what is wrong and
// what would be right. Saving goes through the project's atomic writer
// (output_file.hpp): a crash never leaves half a profile.
//
// Threads: plain functions, any thread; they allocate and do file I/O (never
// on the audio thread).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/layer_vocabulary.hpp"

namespace stillpoint {

/// The layers' names in the file, in LayerId order (layer_vocabulary.hpp).
inline constexpr std::array<const char*, kLayerCount> kLayerKeys = [] {
    std::array<const char*, kLayerCount> keys{};
    for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = kLayerVocabulary[i].name.data();
    return keys;
}();
/// A profile's pace is the plugin's Pace parameter: 0 (the session's) or 2-20.
inline constexpr double kMinProfilePace = 2.0;
inline constexpr double kMaxProfilePace = 20.0;
inline constexpr double kMinTrimDb = -60.0;
inline constexpr double kMaxTrimDb = 12.0;

struct ClientProfile {
    std::string name;
    double paceBpm = 0.0;            ///< 0: the session's own pace
    double resonanceBpm = 0.0;       ///< 0: none; else kResonancePaceRange, for `pace: resonance`
    std::vector<std::string> avoid;  ///< body regions the session leaves out
    std::string voice;               ///< narration voice name, "" for the session's
    bool haptics = true;
    double hapticCap = 1.0;  ///< 0..1 of full intensity
    std::array<double, kLayerCount> layerTrimDb{};

    bool operator==(const ClientProfile&) const = default;
};

struct ProfileResult {
    ClientProfile profile;
    std::string error;  ///< "file:line:col: error: what; what would be right", or ""
};

std::string profileToJson(const ClientProfile& profile);
/// `path` names the source in errors.
ProfileResult profileFromJson(const std::string& text, const std::string& path);

ProfileResult loadProfile(const std::string& path);
/// "" on success, else the reason naming the file.
std::string saveProfile(const ClientProfile& profile, const std::string& path);

/// Records `resonanceBpm` (within kResonancePaceRange) in the profile at
/// `path`, keeping every other field as written (fields this version does
/// not know too, in their order). A missing file becomes a new profile
/// holding only the resonance pace; a profile with errors is left as it is.
/// "" on success, else the reason naming the file.
std::string saveResonanceToProfile(double resonanceBpm, const std::string& path);

}  // namespace stillpoint
