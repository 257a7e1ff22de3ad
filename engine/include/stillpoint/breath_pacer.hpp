// BreathPacer: the breath clock. Walks a breath pattern sample by sample.
//
// Real-time contract: every member is allocation-free and noexcept, so the
// sequencer runs it inside process().
//
// Timing is never accumulated from rounded segment lengths (that drifts).
// The pacer holds a pace law (pace_law.hpp) anchored at a sample: from
// `lawStart`, with `lawPhase` cycles already breathed, phase advances as the
// law says. The next phase boundary is solved in closed form from the law and
// rounded once, so every onset is exact to the sample over any length, and a
// pace change mid-breath re-anchors the law without a jump in phase.
#pragma once

#include <cstdint>

#include "stillpoint/breath_pattern.hpp"
#include "stillpoint/pace_law.hpp"

namespace stillpoint {

class BreathPacer {
  public:
    /// Patterns longer than this are cut (presets use at most five).
    static constexpr int kMaxSegments = 8;

    /// Start `pattern` at `startSample`, first segment, with `law`'s pace.
    void start(const BreathPattern& pattern, double sampleRate, std::int64_t startSample,
               const PaceLaw& law) noexcept;

    /// Glide from the current pace to `bpm` over `glideSamples`, starting at
    /// `atSample` (>= the current segment start). Phase stays continuous.
    void glideTo(double bpm, std::int64_t atSample, std::int64_t glideSamples) noexcept;

    /// Sample at which the current segment ends and the next begins.
    std::int64_t nextBoundarySample() const noexcept { return segEnd_; }
    /// Move into the next segment; call when playback reaches nextBoundarySample().
    void advanceSegment() noexcept;

    BreathPhase phase() const noexcept { return segments_[segment_].phase; }
    int segmentIndex() const noexcept { return segment_; }
    int segmentCount() const noexcept { return segmentCount_; }
    /// Whole cycles completed since start().
    std::int64_t completedCycles() const noexcept { return cycle_; }
    std::int64_t segmentStartSample() const noexcept { return segStart_; }

    /// Lung fullness (0 empty .. 1 full) for samples [from, from + n), eased
    /// with smoothstep inside each segment so its slope is zero at every
    /// boundary. `from + n` must not pass nextBoundarySample().
    void fillFullness(std::int64_t from, float* dst, int n) const noexcept;
    /// Pace in breaths per minute at `sample`.
    double bpmAt(std::int64_t sample) const noexcept;

  private:
    struct Segment {
        BreathPhase phase = BreathPhase::Inhale;
        double startFraction = 0.0;  // of the cycle
        float startFullness = 0.0f;
        float endFullness = 0.0f;
    };
    double cyclesAt(std::int64_t sample) const noexcept;  // phase since start(), in cycles
    std::int64_t sampleAtCycles(double cycles) const noexcept;
    double segmentEndCycles() const noexcept;
    void enterSegment(std::int64_t start) noexcept;

    Segment segments_[kMaxSegments]{};
    int segmentCount_ = 1;
    double rate_ = 48000.0;

    PaceLaw law_{};
    std::int64_t lawStart_ = 0;
    double lawCycles_ = 0.0;

    int segment_ = 0;
    std::int64_t cycle_ = 0;
    std::int64_t segStart_ = 0;
    std::int64_t segEnd_ = 0;
};

}  // namespace stillpoint
