// PaceLaw: breath pace over time, and the breath phase it accumulates.
//
// The pace glides linearly from `fromBpm` to `toBpm` over `glideSeconds`, then
// stays at `toBpm`. Phase is counted in cycles (1 = one whole breath). Both
// directions are closed-form, so planners and the real-time pacer agree
// exactly and nothing drifts. Pure functions: real-time safe.
#pragma once

namespace stillpoint {

struct PaceLaw {
    double fromBpm = 6.0;
    double toBpm = 6.0;
    double glideSeconds = 0.0;

    static PaceLaw constant(double bpm) noexcept { return {bpm, bpm, 0.0}; }

    /// Cycles breathed `seconds` after the law starts.
    double cyclesAfter(double seconds) const noexcept;
    /// Seconds until `cycles` have been breathed (inverse of cyclesAfter).
    double secondsFor(double cycles) const noexcept;
    /// Pace in breaths per minute `seconds` after the law starts.
    double bpmAt(double seconds) const noexcept;
};

}  // namespace stillpoint
