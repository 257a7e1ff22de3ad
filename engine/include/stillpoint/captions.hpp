// Captions: the spoken lines of a rendered session as WebVTT or SubRip.
//
// Cue times come from the engine's own LineSpoken events, i.e. the sample
// where each line is heard in the rendered audio, not from the plan; each
// cue lasts as long as its line's audio. Times are written to the
// millisecond, rounded to the nearest.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint {

enum class CaptionFormat : unsigned char {
    WebVtt,  ///< .vtt
    Srt,     ///< .srt
};

/// The format a path's extension asks for (.vtt, .srt), if any.
std::optional<CaptionFormat> captionFormatFor(std::string_view path);

struct Caption {
    std::int64_t startFrame = 0;  ///< output sample where the line starts
    std::int64_t endFrame = 0;
    std::string text;
};

/// One caption per LineSpoken event of `events`, for a program rendered at `sampleRate`.
std::vector<Caption> captionsFrom(const Program& program, const std::vector<Event>& events,
                                  double sampleRate);

/// The captions as a file's text.
std::string formatCaptions(const std::vector<Caption>& captions, double sampleRate,
                           CaptionFormat format);

}  // namespace stillpoint
