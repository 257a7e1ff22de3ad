#include "dsp/modal_bell.hpp"

namespace stillpoint::dsp {

void ModalBell::prepare(double sampleRate) {
    for (int v = 0; v < kBellVoicingCount; ++v)
        banks_[static_cast<std::size_t>(v)].prepare(designFor(static_cast<BellVoicing>(v)),
                                                    sampleRate);
    reset();
}

void ModalBell::reset() noexcept {
    clock_.reset();
    for (auto& bank : banks_) bank.reset();
}

void ModalBell::strike(BellVoicing voicing, float velocity) noexcept {
    // From silence the control grid restarts at the strike, so the output
    // does not depend on how long the silent bell was (or wasn't) processed.
    if (isSilent()) clock_.reset();
    banks_[static_cast<std::size_t>(voicing)].strike(velocity);
}

bool ModalBell::isSilent() const noexcept {
    for (const auto& bank : banks_)
        if (!bank.isSilent()) return false;
    return true;
}

void ModalBell::process(float* left, float* right, int frames) noexcept {
    if (isSilent()) return;
    clock_.walk(
        frames,
        [&](int) {
            for (auto& bank : banks_) bank.checkSilence();
        },
        [&](int offset, int n) {
            for (auto& bank : banks_)
                if (!bank.isSilent()) bank.process(left + offset, right + offset, n);
        });
}

}  // namespace stillpoint::dsp
