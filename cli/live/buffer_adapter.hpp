// BufferAdapter: when the output underruns again and again (kRepeatCount
// within kRepeatWindow), reopens it asking for twice the buffer, up to
// kMaxBufferFrames, under AudioOutput's fade, and says so in one line.
// A meditation loses nothing to a longer buffer; it loses a lot to clicks.
//
// Threads: control thread only.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

#include "audio_output.hpp"

namespace stillpoint::cli::live {

constexpr int kRepeatCount = 3;
constexpr std::chrono::seconds kRepeatWindow{10};
constexpr unsigned kMaxBufferFrames = 8192;
/// A new stream's first moments are not judged: a server may report
/// underruns while it connects a client.
constexpr std::chrono::seconds kSettle{1};

/// Tells when underruns repeat: `count` of them within `window`.
class UnderrunWatch {
  public:
    using Clock = std::chrono::steady_clock;
    UnderrunWatch(int count, Clock::duration window) : count_(count), window_(window) {}
    /// `total`: the meter's running count. True once `count` fell within the window.
    bool repeated(std::int64_t total, Clock::time_point now);
    /// Forget those seen so far, and those until `until` (a stream settling).
    void forget(Clock::time_point until) {
        times_.clear();
        ignoreUntil_ = until;
    }

  private:
    int count_;
    Clock::duration window_;
    std::int64_t seen_ = 0;
    Clock::time_point ignoreUntil_{};
    std::deque<Clock::time_point> times_;
};

/// The buffer to ask for next: twice the larger of what was asked and what
/// was granted, at most kMaxBufferFrames; nullopt when already there.
std::optional<unsigned> largerBuffer(const OpenedOutput& opened);

/// What the adapter does about repeated underruns.
enum class BufferStep : unsigned char {
    Reopened,     ///< reopened asking for a larger buffer
    Largest,      ///< already at kMaxBufferFrames: nothing more to do
    DeviceFixed,  ///< the device gave the same buffer as before (JACK: its period)
};

struct BufferChange {
    BufferStep step = BufferStep::Reopened;
    std::string message;                    ///< the line to print
    unsigned fromFrames = 0, toFrames = 0;  ///< asked for, before and now
    std::optional<std::string> failure;     ///< the reopen failed: the output is gone
};

class BufferAdapter {
  public:
    BufferAdapter(AudioOutput& output, OpenedOutput& opened);
    /// Call on every tick; returns what it did when it reopened (or, once,
    /// that the buffer cannot grow any more).
    std::optional<BufferChange> poll(UnderrunWatch::Clock::time_point now);
    /// The request that would come next, for the message when it cannot.
    std::string cannotGrow(BufferStep step) const;

  private:
    AudioOutput& output_;
    OpenedOutput& opened_;
    UnderrunWatch watch_{kRepeatCount, kRepeatWindow};
    bool done_ = false;  ///< told that the buffer cannot grow: nothing more to try
};

}  // namespace stillpoint::cli::live
