// FrequencyGlide: a frequency that glides linearly to a new target over a
// fixed time, stepped once per control tick (a per-tick step of a slow glide
// is far below what the ear resolves). The first target after reset() is
// taken at once: there is nothing to glide from.
//
// Real-time: every member but prepare() is noexcept, allocation-free, O(1).
#pragma once

#include <algorithm>
#include <cmath>

#include "dsp/control_clock.hpp"

namespace stillpoint::dsp {

class FrequencyGlide {
  public:
    void prepare(double sampleRate, double glideSeconds) {
        glideTicks_ = std::max(
            1, static_cast<int>(std::lround(glideSeconds * sampleRate / kControlInterval)));
    }
    void reset(double hz) noexcept {
        current_ = target_ = hz;
        ticksLeft_ = 0;
        fresh_ = true;
    }
    void setTarget(double hz) noexcept {
        target_ = hz;
        ticksLeft_ = fresh_ ? 0 : glideTicks_;
        if (fresh_) current_ = hz;
    }
    /// Advance one control tick; returns the frequency for the coming samples.
    double tick() noexcept {
        fresh_ = false;
        if (ticksLeft_ > 0) {
            current_ += (target_ - current_) / ticksLeft_;
            --ticksLeft_;
        }
        return current_;
    }

  private:
    double current_ = 0.0, target_ = 0.0;
    int glideTicks_ = 1;
    int ticksLeft_ = 0;
    bool fresh_ = true;
};

}  // namespace stillpoint::dsp
