// HeartMonitor: a live heart-rate stream in, heart rate and coherence out.
//
// Threads:
//   - pushRr / pushMeasurement: one producer thread at a time (a Bluetooth
//     callback, a file reader, an OSC receiver). Wait-free, never allocate;
//     false when the queue is full (the interval is then counted as dropped).
//   - update: one consumer thread (the engine's audio thread, or a control
//     thread). Wait-free, never allocates, locks or throws: it drains the
//     queue, applies the artefact rules (rr_artefacts.hpp) and measures
//     coherence (heart_coherence.hpp) once per new second of beats.
//   - state: any thread; each figure is read atomically (two figures may come
//     from neighbouring updates).
// Construct and destroy off the audio thread (the constructor allocates).
//
// Time: an interval pushed without a time is placed at the last beat's time
// plus the interval; when that falls more than kStreamGapSeconds behind the
// consumer's clock (a strap dropped out), the beat is placed at the clock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "stillpoint/heart_rate_measurement.hpp"
#include "stillpoint/rr_artefacts.hpp"
#include "stillpoint/session_heart.hpp"

namespace stillpoint::heart {

/// No accepted beat for this long: the stream counts as lost.
inline constexpr double kStreamLostSeconds = 5.0;
/// A beat placed this far behind the clock is moved to the clock.
inline constexpr double kStreamGapSeconds = 3.0;

/// Where a beat of `rrMs` pushed without a time falls, the last beat at
/// `lastBeatSeconds` (NaN: none yet) and the consumer's clock at `nowSeconds`
/// (see Time above). Wait-free.
double placeBeat(double lastBeatSeconds, double rrMs, double nowSeconds) noexcept;
/// An interval that can move the clock at all (NaN, 0 and hours cannot).
bool plausibleInterval(double rrMs) noexcept;

/// What the heart stream says now. Fold into a session state as one block.
struct HeartState {
    bool live = false;             ///< an accepted beat within kStreamLostSeconds
    double heartRateBpm = 0.0;     ///< mean of the last 4 accepted beats; 0 before any
    bool coherenceValid = false;   ///< at least 32 s of beats in the window
    double coherence = 0.0;        ///< 0..1 (heart_coherence.hpp)
    double rhythmPerMinute = 0.0;  ///< the heart rate's strongest rhythm, cycles/min
    RrCounts counts;               ///< artefact verdicts so far
    std::uint64_t dropped = 0;     ///< intervals refused by a full queue
};

class HeartMonitor {
  public:
    static constexpr std::size_t kQueueCapacity = 256;

    HeartMonitor();
    ~HeartMonitor();
    HeartMonitor(const HeartMonitor&) = delete;
    HeartMonitor& operator=(const HeartMonitor&) = delete;

    /// Producer. One RR interval in ms, placed by the consumer (see Time).
    bool pushRr(double rrMs) noexcept;
    /// Producer. One RR interval ending at `atSeconds` on the consumer's clock.
    bool pushRr(double rrMs, double atSeconds) noexcept;
    /// Producer. A 0x2A37 notification: its RR intervals are pushed; a
    /// malformed packet pushes nothing. Returns the parse (with its error).
    HeartRateParse pushMeasurement(const std::uint8_t* bytes, std::size_t size) noexcept;

    /// Consumer. Take what arrived, at `nowSeconds` on the consumer's clock.
    void update(double nowSeconds) noexcept;
    /// Consumer. Forget every beat and count (a new session).
    void reset() noexcept;

    /// Consumer. Heart rate's phase to the breath at `hz`, the lungs full at
    /// `lungsFullSeconds` (CoherenceMeter::phaseDegrees); NaN without 32 s of beats.
    double phaseToBreath(double hz, double lungsFullSeconds) noexcept;

    /// Any thread.
    HeartState state() const noexcept;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// `state` as a session state carries it, with the pace the heart sets
/// (0: none) and `connected` set.
SessionHeart sessionHeart(const HeartState& state, double followedPaceBpm) noexcept;

/// `heart` as a status line or window shows it: "62 bpm, coherence 0.71"
/// ("62 bpm" before 32 s of beats), "heart lost", or empty before any beat.
std::string describeHeart(const SessionHeart& heart);

}  // namespace stillpoint::heart
