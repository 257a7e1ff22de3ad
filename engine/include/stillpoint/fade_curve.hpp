// The one fade curve: every start, stop, pause, jump and restore fades along
// it. From silence to full level the gain rises linearly in dB from
// kFadeFloorDb to 0 dB, so each quarter of the fade adds the same loudness;
// the ends ease in and out, so there is no corner and no click (the whole
// story: engine/src/dsp/master_envelope.hpp). A fade down is the same curve
// played backwards.
//
// Real-time safe: no allocation, no lock.
#pragma once

namespace stillpoint {

/// Where the fade curve starts its even rise in dB.
inline constexpr double kFadeFloorDb = -60.0;

/// The rising fade at progress `u` in [0, 1]: 0 at 0, 1 at 1, even in dB between.
double risingFadeGain(double u) noexcept;

}  // namespace stillpoint
