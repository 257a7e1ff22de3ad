// RrArtefactFilter: which beat-to-beat (RR) intervals are trusted.
//
// Straps miss beats, count a beat twice and see ectopic (early) beats; one bad
// interval is a spike of tens of beats per minute that would swamp every
// measure built on heart rate. The rules, applied in order to each interval:
//   1. range: an interval outside 300..2000 ms (200..30 beats/min) is refused;
//   2. jump: one more than 20 % away from the last accepted interval is refused
//      (Malik's rule: an ectopic beat and its compensatory pause both go);
//   3. recovery: the fifth interval in a row that rule 2 would refuse is
//      accepted and becomes the reference (the heart really changed its rate).
// Refused intervals still count as time passing (the heart did beat).
//
// Real-time contract: plain arithmetic; never allocates, locks or throws.
#pragma once

#include <cstdint>

namespace stillpoint::heart {

inline constexpr double kMinRrMs = 300.0;
inline constexpr double kMaxRrMs = 2000.0;
inline constexpr double kMaxRrJump = 0.20;  ///< fraction of the last accepted interval
inline constexpr int kJumpRecoveryCount = 5;

/// What became of one interval.
enum class RrVerdict : unsigned char {
    Accepted,
    OutOfRange,  ///< rule 1
    Jump,        ///< rule 2
};

/// Counts per verdict, for reports.
struct RrCounts {
    std::uint64_t accepted = 0;
    std::uint64_t outOfRange = 0;
    std::uint64_t jumps = 0;
    std::uint64_t total() const noexcept { return accepted + outOfRange + jumps; }
};

class RrArtefactFilter {
  public:
    RrVerdict check(double rrMs) noexcept;
    const RrCounts& counts() const noexcept { return counts_; }
    void reset() noexcept { *this = RrArtefactFilter{}; }

  private:
    double reference_ = 0.0;  // last accepted interval, 0 before the first
    int jumpsInRow_ = 0;
    RrCounts counts_{};
};

}  // namespace stillpoint::heart
