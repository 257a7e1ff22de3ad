// Event log (--events FILE): every engine event as a line
//   SAMPLE TYPE INDEX VALUE      e.g. "144000 SectionStarted 1 0"
// and every command sent, as "SAMPLE command:TYPE INDEX VALUE" with the
// output sample at which it was queued, and what the player did to its
// output, as "SAMPLE output:WHAT INDEX VALUE" (e.g. "output:Reopened 2048 1024":
// the buffer asked for now and before), and what the heart did to the pace,
// as "SAMPLE heart:WHAT 0 PACE": Following, StreamLost, StreamFound,
// HandedBack (heart_pace.hpp's notes, with the pace the breath heads to) and
// Pace (each pace the heart sets).
//
// Threads: control thread only.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>

#include "stillpoint/engine_events.hpp"

namespace stillpoint::cli::live {

std::string_view eventName(EventType type);
std::string_view commandName(CommandType type);

class EventLog {
  public:
    /// Inert when `path` is empty.
    bool open(const std::string& path);
    void write(const Event& event);
    void write(const Command& command, std::int64_t sample);
    void writeOutput(std::int64_t sample, std::string_view what, long index, double value);
    void writeHeart(std::int64_t sample, std::string_view what, double paceBpm);

  private:
    std::ofstream out_;
};

}  // namespace stillpoint::cli::live
