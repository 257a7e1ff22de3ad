// Status line: one line on a terminal, redrawn in place ('\r'), showing the
// section, breath phase and pace, what the session waits for, elapsed and
// remaining time, the words being spoken, narration still being prepared,
// the listener's heart, DSP load and underruns. Draws nothing when the stream is not a terminal.
// Where the session is comes only from the engine's SessionState
// (statusFromState); the player adds what is its own (stopping, DSP load,
// underruns, the last level change).
//
// Threads: control thread only (never the audio thread).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "stillpoint/program.hpp"
#include "stillpoint/session_state.hpp"

namespace stillpoint::cli::live {

struct StatusView {
    std::string section;
    std::string phase;     ///< empty outside breathing
    std::string state;     ///< "paused", "held", or empty
    double paceBpm = 0.0;  ///< 0: not breathing
    double elapsedSeconds = 0.0;
    double remainingSeconds = 0.0;
    bool remainingAtLeast = false;       ///< a hold or a check-in: "at least"
    std::string caption;                 ///< the words being spoken, empty when none
    int linesReady = 0, linesTotal = 0;  ///< narration being prepared when ready < total
    double dspLoad = 0.0;                ///< callback time / block time, peak since the last line
    std::int64_t underruns = 0;
    std::string layerNote;  ///< e.g. "bed -21 dB" after a level change
    std::string heart;      ///< e.g. "62 bpm, coherence 0.71": SessionState::heart
};

std::string formatStatus(const StatusView& view);

/// The view of `state` (of `program`, which is playing); `stopping` when a
/// Stop was asked and its fade runs.
StatusView statusFromState(const SessionState& state, const Program& program, bool stopping);

class StatusLine {
  public:
    explicit StatusLine(std::FILE* stream);
    bool enabled() const { return enabled_; }
    void draw(const StatusView& view);
    /// Clears the line so the next output starts clean.
    void clear();

  private:
    std::FILE* stream_;
    bool enabled_;
};

}  // namespace stillpoint::cli::live
