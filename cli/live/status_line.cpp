#include "status_line.hpp"

#include <unistd.h>

#include "stillpoint/breath_pattern.hpp"
#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/unsafe_characters.hpp"
#include "time_format.hpp"

namespace stillpoint::cli::live {
namespace {

// Long lines are cut so the status stays on one terminal line.
constexpr std::size_t kCaptionChars = 48;

std::string shortCaption(std::string_view words) {
    if (words.size() <= kCaptionChars) return std::string(words);
    std::size_t cut = kCaptionChars;
    while (cut > 0 && (static_cast<unsigned char>(words[cut]) & 0xC0u) == 0x80u) --cut;
    return std::string(words.substr(0, cut)) + "...";
}

}  // namespace

StatusView statusFromState(const SessionState& s, const Program& program, bool stopping) {
    StatusView v;
    v.section = s.sectionName;
    if (s.breathPhase >= 0)
        v.phase = std::string(toString(static_cast<BreathPhase>(s.breathPhase)));
    v.paceBpm = s.paceBpm;
    v.state = stopping                ? "stopping"
              : s.paused              ? "paused"
              : s.holding             ? "held"
              : s.waitingForContinue  ? "waiting - press Enter to go on"
              : s.waitingForNarration ? "waiting for the voice"
              : s.groundingActive     ? "grounding"
                                      : "";
    v.elapsedSeconds = stateSeconds(s, s.outputSample);
    v.remainingSeconds = stateSeconds(s, s.remainingFrames);
    v.remainingAtLeast = s.remainingAtLeast;
    v.caption = shortCaption(lineCaption(program, s));
    v.linesReady = s.linesReady;
    v.linesTotal = s.linesTotal;
    v.heart = heart::describeHeart(s.heart);
    return v;
}

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
    char tail[160];
    std::snprintf(tail, sizeof tail, " | %s, %s%s left | DSP %.1f%% | underruns %lld",
                  formatClock(v.elapsedSeconds).c_str(), v.remainingAtLeast ? "at least " : "",
                  formatClock(v.remainingSeconds).c_str(), 100.0 * v.dspLoad,
                  static_cast<long long>(v.underruns));
    line += tail;
    if (v.linesReady < v.linesTotal)
        line += " | voice " + std::to_string(v.linesReady) + "/" + std::to_string(v.linesTotal);
    if (!v.layerNote.empty()) line += " | " + v.layerNote;
    if (!v.heart.empty()) line += " | " + v.heart;
    // The words come from the session file: never a raw control on the terminal.
    if (!v.caption.empty()) line += " | \"" + escapeForDisplay(v.caption) + "\"";
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
