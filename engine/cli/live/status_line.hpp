// Status line: one line on a terminal, redrawn in place ('\r'), showing the
// section, breath phase, elapsed and remaining time, DSP load and underruns.
// Draws nothing when the stream is not a terminal.
//
// Threads: control thread only (never the audio thread).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace stillpoint::cli::live {

struct StatusView {
    std::string section;
    std::string phase;     ///< empty outside breathing
    std::string state;     ///< "paused", "held", or empty
    double paceBpm = 0.0;  ///< 0: not breathing
    double elapsedSeconds = 0.0;
    double remainingSeconds = 0.0;
    double dspLoad = 0.0;  ///< callback time / block time, peak since the last line
    std::int64_t underruns = 0;
    std::string layerNote;  ///< e.g. "bed -21 dB" after a level change
    std::string preparation;  ///< e.g. "voice 12/85" while lines are still being made
};

std::string formatStatus(const StatusView& view);

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
