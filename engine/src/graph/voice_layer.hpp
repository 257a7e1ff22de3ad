// VoiceLayer: plays one narration line (an immutable buffer the narration
// renderer made off the audio thread) into the mix, centred.
//
// The line's samples are normally at the graph's rate and are copied as they
// are; at another rate (the loudness analysis runs at half the output rate)
// they are read with linear interpolation. The layer never owns the samples:
// the Program's Narration outlives every use.
//
// Real-time: noexcept, allocation-free, bounded.
#pragma once

#include <cstdint>

namespace stillpoint {

class VoiceLayer {
  public:
    void prepare(double sampleRate) noexcept { rate_ = sampleRate; }
    void reset() noexcept { stop(); }
    /// Start `count` samples recorded at `clipRate` from the beginning.
    void start(const float* samples, std::int64_t count, double clipRate) noexcept;
    void stop() noexcept { count_ = 0; }
    bool isSilent() const noexcept {
        return static_cast<double>(played_) * step_ >= static_cast<double>(count_);
    }
    /// Output frames a line of `count` samples at `clipRate` lasts at `rate`.
    static std::int64_t framesFor(std::int64_t count, double clipRate, double rate) noexcept;

    /// Add the line's next `n` frames to both channels.
    void process(float* left, float* right, int n) noexcept;

  private:
    double rate_ = 48000.0;
    const float* samples_ = nullptr;
    std::int64_t count_ = 0;
    std::int64_t played_ = 0;  ///< output frames of this line so far
    double step_ = 1.0;
};

}  // namespace stillpoint
