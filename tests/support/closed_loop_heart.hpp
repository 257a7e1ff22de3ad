// A simulated heart for heart-paced breathing tests (closed loop): its rate
// swings with the breath it is actually given, most and in step (phase 0)
// at its resonance pace, lagging above it and leading below
// (synthetic_rr.hpp's model, answering the engine's breath live).
#pragma once

#include <cmath>
#include <numbers>
#include <random>

namespace stillpoint::heart::sim {

struct ClosedLoopHeart {
    double resonanceBpm = 5.0;
    double nextBeat = 0.5;  ///< seconds: when the next beat ends
    std::mt19937_64 random{5};

    /// Beats/min at `t` while breathing at `breathBpm`, the lungs last full at `lungsFull`.
    double rateAt(double t, double breathBpm, double lungsFull) const {
        const double off = (breathBpm - resonanceBpm) / 0.7;
        const double gain = 0.3 + 0.7 * std::exp(-0.5 * off * off);
        return 66.0 + 7.0 * gain *
                          std::cos(2.0 * std::numbers::pi * breathBpm / 60.0 * (t - lungsFull) -
                                   std::atan(off));
    }
    /// The interval ending the next beat (its rate is the rate at its middle).
    double nextInterval(double breathBpm, double lungsFull) const {
        return 60000.0 / rateAt(nextBeat + 0.45, breathBpm, lungsFull);
    }
};

}  // namespace stillpoint::heart::sim
