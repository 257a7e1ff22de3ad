// VoiceLayer: plays one narration line (an immutable buffer the narration
// renderer made off the audio thread) into the mix, centred.
//
// The line's rests are lengths (SpokenLine::rests): the layer reads silence
// through them instead of samples, on a timeline of samples and rests.
//
// The line's samples are normally at the graph's rate and are copied as they
// are; at another rate (the loudness analysis runs at half the output rate)
// they are read with linear interpolation. The layer never owns the samples:
// the Program's Narration outlives every use.
//
// Real-time: noexcept, allocation-free, bounded.
#pragma once

#include <cstdint>
#include <span>

#include "stillpoint/program.hpp"

namespace stillpoint {

class VoiceLayer {
  public:
    void prepare(double sampleRate) noexcept { rate_ = sampleRate; }
    void reset() noexcept { stop(); }
    /// Start `line`, recorded at `clipRate`, from the beginning. The line
    /// must outlive its playing.
    void start(const SpokenLine& line, double clipRate) noexcept;
    void stop() noexcept { length_ = 0; }
    bool isSilent() const noexcept {
        return static_cast<double>(played_) * step_ >= static_cast<double>(length_);
    }
    /// Output frames a line of `count` frames at `clipRate` lasts at `rate`.
    static std::int64_t framesFor(std::int64_t count, double clipRate, double rate) noexcept;

    /// Add the line's next `n` frames to both channels.
    void process(float* left, float* right, int n) noexcept;

  private:
    /// Moves the rest cursor up to line frame `frame` (frames only grow while a line plays).
    void advanceTo(std::int64_t frame) noexcept;
    /// The line at frame `frame`, at or after the cursor: a sample, or 0 in a rest or past the end.
    float valueAt(std::int64_t frame) const noexcept;

    double rate_ = 48000.0;
    const float* samples_ = nullptr;
    std::int64_t count_ = 0;   ///< samples
    std::int64_t length_ = 0;  ///< line frames: samples and rests
    std::span<const LineRest> rests_;
    std::size_t nextRest_ = 0;      ///< the first rest not wholly behind the cursor
    std::int64_t restsBehind_ = 0;  ///< frames of the rests before it
    std::int64_t played_ = 0;  ///< output frames of this line so far
    double step_ = 1.0;
};

}  // namespace stillpoint
