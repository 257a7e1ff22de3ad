// Control scripts: timed commands for a playing session, one per line,
//   SECONDS COMMAND [ARGS]     e.g. "2.5 pause", "25 volume bed -30"
// SECONDS is output time (pauses included) since play started; blank lines
// and lines starting with '#' are skipped. `parseControlLine` is pure;
// `ControlScriptReader` reads a file or a FIFO without blocking.
//
// Whatever arrives, the reader's memory and output stay bounded: a line
// longer than kMaxLineBytes is discarded (one error), at most
// kMaxPendingRequests wait for their time (Stop and Grounding are always
// taken), a FIFO is read at most kReadBudgetBytes per poll, and problems
// beyond the first few are counted, not printed (RefusalLog).
//
// Threads: control thread only.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "live_request.hpp"
#include "refusal_log.hpp"

namespace stillpoint::cli::live {

struct TimedRequest {
    double seconds = 0.0;
    LiveRequest request;
    int line = 0;  ///< where it is written
};

struct ScriptError {
    std::string message;  ///< what is wrong and how to write it
};

/// Nothing (blank or comment), a request, or an error.
using ParsedLine = std::variant<std::monostate, TimedRequest, ScriptError>;
ParsedLine parseControlLine(std::string_view text, int lineNumber);

/// Script words that are not engine commands of their own: steps of `pace`
/// from the pace now (the vocabulary has every other word).
struct PaceStep {
    std::string_view word;
    LiveAction action;
    std::string_view help;
};
inline constexpr PaceStep kPaceSteps[] = {
    {"slower", LiveAction::Slower, "pace 0.5 breaths/min slower than now"},
    {"faster", LiveAction::Faster, "pace 0.5 breaths/min faster than now"},
};

/// The syntax, for error hints: the line's form and every command.
std::string controlScriptSyntax();

/// Reads a control file or FIFO incrementally: a regular file is read whole
/// at open; a FIFO is read as lines arrive, without ever blocking.
class ControlScriptReader {
  public:
    static constexpr std::size_t kMaxLineBytes = 1024;
    static constexpr std::size_t kMaxPendingRequests = 1000;
    static constexpr std::size_t kReadBudgetBytes = 64 * 1024;

    ControlScriptReader() = default;
    ~ControlScriptReader();
    ControlScriptReader(const ControlScriptReader&) = delete;
    ControlScriptReader& operator=(const ControlScriptReader&) = delete;

    /// False (and `error` set) when the path cannot be opened.
    bool open(const std::string& path, std::string& error);
    /// Read what has arrived (a regular file: all of it; a FIFO: at most
    /// kReadBudgetBytes); parse whole lines. Errors come back as
    /// "path:line: message", the first RefusalLog::kShownInFull of them.
    void poll(std::vector<std::string>& errors);
    /// How many more lines were refused than shown, when a summary is due
    /// (`final`: whenever there is something to say).
    std::optional<std::string> refusalSummary(RefusalLog::Clock::time_point now,
                                              bool final = false) {
        return refusals_.summary(now, final);
    }
    std::size_t pendingCount() const { return pending_.size(); }
    /// Pop every request due at `seconds`, in time order.
    std::vector<LiveRequest> takeDue(double seconds);
    bool isFifo() const { return fifo_; }

  private:
    void take(const char* bytes, std::size_t count, std::vector<std::string>& errors);
    void finishLine(std::vector<std::string>& errors);
    void queue(const TimedRequest& timed, std::vector<std::string>& errors);
    void refuse(std::vector<std::string>& errors, int line, const std::string& message);

    std::string path_;
    int fd_ = -1;
    bool fifo_ = false;
    int lineNumber_ = 0;
    std::string partial_;               ///< the line being read, at most kMaxLineBytes
    bool discarding_ = false;           ///< in a line too long to keep, until its '\n'
    std::deque<TimedRequest> pending_;  ///< sorted by time, stable
    std::size_t pendingOrdinary_ = 0;   ///< pending_ other than Stop and Grounding
    RefusalLog refusals_{"", ""};
};

}  // namespace stillpoint::cli::live
