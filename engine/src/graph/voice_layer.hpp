// VoiceLayer: plays one narration line (an immutable compact clip the
// narration renderer made off the audio thread) into the mix, centred.
//
// The line's rests are lengths (SpeechClip::rests): the layer reads silence
// through them instead of samples, on a timeline of samples and rests.
//
// A clip keeps its own rate (a synthesiser's 16 or 22.05 kHz, a
// recording's): at the graph's rate its 16-bit samples are copied as they
// are, at another they are read between samples with a windowed-sinc kernel
// (graph/sinc_kernel), so the voice stays clean of the images a plain
// interpolation would add. The layer never owns the clip: the Program's
// Narration outlives every use.
//
// Real-time: noexcept, allocation-free, bounded.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "graph/sinc_kernel.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint {

class VoiceLayer {
  public:
    void prepare(double sampleRate) noexcept { rate_ = sampleRate; }
    void reset() noexcept { stop(); }
    /// Start `line` from the beginning. The line must outlive its playing.
    void start(const SpokenLine& line) noexcept;
    void stop() noexcept { length_ = 0; }
    bool isSilent() const noexcept {
        return static_cast<double>(played_) * step_ >= static_cast<double>(length_);
    }

    /// Add the line's next `n` frames to both channels.
    void process(float* left, float* right, int n) noexcept;

  private:
    /// Moves the rest cursor up to line frame `frame` (frames only grow while a line plays).
    void advanceTo(std::int64_t frame) noexcept;
    /// The line at frame `frame`, at or after the cursor, in 16-bit steps: 0 in a rest or past the
    /// end.
    float valueAt(std::int64_t frame) const noexcept;
    /// The line between frames `index` and `index + 1`, weighted by
    /// `weights` (sinc weights for the fraction between), in 16-bit steps.
    float interpolatedAt(std::int64_t index,
                         const std::array<float, detail::kSincTaps>& weights) noexcept;
    /// When the clip's rate over the graph's is p / q with a small q, the
    /// fractions repeat every q frames: their weights are made once per line.
    void prepareRepeatingPhases() noexcept;

    double rate_ = 48000.0;
    const std::int16_t* samples_ = nullptr;
    float gain_ = 1.0f;
    std::int64_t count_ = 0;   ///< samples
    std::int64_t length_ = 0;  ///< line frames: samples and rests
    std::span<const LineRest> rests_;
    std::size_t nextRest_ = 0;      ///< the first rest not wholly behind the cursor
    std::int64_t restsBehind_ = 0;  ///< frames of the rests before it
    std::int64_t played_ = 0;       ///< output frames of this line so far
    double step_ = 1.0;
    static constexpr int kMaxRepeatingPhases = 16;
    int phases_ = 0;              ///< q, or 0 when the fractions do not repeat soon
    std::int64_t phaseStep_ = 0;  ///< p
    std::array<std::array<float, detail::kSincTaps>, kMaxRepeatingPhases> phaseWeights_{};
    std::array<float, detail::kSincTaps> weights_{};
    std::array<float, detail::kSincTaps> window_{};
};

}  // namespace stillpoint
