// How full the breath is now, for drawing: the playing step's pattern, the
// phase the engine last reported and how long ago, eased as the engine
// eases it (smoothstep). An estimate for the eye; the audio does not use it.
//
// Message thread.
#pragma once

#include "processor/playback_display.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint::plugin {

struct BreathShape {
    float fullness = 0.3f;  ///< 0 empty .. 1 full
    int phase = -1;         ///< BreathPhase, -1 when not breathing
};

BreathShape breathShapeNow(const Program* program, const PlaybackDisplay& display);

}  // namespace stillpoint::plugin
