// LineRenderer: one spoken line of a session to one immutable clip.
//
// The line is split into sentences and rests (session/speech_markup); each
// sentence is synthesised, trimmed of the synthesiser's own leading and
// trailing silence, faded at its edges, and joined by the rests, which stay
// lengths (never buffers of zeros, so a line's memory does not grow with its
// pauses). The whole line is then normalised to one speech loudness, so the
// voice sits at the same level from the first line to the last, and kept
// compact: 16-bit, at the synthesiser's own rate (the voice layer resamples
// it as it plays). Clips go through the disk cache, one maker per line at a
// time across threads and processes. Control thread only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "narration/clip_cache.hpp"
#include "narration/speech_synthesizer.hpp"

namespace stillpoint::narration {

struct LineRequest {
    std::string text;  ///< with markup
    VoiceRequest voice;
    double speechLufs = -20.0;
};

class LineRenderer {
  public:
    /// `cache` may be null (no caching).
    LineRenderer(SpeechSynthesizer& synthesizer, const ClipCache* cache)
        : synthesizer_(synthesizer), cache_(cache) {}

    /// The clip, or nullopt with `error` set.
    std::optional<SpeechClip> render(const LineRequest& request, std::string& error);

    int rendered() const { return rendered_; }
    int cacheHits() const { return cacheHits_; }
    int damagedEntries() const { return damaged_; }

    /// The cache key of a request: everything the clip depends on.
    static std::string cacheKey(const LineRequest& request);

  private:
    /// The cache's entry for `key`, counted as a hit or a damaged entry.
    ClipCache::Lookup lookUp(const std::string& key, SpeechClip& clip);
    std::optional<SpeechClip> synthesize(const LineRequest& request, std::string& error);

    SpeechSynthesizer& synthesizer_;
    const ClipCache* cache_;
    int rendered_ = 0;
    int cacheHits_ = 0;
    int damaged_ = 0;
};

}  // namespace stillpoint::narration
