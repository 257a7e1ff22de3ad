// Breath pace ranges, named once: what the engine can breathe (a written
// `pace:`, the live pace command, the C API's SP_COMMAND_PACE), and the
// narrower range a listener's own pace for a whole session may take.
//
// The ranges are constexpr data, real-time safe; the text functions
// allocate (messages, off the audio thread).
#pragma once

#include <string>

#include "stillpoint/resonance.hpp"

namespace stillpoint {

struct PaceRange {
    double lowestBpm = 0.0;
    double highestBpm = 0.0;
    constexpr bool contains(double bpm) const { return bpm >= lowestBpm && bpm <= highestBpm; }
};

/// Breaths/min the engine breathes: a session's written pace and a live pace command.
inline constexpr PaceRange kEnginePaceRange{1.0, 30.0};

/// A listener's own pace for every breathe step (`--pace`, PlanOptions::paceBpm).
/// CARE.md keeps paces in safe bounds: no slower than the slowest resonance
/// pace (longer breaths strain an anxious listener), no faster than quiet
/// breathing at rest (faster paced breathing tips into over-breathing).
inline constexpr PaceRange kListenerPaceRange{heart::kMinResonancePace, 20.0};
static_assert(kEnginePaceRange.contains(kListenerPaceRange.lowestBpm) &&
              kEnginePaceRange.contains(kListenerPaceRange.highestBpm));
/// A listener's resonance pace (`--resonance`, a client profile's
/// `resonance`, `stillpoint resonance --save-profile`), and every pace set
/// from heart data: resonance breathing's safe bounds (CARE.md).
inline constexpr PaceRange kResonancePaceRange{heart::kMinResonancePace, heart::kMaxResonancePace};
static_assert(kListenerPaceRange.contains(kResonancePaceRange.lowestBpm) &&
              kListenerPaceRange.contains(kResonancePaceRange.highestBpm));
/// The pace messages give as an example of a listener's pace.
inline constexpr double kListenerPaceExample = 6.0;
static_assert(kListenerPaceRange.contains(kListenerPaceExample));

/// A pace as people write it: "4.5", "20".
std::string paceText(double bpm);
/// "4.5 to 20 breaths/min"
std::string rangeText(const PaceRange& range);

}  // namespace stillpoint
