// `play --heart SOURCE`: beats for a live session from a file, a FIFO or
// stdin, into a HeartMonitor, and a HeartPaceFollower steering `pace:
// resonance` steps from them.
//
// A regular file is replayed on its own clock from the session's start
// (timestamps, or the running sum of its intervals); a FIFO or stdin ("-")
// is live: each beat counts from when its line arrives, read on a thread of
// its own. Lines: docs/heart.md (an RR interval in ms, or `SECONDS MS`).
//
// What the heart says reaches the session's state (Engine::setHeart, read
// back by the status line) and the event log from the control loop.
//
// Threads: open, observe, tick, sessionHeart and summary on the control thread.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/heart_beats.hpp"
#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/heart_pace.hpp"

namespace stillpoint::cli::live {

class HeartInput {
  public:
    HeartInput() = default;
    ~HeartInput();
    HeartInput(const HeartInput&) = delete;
    HeartInput& operator=(const HeartInput&) = delete;

    /// False with `problem` set when SOURCE cannot be read (or a file's line is bad).
    bool open(const std::string& source, std::string& problem);
    /// Follow `program` as the engine plays it at `sampleRate`.
    void follow(std::shared_ptr<const Program> program, double sampleRate);

    void observe(const Event& event);
    struct Tick {
        std::optional<Command> command;                    ///< a pace for the engine
        std::vector<std::string> notes;                    ///< to print
        heart::FollowNote note = heart::FollowNote::None;  ///< for the event log
        double paceBpm = 0.0;                              ///< the pace the breath is heading to
    };
    /// At `outputSeconds` of played output.
    Tick tick(double outputSeconds);

    /// The heart's figures and the pace it sets, for the session's state.
    SessionHeart sessionHeart() const;
    /// Beats, artefacts and the last coherence, for the end of the session.
    std::string summary() const;

  private:
    void readLive();

    heart::HeartMonitor monitor_;
    std::unique_ptr<heart::HeartPaceFollower> follower_;
    std::vector<heart::Beat> replay_;  // a regular file's beats
    std::size_t nextReplay_ = 0;
    int fd_ = -1;
    std::string source_;
    std::thread reader_;
    std::atomic<bool> stop_{false};
    std::mutex problemsMutex_;
    std::vector<std::string> problems_;  // bad lines of a live source
};

}  // namespace stillpoint::cli::live
