// Compacting a leveled line into the form it is kept in while a session
// plays: 16-bit samples scaled to the line's peak (a SpeechClip). Control
// thread only.
#pragma once

#include <vector>

#include "stillpoint/program.hpp"

namespace stillpoint::narration {

/// `samples` (mono, at `sampleRate`) as 16-bit values spanning the line's
/// peak, with `rests` (at the same rate).
SpeechClip compactClip(const std::vector<float>& samples, double sampleRate,
                       std::vector<LineRest> rests = {});

}  // namespace stillpoint::narration
