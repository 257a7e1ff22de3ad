// The words a session file may use for kinds and choices, and their meanings.
//
// One table per choice, shared by the reader (which checks and suggests) and
// by tests and docs that must list the same words.
#pragma once

#include <array>
#include <string_view>

#include "stillpoint/session.hpp"

namespace stillpoint::detail {

template <class T>
struct NamedValue {
    std::string_view name;
    T value;
};

inline constexpr std::array<NamedValue<ToneTimbre>, 4> kToneNames{{
    {"pad", ToneTimbre::Pad},
    {"wave", ToneTimbre::Wave},
    {"bowl", ToneTimbre::Bowl},
    {"none", ToneTimbre::None},
}};

inline constexpr std::array<NamedValue<BedKind>, 4> kBedNames{{
    {"pink", BedKind::Pink},
    {"brown", BedKind::Brown},
    {"drone", BedKind::Drone},
    {"none", BedKind::None},
}};

inline constexpr std::array<NamedValue<BellKind>, 2> kBellNames{{
    {"bowl", BellKind::Bowl},
    {"chime", BellKind::Chime},
}};

inline constexpr std::array<NamedValue<ScanLength>, 3> kScanLengthNames{{
    {"short", ScanLength::Short},
    {"standard", ScanLength::Standard},
    {"long", ScanLength::Long},
}};

inline constexpr std::array<NamedValue<ScanDirection>, 2> kScanDirectionNames{{
    {"up", ScanDirection::Upward},
    {"down", ScanDirection::Downward},
}};

inline constexpr std::array<NamedValue<SpeechEngine>, 2> kSpeechEngineNames{{
    {"flite", SpeechEngine::Flite},
    {"espeak", SpeechEngine::Espeak},
}};

/// The breath phases a line can be anchored to (`at:`): every pattern has both.
inline constexpr std::array<NamedValue<BreathPhase>, 2> kAnchorNames{{
    {"exhale", BreathPhase::Exhale},
    {"inhale", BreathPhase::Inhale},
}};

/// `language:` codes (ISO 639-1); English first, the default.
inline constexpr std::array<NamedValue<Language>, 4> kLanguageNames{{
    {"en", Language::English},
    {"de", Language::German},
    {"fr", Language::French},
    {"es", Language::Spanish},
}};

/// The code a language is written with (`de`).
constexpr std::string_view languageCode(Language language) {
    for (const auto& named : kLanguageNames)
        if (named.value == language) return named.name;
    return "en";
}

inline constexpr std::array<std::string_view, 6> kStepKindNames{"bell",    "say",  "pause",
                                                                "breathe", "scan", "checkin"};

}  // namespace stillpoint::detail
