// The words session.json spells enums with, one table per enum, indexed by
// the enum's value: the writer and the reader both look here, so the format's
// vocabulary is defined once (docs/web.md lists it).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace stillpoint::compiled {

inline constexpr std::array<std::string_view, 6> kStepKinds = {"breathe", "pause", "bell",
                                                               "say",     "scan",  "checkin"};
inline constexpr std::array<std::string_view, 4> kBreathPhases = {"inhale", "hold-in", "exhale",
                                                                  "hold-out"};
inline constexpr std::array<std::string_view, 4> kToneTimbres = {"none", "pad", "wave", "bowl"};
inline constexpr std::array<std::string_view, 4> kBedKinds = {"none", "pink", "brown", "drone"};
inline constexpr std::array<std::string_view, 2> kBellKinds = {"bowl", "chime"};
inline constexpr std::array<std::string_view, 4> kLanguages = {"en", "de", "fr", "es"};
inline constexpr std::array<std::string_view, 3> kClipEncodings = {"pcm", "flac", "opus"};

template <typename Enum, std::size_t N>
constexpr std::string_view nameOf(const std::array<std::string_view, N>& names, Enum value) {
    const auto index = static_cast<std::size_t>(value);
    return index < N ? names[index] : std::string_view{};
}

template <typename Enum, std::size_t N>
constexpr std::optional<Enum> valueOf(const std::array<std::string_view, N>& names,
                                      std::string_view word) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == word) return static_cast<Enum>(i);
    return std::nullopt;
}

/// The words of a table joined with ", " for "one of ..." in errors.
template <std::size_t N>
std::string choices(const std::array<std::string_view, N>& names) {
    std::string text;
    for (std::string_view name : names) {
        if (!text.empty()) text += ", ";
        text += name;
    }
    return text;
}

}  // namespace stillpoint::compiled
