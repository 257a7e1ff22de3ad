#include "status_line.hpp"

#include <unistd.h>

#include "stillpoint/unsafe_characters.hpp"
#include "time_format.hpp"

namespace stillpoint::cli::live {

std::string formatStatus(const StatusView& v) {
    // The section name comes from the session file: never a raw control on the terminal.
    std::string line = v.section.empty() ? "starting" : escapeForDisplay(v.section);
    if (!v.phase.empty()) line += " | " + v.phase;
    if (v.paceBpm > 0.0) {
        char pace[32];
        std::snprintf(pace, sizeof pace, " %.1f/min", v.paceBpm);
        line += pace;
    }
    if (!v.state.empty()) line += " | " + v.state;
    char tail[128];
    std::snprintf(tail, sizeof tail, " | %s, %s left | DSP %.1f%% | underruns %lld",
                  formatClock(v.elapsedSeconds).c_str(), formatClock(v.remainingSeconds).c_str(),
                  100.0 * v.dspLoad, static_cast<long long>(v.underruns));
    line += tail;
    if (!v.layerNote.empty()) line += " | " + v.layerNote;
    if (!v.preparation.empty()) line += " | " + v.preparation;
    return line;
}

StatusLine::StatusLine(std::FILE* stream)
    : stream_(stream), enabled_(::isatty(::fileno(stream)) != 0) {}

void StatusLine::draw(const StatusView& view) {
    if (!enabled_) return;
    std::fprintf(stream_, "\r%s\x1b[K", formatStatus(view).c_str());
    std::fflush(stream_);
}

void StatusLine::clear() {
    if (!enabled_) return;
    std::fputs("\r\x1b[K", stream_);
    std::fflush(stream_);
}

}  // namespace stillpoint::cli::live
