// HapticOutput: turns the envelope's blocks into the engine's haptic
// channel. The graph runs the limiter's look-ahead ahead of the output
// (output sample n is session sample n), so the envelope is delayed by that
// much here, then written as it is or on the actuator's carrier.
//
// prepare() allocates; the rest is noexcept and allocation-free.
#pragma once

#include <vector>

#include "haptics/actuator_carrier.hpp"
#include "stillpoint/haptics.hpp"

namespace stillpoint::haptics {

class HapticOutput {
  public:
    void prepare(double sampleRate, int latencyFrames, HapticSignal signal);
    void reset() noexcept;
    /// Switch between Lra and Shaker (ignored for Envelope and None).
    void setActuator(HapticSignal signal) noexcept;
    HapticSignal signal() const noexcept { return signal_; }

    /// Take `n` envelope samples (`written` of them rendered, the rest
    /// silence) and write `n` output samples to `out` (may be null: a seek).
    void process(const float* envelope, int written, float* out, int n) noexcept;
    /// The intensity last written (before any carrier), for live rumble.
    float lastIntensity() const noexcept { return last_; }

  private:
    HapticSignal signal_ = HapticSignal::None;
    ActuatorCarrier carrier_;
    std::vector<float> delay_;  // ring of the look-ahead length
    std::size_t head_ = 0;
    float last_ = 0.0f;
};

}  // namespace stillpoint::haptics
