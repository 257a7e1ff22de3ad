// ProcessorControl and ControlQueue: the moments a front end asks of the
// processor that a plugin parameter cannot say (pause now, the next section,
// grounding, a faded stop), in the order they were asked. Parameters hold
// the values a host automates (pace, hold, layer trims, haptics on/off); a
// listener's profile is set with StillpointProcessor::setListenerOptions.
//
// ControlQueue is single-producer single-consumer with a fixed capacity:
// push() on the message thread, pop() at the top of processBlock. Both are
// wait-free and never allocate; a full queue refuses the push and says so.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>

namespace stillpoint::plugin {

enum class ControlType : unsigned char {
    Play,         ///< the free-running timeline runs; resumes a pause; after the end, from the top
    Pause,        ///< the engine fades out and its clock stops
    Cue,          ///< back to the session's start, silent, waiting for Play
    NextSection,  ///< fade out, the next section, fade in
    PreviousSection,  ///< this section's start (or the one before, near its start)
    Grounding,        ///< fade to the session's grounding section, then end
    Stop,             ///< fade out over 2.5 s and finish
};

struct ProcessorControl {
    ControlType type = ControlType::Play;
};

class ControlQueue {
  public:
    static constexpr std::size_t kCapacity = 64;

    /// Message thread (one producer). False when the queue is full.
    bool push(const ProcessorControl& control) noexcept {
        const auto tail = tail_.load(std::memory_order_relaxed);
        const auto next = (tail + 1) % kSlots;
        if (next == head_.load(std::memory_order_acquire)) return false;
        slots_[tail] = control;
        tail_.store(next, std::memory_order_release);
        return true;
    }
    /// Audio thread (one consumer). False when empty.
    bool pop(ProcessorControl& control) noexcept {
        const auto head = head_.load(std::memory_order_relaxed);
        if (head == tail_.load(std::memory_order_acquire)) return false;
        control = slots_[head];
        head_.store((head + 1) % kSlots, std::memory_order_release);
        return true;
    }

  private:
    static constexpr std::size_t kSlots = kCapacity + 1;  // one stays free: full != empty
    std::array<ProcessorControl, kSlots> slots_{};
    std::atomic<std::size_t> head_{0};
    std::atomic<std::size_t> tail_{0};
};

}  // namespace stillpoint::plugin
