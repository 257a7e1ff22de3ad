#include "stillpoint/pace_law.hpp"

#include <cmath>

namespace stillpoint {

double PaceLaw::cyclesAfter(double seconds) const noexcept {
    if (seconds <= 0.0) return 0.0;
    if (glideSeconds <= 0.0) return toBpm * seconds / 60.0;
    const double slope = (toBpm - fromBpm) / glideSeconds;  // bpm per second
    const double t = std::fmin(seconds, glideSeconds);
    double cycles = (fromBpm * t + 0.5 * slope * t * t) / 60.0;
    if (seconds > glideSeconds) cycles += toBpm * (seconds - glideSeconds) / 60.0;
    return cycles;
}

double PaceLaw::secondsFor(double cycles) const noexcept {
    if (cycles <= 0.0) return 0.0;
    const double minutes = cycles * 60.0;  // cycles * 60 = integral of bpm dt
    if (glideSeconds > 0.0) {
        const double slope = (toBpm - fromBpm) / glideSeconds;
        const double glideCycles = cyclesAfter(glideSeconds);
        if (cycles <= glideCycles) {
            // Solve fromBpm*t + slope*t^2/2 = minutes; this form is stable as slope -> 0.
            const double root = std::sqrt(fromBpm * fromBpm + 2.0 * slope * minutes);
            return 2.0 * minutes / (fromBpm + root);
        }
        return glideSeconds + (cycles - glideCycles) * 60.0 / toBpm;
    }
    return minutes / toBpm;
}

double PaceLaw::bpmAt(double seconds) const noexcept {
    if (glideSeconds <= 0.0 || seconds >= glideSeconds) return toBpm;
    if (seconds <= 0.0) return fromBpm;
    return fromBpm + (toBpm - fromBpm) * seconds / glideSeconds;
}

}  // namespace stillpoint
