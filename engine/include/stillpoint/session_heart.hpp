// SessionHeart: the listener's heart as a session state carries it (heart
// rate, coherence, artefacts, whether beats come, the pace the heart sets),
// and SessionHeartCell, through which the thread that analyses the heart
// hands those figures to whoever reads the session's state.
//
// The heart is analysed off the audio thread (a control thread, the app's
// message thread: HeartMonitor::update and HeartPaceFollower), so its figures
// do not come from the engine's blocks: that thread publishes them here, and
// Engine::state() (SessionPlayer::playingState() in the plugin and the app)
// copies them into SessionState::heart as it is read.
//
// Real-time contract: publish() and read() are wait-free, never allocate,
// lock or throw, so the audio thread may read (the plugin publishes its
// state from there). Each figure is one atomic: a reader may see two
// figures from neighbouring publications (the heart changes slowly; each
// figure is whole).
#pragma once

#include <atomic>
#include <cstdint>
#include <type_traits>

namespace stillpoint {

struct SessionHeart {
    bool connected = false;       ///< a heart stream is attached (its figures below mean something)
    bool live = false;            ///< an accepted beat within the last 5 s
    double heartRateBpm = 0.0;    ///< mean of the last 4 accepted beats; 0 before any
    bool coherenceValid = false;  ///< at least 32 s of beats in the window
    double coherence = 0.0;       ///< 0..1 (heart_coherence.hpp)
    std::uint64_t beats = 0;      ///< intervals accepted
    std::uint64_t artefacts = 0;  ///< intervals refused by the artefact rules (range, jumps)
    double followedPaceBpm = 0.0;  ///< the pace the heart sets; 0 while the session's own plays
};

static_assert(std::is_trivially_copyable_v<SessionHeart>);

/// One publisher thread at a time; any number of readers.
class SessionHeartCell {
  public:
    void publish(const SessionHeart& h) noexcept {
        constexpr auto relaxed = std::memory_order_relaxed;
        live_.store(h.live, relaxed);
        heartRate_.store(h.heartRateBpm, relaxed);
        coherenceValid_.store(h.coherenceValid, relaxed);
        coherence_.store(h.coherence, relaxed);
        beats_.store(h.beats, relaxed);
        artefacts_.store(h.artefacts, relaxed);
        followed_.store(h.followedPaceBpm, relaxed);
        connected_.store(h.connected, std::memory_order_release);
    }
    SessionHeart read() const noexcept {
        constexpr auto relaxed = std::memory_order_relaxed;
        SessionHeart h;
        h.connected = connected_.load(std::memory_order_acquire);
        h.live = live_.load(relaxed);
        h.heartRateBpm = heartRate_.load(relaxed);
        h.coherenceValid = coherenceValid_.load(relaxed);
        h.coherence = coherence_.load(relaxed);
        h.beats = beats_.load(relaxed);
        h.artefacts = artefacts_.load(relaxed);
        h.followedPaceBpm = followed_.load(relaxed);
        return h;
    }

  private:
    std::atomic<bool> connected_{false}, live_{false}, coherenceValid_{false};
    std::atomic<double> heartRate_{0.0}, coherence_{0.0}, followed_{0.0};
    std::atomic<std::uint64_t> beats_{0}, artefacts_{0};
};

}  // namespace stillpoint
