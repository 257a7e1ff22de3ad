// SessionClock: where the session clock stands, followed from outside the
// engine. The engine's two clocks part while it is paused or finished (the
// output clock runs on, the session clock stops); its Paused, Resumed and
// Finished events say where. Events arrive up to the limiter's look-ahead
// before the output reaches them, so a transition waits until it is heard.
//
// Real-time safe: fixed storage, no allocation. One thread (the audio
// thread, after each block).
#pragma once

#include <array>
#include <cstdint>

#include "stillpoint/engine_events.hpp"

namespace stillpoint::capi {

class SessionClock {
  public:
    /// Both clocks at `sample`, running (after prepare or seek).
    void restart(std::int64_t sample) noexcept;
    /// Every event the engine reports, in its order.
    void observe(const Event& event) noexcept;
    /// The output has played up to (not including) `outputSample`.
    void advanceTo(std::int64_t outputSample) noexcept;
    /// The session clock at the output position last given to advanceTo.
    std::int64_t position() const noexcept;

  private:
    /// From output sample `output` on, the session clock is at `session`
    /// and runs (or stands still).
    struct Anchor {
        std::int64_t output = 0;
        std::int64_t session = 0;
        bool running = true;
    };
    static constexpr int kMaxPending = 16;  // transitions within one look-ahead

    std::int64_t output_ = 0;
    Anchor current_;
    std::array<Anchor, kMaxPending> pending_{};
    int pendingCount_ = 0;
};

}  // namespace stillpoint::capi
