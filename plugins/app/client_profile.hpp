// ClientProfile: how one client likes sessions to play (pace, body regions to
// leave out, voice, haptics, layer volumes), applied to whichever session the
// therapist picks. Stored as a small JSON file per client:
//
//   {"name": "A. Client", "pace": 5.5, "resonance": 5.0, "avoid": ["knees"],
//    "voice": "flite:cmu_us_slt",
//    "haptics": {"on": true, "cap": 0.6},
//    "layers": {"tone": 0, "bed": -6, "bells": 0, "voice": 3, "binaural": -60, "isochronic": -60}}
//
// pace 0 follows the session; resonance (0 or 4.5-7) is the pace `pace:
// resonance` steps breathe (`stillpoint resonance` finds it); layer values
// are dB added to the session's own.
// Saving writes a temporary file beside the target and renames it over, so a
// crash never leaves half a profile.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/layer_vocabulary.hpp"

namespace stillpoint::app {

/// The layers' names in the file, in LayerId order (layer_vocabulary.hpp).
inline constexpr std::array<const char*, kLayerCount> kLayerKeys = [] {
    std::array<const char*, kLayerCount> keys{};
    for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = kLayerVocabulary[i].name.data();
    return keys;
}();
inline constexpr double kMinProfilePace = 2.0;
inline constexpr double kMaxProfilePace = 20.0;
inline constexpr double kMinTrimDb = -60.0;
inline constexpr double kMaxTrimDb = 12.0;

struct ClientProfile {
    std::string name;
    double paceBpm = 0.0;            ///< 0: the session's own pace
    double resonanceBpm = 0.0;       ///< 0: none; else 4.5-7, for `pace: resonance`
    std::vector<std::string> avoid;  ///< body regions the session leaves out
    std::string voice;               ///< narration voice name, "" for the session's
    bool haptics = true;
    double hapticCap = 1.0;  ///< 0..1 of full intensity
    std::array<double, kLayerCount> layerTrimDb{};

    bool operator==(const ClientProfile&) const = default;
};

struct ProfileResult {
    ClientProfile profile;
    std::string error;  ///< "file:line: error: ..." or "" when it read fine
};

std::string profileToJson(const ClientProfile& profile);
/// `path` names the source in errors.
ProfileResult profileFromJson(const std::string& text, const std::string& path);

ProfileResult loadProfile(const std::string& path);
/// "" on success, else the reason naming the file.
std::string saveProfile(const ClientProfile& profile, const std::string& path);

}  // namespace stillpoint::app
