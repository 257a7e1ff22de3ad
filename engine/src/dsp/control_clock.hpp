// ControlClock: the control-rate grid. Generators update coefficients (pitch,
// cutoff, gains) once every kControlInterval samples, counted from reset()
// rather than from the start of a block, so the same stream split into blocks
// of any size gives bit-identical output.
//
// Real-time: walk() is noexcept and allocation-free; it calls the given
// callables (inlined lambdas, no virtual calls) once per tick and once per run.
#pragma once

#include <algorithm>

namespace stillpoint::dsp {

/// Samples between control updates: 1.3 ms at 48 kHz. Amplitude-like
/// parameters glide linearly between ticks; a per-tick step in a pitch is far
/// below what the ear resolves.
inline constexpr int kControlInterval = 64;

class ControlClock {
  public:
    /// The next sample processed is a tick.
    void reset() noexcept { untilTick_ = 0; }

    /// Splits `frames` at ticks: calls tick(offset) on every tick, then
    /// run(offset, count) for the samples up to the next tick or the end.
    template <typename Tick, typename Run>
    void walk(int frames, Tick&& tick, Run&& run) noexcept {
        for (int done = 0; done < frames;) {
            if (untilTick_ == 0) {
                tick(done);
                untilTick_ = kControlInterval;
            }
            const int n = std::min(untilTick_, frames - done);
            run(done, n);
            done += n;
            untilTick_ -= n;
        }
    }

  private:
    int untilTick_ = 0;
};

}  // namespace stillpoint::dsp
