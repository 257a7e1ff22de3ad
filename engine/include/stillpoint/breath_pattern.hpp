// Breath patterns: the shape of one breath cycle as a list of timed phases.
//
// A pattern is sample-rate free (seconds). The BreathPacer turns it into
// sample positions. Each segment names its phase and the lung "fullness"
// (0 = empty, 1 = full) it ends at, so a physiological sigh's second, shorter
// inhale can top the lungs up from 0.75 to 1 instead of restarting.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stillpoint {

/// The four phases of a breath.
enum class BreathPhase : unsigned char {
    Inhale,   ///< breathing in: fullness rises
    HoldIn,   ///< resting full: fullness stays
    Exhale,   ///< breathing out: fullness falls
    HoldOut,  ///< resting empty: fullness stays
};

std::string_view toString(BreathPhase phase);

struct PhaseSegment {
    BreathPhase phase = BreathPhase::Inhale;
    double seconds = 0.0;   ///< length at the pattern's own pace
    float endFullness = 0;  ///< fullness reached at the end of the segment
};

struct BreathPattern {
    std::string name;
    std::vector<PhaseSegment> segments;

    /// Length of one cycle at the pattern's own pace.
    double cycleSeconds() const;
    /// The pattern's own pace.
    double breathsPerMinute() const { return 60.0 / cycleSeconds(); }
    /// Start of segment `index` as a fraction of the cycle, in [0, 1).
    double segmentStartFraction(std::size_t index) const;
};

/// Build a pattern from phase lengths in seconds; zero-length holds are left out.
/// `topUp` > 0 adds a second, short inhale (the physiological sigh).
BreathPattern makePattern(std::string name, double inhale, double holdIn, double exhale,
                          double holdOut, double topUp = 0.0);

/// The built-in presets, named here once (`stillpoint presets` lists them;
/// SP_PARAM_PATTERN and the plugin number them from 1 in this order).
const std::vector<BreathPattern>& breathPresets();
std::optional<BreathPattern> findPreset(std::string_view name);

}  // namespace stillpoint
