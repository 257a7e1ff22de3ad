#include "stillpoint/breath_pacer.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint {

void BreathPacer::start(const BreathPattern& pattern, double sampleRate, std::int64_t startSample,
                        const PaceLaw& law) noexcept {
    rate_ = sampleRate;
    segmentCount_ = std::clamp(static_cast<int>(pattern.segments.size()), 1, kMaxSegments);
    const double cycle = pattern.cycleSeconds();
    double before = 0.0;
    float fullness = 0.0f;
    for (int i = 0; i < segmentCount_ && i < static_cast<int>(pattern.segments.size()); ++i) {
        const auto& s = pattern.segments[static_cast<std::size_t>(i)];
        segments_[i] = {s.phase, cycle > 0.0 ? before / cycle : 0.0, fullness, s.endFullness};
        before += s.seconds;
        fullness = s.endFullness;
    }
    law_ = law;
    lawStart_ = startSample;
    lawCycles_ = 0.0;
    segment_ = 0;
    cycle_ = 0;
    enterSegment(startSample);
}

void BreathPacer::glideTo(double bpm, std::int64_t atSample, std::int64_t glideSamples) noexcept {
    const double now = cyclesAt(atSample);
    const double fromBpm = bpmAt(atSample);
    lawCycles_ = now;
    lawStart_ = atSample;
    law_ = {fromBpm, bpm, static_cast<double>(glideSamples) / rate_};
    segEnd_ = std::max(sampleAtCycles(segmentEndCycles()), atSample);
}

void BreathPacer::advanceSegment() noexcept {
    const std::int64_t boundary = segEnd_;
    if (++segment_ >= segmentCount_) {
        segment_ = 0;
        ++cycle_;
    }
    enterSegment(boundary);
}

void BreathPacer::enterSegment(std::int64_t start) noexcept {
    segStart_ = start;
    segEnd_ = std::max(sampleAtCycles(segmentEndCycles()), start + 1);
}

double BreathPacer::segmentEndCycles() const noexcept {
    const double endFraction =
        segment_ + 1 < segmentCount_ ? segments_[segment_ + 1].startFraction : 1.0;
    return static_cast<double>(cycle_) + endFraction;
}

double BreathPacer::cyclesAt(std::int64_t sample) const noexcept {
    return lawCycles_ + law_.cyclesAfter(static_cast<double>(sample - lawStart_) / rate_);
}

std::int64_t BreathPacer::sampleAtCycles(double cycles) const noexcept {
    return lawStart_ + std::llround(law_.secondsFor(cycles - lawCycles_) * rate_);
}

double BreathPacer::bpmAt(std::int64_t sample) const noexcept {
    return law_.bpmAt(static_cast<double>(sample - lawStart_) / rate_);
}

void BreathPacer::fillFullness(std::int64_t from, float* dst, int n) const noexcept {
    const Segment& seg = segments_[segment_];
    if (seg.startFullness == seg.endFullness || n <= 0) {
        std::fill(dst, dst + n, seg.endFullness);
        return;
    }
    // Progress through the segment is measured in phase (not samples), so a
    // glide that moves the segment's end never makes the fullness jump. It is
    // exact on a grid of kGrid samples anchored at the segment start (or the
    // last glide) and linear between grid points: every value depends only on
    // its sample index, so any split of the stream into blocks gives the same
    // output.
    constexpr std::int64_t kGrid = 64;
    const double startCycles = static_cast<double>(cycle_) + seg.startFraction;
    const double span = segmentEndCycles() - startCycles;
    const std::int64_t origin = std::max(segStart_, lawStart_);
    auto progressAt = [&](std::int64_t sample) {
        return std::clamp((cyclesAt(sample) - startCycles) / span, 0.0, 1.0);
    };
    const float a = seg.startFullness;
    const float range = seg.endFullness - seg.startFullness;
    const std::int64_t end = from + n;
    for (std::int64_t at = from; at < end;) {
        const std::int64_t cell = origin + (at - origin) / kGrid * kGrid;
        const double u0 = progressAt(cell);
        const double du = (progressAt(cell + kGrid) - u0) / kGrid;
        const std::int64_t cellEnd = std::min(cell + kGrid, end);
        for (; at < cellEnd; ++at) {
            const auto u = static_cast<float>(u0 + du * static_cast<double>(at - cell));
            *dst++ = a + range * (u * u * (3.0f - 2.0f * u));
        }
    }
}

}  // namespace stillpoint
