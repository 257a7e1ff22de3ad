// AppHeart: the listener's heart in the therapist app. RR intervals (from the
// OSC remote, or a strap's 0x2A37 notifications) feed a HeartMonitor; while a
// `pace: resonance` step plays, a HeartPaceFollower steers its breath within
// the safety limits (heart_pace.hpp), through the processor's FollowPace
// control; while the therapist has set a pace (slower, faster, a profile's
// pace) that pace is theirs and the heart's steps are not sent. Heart rate,
// coherence, artefacts, whether beats come and the pace the heart sets go
// into the session's state (StillpointProcessor::setHeart, after every
// tick), where the window and the remote read them.
//
// Assessment: the beats of the session that plays are also kept, on its
// clock from its start, so a resonance assessment played in the app (the
// built-in one is in the catalogue) is analysed here as `stillpoint
// resonance` analyses a recording (assessment()); the therapist saves the
// pace found to the client's profile.
//
// Events: the processor's heard events (popHeardEvent, one reader) are read
// only once beats come in; a front end without a strap keeps them all.
//
// Clock: the playing engine's output clock (SessionState::outputSample), the
// one its events are stamped on. Beats count only while that clock runs (a
// session plays or is paused); before Play they are refused, so none is
// placed ahead of the session. A new session (or the same one from its
// start) begins with no beats.
//
// Threads: pushRr from one producer thread at a time (wait-free, no
// allocation); pushMeasurement, tick() and state() on the message thread,
// where a timer calls tick() kTickHz times a second.
#pragma once

#include <juce_events/juce_events.h>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "processor/stillpoint_processor.hpp"
#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/heart_pace.hpp"
#include "stillpoint/resonance.hpp"
#include "stillpoint/wait_free_spsc_queue.hpp"

namespace stillpoint::app {

class AppHeart : private juce::Timer {
  public:
    static constexpr int kTickHz = 20;

    explicit AppHeart(plugin::StillpointProcessor& processor);
    ~AppHeart() override;

    // Producer.
    /// One RR interval in ms, placed at the last beat plus the interval.
    /// False when refused: the session's clock is still, or the queue is full.
    bool pushRr(double rrMs) noexcept;

    // Message thread (the OSC remote's).
    /// A strap's Bluetooth Heart Rate Measurement notification (0x2A37) as it
    /// arrived: its RR intervals go in as pushRr's do. A malformed packet
    /// (short, flags its bytes do not bear out, too many intervals, bytes
    /// left over) pushes nothing, is counted, and its reason is kept.
    heart::HeartRateParse pushMeasurement(const std::uint8_t* bytes, std::size_t size) noexcept;
    /// Notifications refused as malformed since the app started.
    std::uint64_t refusedMeasurements() const noexcept { return refusedMeasurements_; }
    /// Why the last one was refused ("" before any): the parser's words.
    std::string lastRefusal() const { return lastRefusal_.data(); }
    /// The session that plays as a resonance assessment: its paced blocks
    /// (pacedBlocks) over the beats kept since it started (analyseResonance).
    /// `error` says why no pace was chosen: too few beats, or a session with
    /// fewer than two paced blocks (not an assessment).
    heart::ResonanceResult assessment() const;
    /// The beats kept since the session started.
    std::size_t recordedBeats() const noexcept { return recording_.size(); }

    // Message thread.
    /// Read the engine's events and clock, update the monitor, and let the
    /// follower steer (the timer's work; tests call it after each block).
    void tick();
    heart::HeartState state() const noexcept { return monitor_.state(); }
    /// The pace the heart has set, 0 while the session's own plays.
    double followedBpm() const noexcept { return follower_ ? follower_->followedBpm() : 0.0; }

  private:
    void timerCallback() override { tick(); }
    void restart(std::shared_ptr<const Program> program, double sampleRate);
    /// Feed the follower the heard events and send the pace it sets.
    void steer(double now, const SessionState& session);
    /// Keep the beats pushed since the last tick, placed on the session's clock.
    void record(double now);

    plugin::StillpointProcessor& processor_;
    heart::HeartMonitor monitor_;
    std::unique_ptr<heart::HeartPaceFollower> follower_;
    std::shared_ptr<const Program> followed_;  ///< the program the follower was made for
    std::int64_t lastOutputSample_ = -1;
    bool reading_ = false;  ///< beats came in: the heart reads the processor's heard events
    std::atomic<bool> clockRuns_{false};
    std::uint64_t refusedMeasurements_ = 0;
    // The session's beats for assessment(): queued by the producer, placed
    // and kept by tick().
    rt::WaitFreeSpscQueue<double, heart::HeartMonitor::kQueueCapacity> toRecord_;
    std::vector<heart::Beat> recording_;
    double lastRecordedSeconds_ = std::numeric_limits<double>::quiet_NaN();
    std::array<char, sizeof(heart::HeartRateParse::error)> lastRefusal_{};
};

}  // namespace stillpoint::app
