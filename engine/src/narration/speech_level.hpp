// One level for every spoken line, synthesised or recorded: the line is
// normalised to a speech loudness and its peaks held a set distance above
// it, so the voice sits at the same level from the first line to the last.
#pragma once

#include <vector>

namespace stillpoint::narration {

/// Normalise `clip` (mono) to `targetLufs` and hold its peaks 12 dB over it.
void levelSpeech(std::vector<float>& clip, double sampleRate, double targetLufs);

}  // namespace stillpoint::narration
