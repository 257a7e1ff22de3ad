// SourceCrossfade: N sound sources, at most one selected, each with a gain
// that glides to 1 when selected and to 0 when not, all under one master
// fade. The breath tone (pad / wave / bowl, on and off) and the ambience bed
// (pink / brown / drone) are both this.
//
//  - A source whose gain rests at 0 is not rendered at all, and is restarted
//    (its state reset) the moment its gain reaches 0, so it always comes back
//    fresh. When the master reaches 0 every source is restarted.
//  - Blocks are cut where a ramp ends, so a source stops or starts on the
//    same sample however the stream is split into blocks.
//  - Source gains follow an equal-power-like curve x(3 - x^2)/2 of their
//    linear ramps, so a crossfade between two uncorrelated sources barely
//    dips (< 0.3 dB); the master follows smoothstep 3x^2 - 2x^3, so a fade
//    leaves and lands with zero slope.
//  - While silent (master resting at 0, or every source resting at 0) nothing
//    advances, so not calling process() is the same as calling it.
//  - In the steady state (source and master resting at 1) the source renders
//    straight into the bus: no scratch, no gain multiply.
//
// Real-time: every member but prepare() is noexcept, allocation-free and
// O(frames); the scratch buffers are members. `Sources` must provide
//   void render(int source, int offset, float* left, float* right, int n)
//   bool isQuiet(int source) const   // true: render would add nothing
//   void restart(int source)
#pragma once

#include <algorithm>
#include <array>

#include "dsp/smoothed_value.hpp"

namespace stillpoint::dsp {

template <int N>
class SourceCrossfade {
  public:
    static constexpr int kNone = -1;

    void prepare(double sampleRate, double crossfadeSeconds, double masterFadeSeconds) {
        for (auto& g : gains_) g.prepare(sampleRate, crossfadeSeconds);
        master_.prepare(sampleRate, masterFadeSeconds);
    }

    /// Snap: `selected` (or kNone) at full gain, master at `master`.
    void reset(int selected, float master) noexcept {
        selected_ = selected;
        for (int s = 0; s < N; ++s) gain(s).snapTo(s == selected ? 1.0f : 0.0f);
        master_.snapTo(master);
    }

    /// Glide to `source` (or kNone); snaps when the master is silent.
    void select(int source) noexcept {
        selected_ = source;
        const bool inaudible = !master_.isRamping() && master_.current() == 0.0f;
        for (int s = 0; s < N; ++s) {
            const float target = s == source ? 1.0f : 0.0f;
            if (inaudible)
                gain(s).snapTo(target);
            else
                gain(s).setTarget(target);
        }
    }

    void setMaster(float target) noexcept { master_.setTarget(target); }
    float masterTarget() const noexcept { return master_.target(); }
    int selected() const noexcept { return selected_; }

    bool isSilent() const noexcept {
        if (resting(master_)) return true;
        for (const auto& g : gains_)
            if (!resting(g)) return false;
        return true;
    }

    template <typename Sources>
    void process(float* left, float* right, int frames, Sources& sources) noexcept {
        for (int done = 0; done < frames && !isSilent();) {
            const int n = chunkLength(frames - done);
            const bool masterFull = atOne(master_);
            bool masterFilled = false;
            for (int s = 0; s < N; ++s) {
                if (resting(gain(s))) continue;
                if (sources.isQuiet(s)) {
                    gain(s).skip(n);
                } else if (masterFull && atOne(gain(s))) {
                    // The steady state: nothing to scale, render straight into the bus.
                    sources.render(s, done, left + done, right + done, n);
                } else {
                    if (!masterFilled) master_.fillRamp(masterRamp_.data(), n);
                    masterFilled = true;
                    mixScaled(s, left + done, right + done, n, sources, done);
                }
                if (resting(gain(s))) sources.restart(s);
            }
            if (!masterFilled) master_.skip(n);
            if (resting(master_))
                for (int s = 0; s < N; ++s) sources.restart(s);
            done += n;
        }
    }

  private:
    static constexpr int kChunk = 256;

    static bool resting(const SmoothedValue& v) noexcept {
        return !v.isRamping() && v.current() == 0.0f;
    }
    static bool atOne(const SmoothedValue& v) noexcept {
        return !v.isRamping() && v.current() == 1.0f;
    }

    /// Render source `s` into scratch and add it scaled by its gain curve
    /// times the master curve (already in masterRamp_).
    template <typename Sources>
    void mixScaled(int s, float* left, float* right, int n, Sources& sources, int offset) noexcept {
        std::fill_n(scratchLeft_.begin(), n, 0.0f);
        std::fill_n(scratchRight_.begin(), n, 0.0f);
        sources.render(s, offset, scratchLeft_.data(), scratchRight_.data(), n);
        gain(s).fillRamp(sourceRamp_.data(), n);
        for (int i = 0; i < n; ++i) {
            const float x = sourceRamp_[i];
            const float m = masterRamp_[i];
            const float g = 0.5f * x * (3.0f - x * x) * (m * m * (3.0f - 2.0f * m));
            left[i] += g * scratchLeft_[i];
            right[i] += g * scratchRight_[i];
        }
    }
    SmoothedValue& gain(int s) noexcept { return gains_[static_cast<std::size_t>(s)]; }

    /// Up to the end of the block, the scratch size, or the first ramp's end.
    int chunkLength(int left) const noexcept {
        int n = std::min(left, kChunk);
        if (master_.isRamping()) n = std::min(n, master_.remainingSteps());
        for (const auto& g : gains_)
            if (g.isRamping()) n = std::min(n, g.remainingSteps());
        return n;
    }

    std::array<SmoothedValue, N> gains_;
    SmoothedValue master_;
    int selected_ = kNone;
    std::array<float, kChunk> scratchLeft_{}, scratchRight_{}, masterRamp_{}, sourceRamp_{};
};

}  // namespace stillpoint::dsp
