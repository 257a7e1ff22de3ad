// A spoken line as the voice layer plays it, for tests that measure what is
// heard rather than how the clip is kept.
#pragma once

#include <vector>

#include "graph/voice_layer.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint::test {

/// `line` played at `rate`, mono: its words and its rests.
inline std::vector<float> playedLine(const SpokenLine& line, double rate = 48000.0) {
    VoiceLayer layer;
    layer.prepare(rate);
    layer.start(line);
    std::vector<float> left(static_cast<std::size_t>(line.lengthFramesAt(rate)));
    std::vector<float> right(left.size());
    layer.process(left.data(), right.data(), static_cast<int>(left.size()));
    return left;
}

/// `line`'s words alone played at `rate`, its rests left out.
inline std::vector<float> playedWords(const SpokenLine& line, double rate = 48000.0) {
    SpokenLine words = line;
    words.clip.rests.clear();
    return playedLine(words, rate);
}

}  // namespace stillpoint::test
