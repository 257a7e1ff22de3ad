// HeartFollow: the C API's live follow of the heart (heart_pace.hpp), an
// engine's HeartPaceFollower driven across the three threads stillpoint.h
// names, with no thread taking over another's job.
//
//   audio thread (sp_process): offer() copies the engine's StepStarted and
//     PhaseChanged events into a preallocated single-producer/single-consumer
//     ring; takeCommand() turns a newly followed pace into the SetPace the
//     engine is handed before its next block (the engine's command queue
//     keeps its one producer: the audio thread).
//   heart consumer (sp_heart_update on the attached sp_heart): tick() drains
//     the ring into the follower and ticks it at the engine's output clock;
//     a SetPace it makes goes into an atomic "followed pace" slot.
//   control thread: restart() at every new engine (load, prepare, set_state),
//     never while tick() may run (stillpoint.h says so); attached() and
//     detached() from sp_attach_heart, not while tick() runs either.
//
// Real-time contract: offer(), takeCommand(), tick() and followedBpm() never
// allocate, lock, wait or throw.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/heart_pace.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/wait_free_spsc_queue.hpp"

namespace stillpoint::capi {

class HeartFollow {
  public:
    // Control thread.
    /// A fresh follower for `program` as played at `sampleRate` (null: none).
    void restart(std::shared_ptr<const Program> program, double sampleRate) noexcept;
    /// A heart was attached: the next block tells the follower where the session stands.
    void attached() noexcept { catchUp_.store(true, std::memory_order_release); }
    /// The heart was detached: a pace it set is handed back to the session at
    /// the next block, and the next tick starts a fresh follower.
    void detached() noexcept;

    // Audio thread.
    /// Whether the follower should hear where the session stands now (once per attach).
    bool takeCatchUp() noexcept { return catchUp_.exchange(false, std::memory_order_acq_rel); }
    /// One of the engine's events; kept when the follower uses it (full ring: dropped).
    void offer(const Event& event) noexcept;
    /// The SetPace the follower asked for since the last call, if any.
    std::optional<Command> takeCommand() noexcept;

    // Heart consumer thread.
    /// After `heart.update(nowSeconds)`, `nowSeconds` on the engine's output clock.
    void tick(double nowSeconds, heart::HeartMonitor& heart) noexcept;

    // Any thread.
    /// The pace the heart sets, 0 while the session's own plays.
    double followedBpm() const noexcept { return followed_.load(std::memory_order_relaxed); }

  private:
    void ask(double bpm) noexcept;

    std::shared_ptr<const Program> program_;
    double rate_ = 0.0;
    std::optional<heart::HeartPaceFollower> follower_;
    std::atomic<bool> fresh_{false};  ///< detached since: the next tick starts over
    rt::WaitFreeSpscQueue<Event, 256> events_;
    std::atomic<bool> catchUp_{false};
    // The slot: the pace asked for and a count of asks, so a repeat is seen too.
    std::atomic<double> asked_{0.0};
    std::atomic<std::uint64_t> asks_{0};
    std::uint64_t taken_ = 0;  // audio thread's
    std::atomic<double> followed_{0.0};
};

}  // namespace stillpoint::capi
