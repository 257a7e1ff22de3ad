#include "haptics/haptic_output.hpp"

#include <algorithm>

namespace stillpoint::haptics {

void HapticOutput::prepare(double sampleRate, int latencyFrames, HapticSignal signal) {
    signal_ = signal;
    carrier_.prepare(sampleRate);
    carrier_.setFrequency(carrierHz(signal));
    delay_.assign(static_cast<std::size_t>(std::max(latencyFrames, 0)), 0.0f);
    reset();
}

void HapticOutput::reset() noexcept {
    std::fill(delay_.begin(), delay_.end(), 0.0f);
    head_ = 0;
    last_ = 0.0f;
    carrier_.reset();
}

void HapticOutput::setActuator(HapticSignal signal) noexcept {
    if (signal_ == HapticSignal::Envelope || signal_ == HapticSignal::None) return;
    if (signal != HapticSignal::Lra && signal != HapticSignal::Shaker) return;
    signal_ = signal;
    carrier_.setFrequency(carrierHz(signal));
}

void HapticOutput::process(const float* envelope, int written, float* out, int n) noexcept {
    const std::size_t length = delay_.size();
    for (int i = 0; i < n; ++i) {
        const float in = i < written ? envelope[i] : 0.0f;
        float delayed = in;
        if (length > 0) {
            delayed = delay_[head_];
            delay_[head_] = in;
            head_ = head_ + 1 == length ? 0 : head_ + 1;
        }
        if (out != nullptr) out[i] = delayed;
        last_ = delayed;
    }
    if (signal_ != HapticSignal::Lra && signal_ != HapticSignal::Shaker) return;
    if (out != nullptr)
        carrier_.modulate(out, n);
    else
        carrier_.skip(n);
}

}  // namespace stillpoint::haptics
