// DuckEnvelope: the gain the bed and the breath tone take while the voice
// speaks. It glides down over the attack when a line starts and back up over
// the release when it ends, in straight lines computed per sample, so the
// result is the same however a block is split.
//
// Real-time: prepare() off the audio thread; everything else noexcept and
// allocation-free.
#pragma once

namespace stillpoint::dsp {

class DuckEnvelope {
  public:
    void prepare(double sampleRate, double depthDb, double attackSeconds, double releaseSeconds);
    void reset() noexcept;
    /// Speaking: glide down to the ducked gain; silent: glide back to 1.
    void setSpeaking(bool speaking) noexcept { speaking_ = speaking; }
    /// Write the next `n` gains to `dst`.
    void fill(float* dst, int n) noexcept;
    /// No ducking now and none on its way: the gain is exactly 1.
    bool idle() const noexcept { return !speaking_ && value_ >= 1.0f; }
    float duckedGain() const noexcept { return floor_; }

  private:
    float floor_ = 1.0f;
    float down_ = 1.0f;  // per-sample steps
    float up_ = 1.0f;
    float value_ = 1.0f;
    bool speaking_ = false;
};

}  // namespace stillpoint::dsp
