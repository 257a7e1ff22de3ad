// Haptics: the breath by touch. What the engine's haptic track carries and
// how strong it may be. The track rides beside the audio, sample for sample:
// an intensity (0..1) that rises through the inhale, falls through the
// exhale and rests on holds, with gentle taps at phase changes and bells.
// It never jumps: every part of it glides with a bounded slope.
#pragma once

namespace stillpoint {

/// What the extra haptic channel carries.
enum class HapticSignal : unsigned char {
    None,      ///< no haptic track: no extra channel, no haptic events
    Envelope,  ///< the intensity itself, 0..1 (exporters, live rumble, tests)
    Lra,       ///< the intensity on a 170 Hz sine, for a linear resonant actuator
    Shaker,    ///< the intensity on a 40 Hz sine, for a bass shaker
};

inline constexpr double kLraCarrierHz = 170.0;
inline constexpr double kShakerCarrierHz = 40.0;

/// The steepest the intensity ever moves, in full scale per second. Taps are
/// the fastest part (a 60 ms swell); the breath glides far slower.
inline constexpr double kMaxHapticSlopePerSecond = 20.0;

struct HapticSettings {
    HapticSignal signal = HapticSignal::None;
    bool enabled = true;        ///< the listener's "haptics off" (false) glides to silence
    double intensityCap = 1.0;  ///< 0..1: the track is scaled so it never passes this
    double breathDepth = 0.8;   ///< intensity at full lungs, before the cap
    double tapStrength = 0.2;   ///< a tap's peak above the breath, before the cap
};

/// Carrier frequency of an actuator signal (0 for None and Envelope).
constexpr double carrierHz(HapticSignal signal) noexcept {
    return signal == HapticSignal::Lra      ? kLraCarrierHz
           : signal == HapticSignal::Shaker ? kShakerCarrierHz
                                            : 0.0;
}

}  // namespace stillpoint
