// The level every generator is calibrated to, so that a mixer volume in dB
// means the same thing for every layer.
//
// Each generator at unity gain produces about -20 dBFS RMS per channel in its
// steady state (a breath tone at mid-breath, a bed after it settles, a bell
// over the first second after a full-velocity strike). Headers say how their
// own level is measured. The breath tone's wave and bowl are then trimmed by
// a dB or two so the three timbres share one loudness (wave_voice.cpp,
// breath_tone.cpp). Constants only: nothing here runs.
#pragma once

namespace stillpoint::dsp {

/// -20 dBFS as a linear RMS level.
inline constexpr float kNominalRms = 0.1f;

}  // namespace stillpoint::dsp
