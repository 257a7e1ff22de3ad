#include "buffer_adapter.hpp"

#include <algorithm>

namespace stillpoint::cli::live {

bool UnderrunWatch::repeated(std::int64_t total, Clock::time_point now) {
    if (now < ignoreUntil_) {
        seen_ = total;
        return false;
    }
    for (; seen_ < total; ++seen_) times_.push_back(now);
    while (!times_.empty() && now - times_.front() > window_) times_.pop_front();
    return static_cast<int>(times_.size()) >= count_;
}

std::optional<unsigned> largerBuffer(const OpenedOutput& opened) {
    const unsigned now = std::max(opened.requestedFrames, opened.bufferFrames);
    if (now >= kMaxBufferFrames) return std::nullopt;
    return std::min(now * 2, kMaxBufferFrames);
}

BufferAdapter::BufferAdapter(AudioOutput& output, OpenedOutput& opened)
    : output_(output), opened_(opened) {
    watch_.forget(UnderrunWatch::Clock::now() + kSettle);
}

std::string BufferAdapter::cannotGrow(BufferStep step) const {
    const std::string frames = std::to_string(opened_.bufferFrames);
    if (step == BufferStep::Largest)
        return "the buffer is at its largest (" + frames +
               " frames); the machine is too busy to play "
               "without gaps (close other programs, or render to a file with 'stillpoint render')";
    return "the device keeps its " + frames +
           "-frame buffer whatever is asked (on JACK the server's "
           "period decides: start jackd with a larger -p, e.g. -p 1024)";
}

std::optional<BufferChange> BufferAdapter::poll(UnderrunWatch::Clock::time_point now) {
    if (done_) return std::nullopt;
    const auto total = output_.meters().underruns.load(std::memory_order_relaxed);
    if (!watch_.repeated(total, now)) return std::nullopt;
    const std::string why = "stillpoint play: " + std::to_string(kRepeatCount) +
                            " underruns within " + std::to_string(kRepeatWindow.count()) + " s; ";
    BufferChange change;
    change.fromFrames = change.toFrames = opened_.requestedFrames;
    const auto larger = largerBuffer(opened_);
    if (!larger) {
        done_ = true;
        change.step = BufferStep::Largest;
        change.message = why + cannotGrow(change.step);
        return change;
    }
    const unsigned gaveBefore = opened_.bufferFrames;
    change.toFrames = *larger;
    change.failure = output_.reopen(*larger, opened_);
    watch_.forget(UnderrunWatch::Clock::now() + kSettle);
    change.message = why + "reopened the output asking for a " + std::to_string(*larger) +
                     "-frame buffer instead of " + std::to_string(change.fromFrames) +
                     " (the device gave " + std::to_string(opened_.bufferFrames) +
                     "); faded out and back in where it was";
    if (!change.failure && opened_.bufferFrames == gaveBefore && *larger > gaveBefore) {
        // The device ignores the request (JACK): asking again would only churn.
        done_ = true;
        change.message += "; " + cannotGrow(BufferStep::DeviceFixed);
    }
    return change;
}

}  // namespace stillpoint::cli::live
