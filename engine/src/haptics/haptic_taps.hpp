// HapticTaps: gentle taps, each a raised-cosine swell (sin^2) that starts and
// ends at zero with zero slope, so a tap never jumps. A few may overlap (a
// bell on a phase change); a tap that finds every voice busy is dropped
// rather than cutting one short.
//
// prepare() may allocate (it does not); everything else is noexcept,
// allocation-free and bounded.
#pragma once

#include <array>

namespace stillpoint::haptics {

class HapticTaps {
  public:
    static constexpr double kTapSeconds = 0.06;

    void prepare(double sampleRate) noexcept;
    void reset() noexcept;
    /// Start a tap peaking at `strength` on the next sample.
    void tap(float strength) noexcept;
    /// The summed taps for the next sample.
    float next() noexcept;
    bool active() const noexcept;

  private:
    struct Voice {
        int position = 0;  ///< samples into the tap; == length_ when idle
        float strength = 0.0f;
    };
    static constexpr int kVoices = 4;
    std::array<Voice, kVoices> voices_{};
    int length_ = 1;
    double step_ = 0.0;  // radians per sample of the sin^2 shape
};

}  // namespace stillpoint::haptics
