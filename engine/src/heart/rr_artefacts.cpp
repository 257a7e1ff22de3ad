#include "stillpoint/rr_artefacts.hpp"

#include <cmath>

namespace stillpoint::heart {

RrVerdict RrArtefactFilter::check(double rrMs) noexcept {
    if (!(rrMs >= kMinRrMs && rrMs <= kMaxRrMs)) {  // NaN lands here too
        ++counts_.outOfRange;
        return RrVerdict::OutOfRange;
    }
    const bool jump = reference_ > 0.0 && std::abs(rrMs - reference_) > kMaxRrJump * reference_;
    if (jump && ++jumpsInRow_ < kJumpRecoveryCount) {
        ++counts_.jumps;
        return RrVerdict::Jump;
    }
    jumpsInRow_ = 0;
    reference_ = rrMs;
    ++counts_.accepted;
    return RrVerdict::Accepted;
}

}  // namespace stillpoint::heart
