#include "session_clock.hpp"

#include <algorithm>

namespace stillpoint::capi {

void SessionClock::restart(std::int64_t sample) noexcept {
    output_ = sample;
    current_ = {sample, sample, true};
    pendingCount_ = 0;
}

void SessionClock::observe(const Event& event) noexcept {
    bool running = false;
    switch (event.type) {
        case EventType::Paused:
        case EventType::Finished:
            running = false;
            break;
        case EventType::Resumed:
            running = true;
            break;
        default:
            return;  // the clocks move together
    }
    const Anchor anchor{event.sample, event.sessionSample, running};
    if (pendingCount_ == kMaxPending) {
        // More transitions than fit in one look-ahead: take the oldest now.
        current_ = pending_[0];
        std::copy(pending_.begin() + 1, pending_.end(), pending_.begin());
        --pendingCount_;
    }
    pending_[static_cast<std::size_t>(pendingCount_++)] = anchor;
    advanceTo(output_);
}

void SessionClock::advanceTo(std::int64_t outputSample) noexcept {
    output_ = outputSample;
    int taken = 0;
    while (taken < pendingCount_ && pending_[static_cast<std::size_t>(taken)].output <= output_)
        current_ = pending_[static_cast<std::size_t>(taken++)];
    std::copy(pending_.begin() + taken, pending_.begin() + pendingCount_, pending_.begin());
    pendingCount_ -= taken;
}

std::int64_t SessionClock::position() const noexcept {
    return current_.running ? current_.session + (output_ - current_.output) : current_.session;
}

}  // namespace stillpoint::capi
