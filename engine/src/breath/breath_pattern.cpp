#include "stillpoint/breath_pattern.hpp"

#include <utility>

namespace stillpoint {

std::string_view toString(BreathPhase phase) {
    switch (phase) {
        case BreathPhase::Inhale:
            return "inhale";
        case BreathPhase::HoldIn:
            return "hold-in";
        case BreathPhase::Exhale:
            return "exhale";
        case BreathPhase::HoldOut:
            return "hold-out";
    }
    return "?";
}

double BreathPattern::cycleSeconds() const {
    double total = 0.0;
    for (const auto& s : segments) total += s.seconds;
    return total;
}

double BreathPattern::segmentStartFraction(std::size_t index) const {
    double before = 0.0;
    for (std::size_t i = 0; i < index && i < segments.size(); ++i) before += segments[i].seconds;
    return before / cycleSeconds();
}

BreathPattern makePattern(std::string name, double inhale, double holdIn, double exhale,
                          double holdOut, double topUp) {
    // The sigh's first inhale fills most of the way; the short top-up finishes it.
    constexpr float kSighFirstInhaleFullness = 0.75f;
    BreathPattern p{std::move(name), {}};
    if (topUp > 0.0) {
        p.segments.push_back({BreathPhase::Inhale, inhale, kSighFirstInhaleFullness});
        p.segments.push_back({BreathPhase::Inhale, topUp, 1.0f});
    } else {
        p.segments.push_back({BreathPhase::Inhale, inhale, 1.0f});
    }
    if (holdIn > 0.0) p.segments.push_back({BreathPhase::HoldIn, holdIn, 1.0f});
    p.segments.push_back({BreathPhase::Exhale, exhale, 0.0f});
    if (holdOut > 0.0) p.segments.push_back({BreathPhase::HoldOut, holdOut, 0.0f});
    return p;
}

const std::vector<BreathPattern>& breathPresets() {
    // Resonance breathing: 5.5 breaths a minute, in and out equal (60 / 5.5 / 2 s each).
    static const std::vector<BreathPattern> presets = {
        makePattern("resonance", 60.0 / 11.0, 0, 60.0 / 11.0, 0),
        makePattern("coherent", 5, 0, 5, 0),
        makePattern("box", 4, 4, 4, 4),
        makePattern("4-7-8", 4, 7, 8, 0),
        makePattern("extended-exhale", 4, 0, 6, 0),
        makePattern("sigh", 2.5, 0, 7, 0, 1.0),
        makePattern("gentle", 4, 1, 6, 1),
    };
    return presets;
}

std::optional<BreathPattern> findPreset(std::string_view name) {
    for (const auto& p : breathPresets())
        if (p.name == name) return p;
    return std::nullopt;
}

}  // namespace stillpoint
