// Control scripts: timed commands for a playing session, one per line,
//   SECONDS COMMAND [ARGS]     e.g. "2.5 pause", "25 volume bed -30"
// SECONDS is output time (pauses included) since play started; blank lines
// and lines starting with '#' are skipped. `parseControlLine` is pure;
// `ControlScriptReader` reads a file or a FIFO without blocking.
//
// Threads: control thread only.
#pragma once

#include <deque>
#include <string>
#include <variant>
#include <vector>

#include "live_request.hpp"

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

/// The syntax, for --help and error hints.
extern const char* const kControlScriptSyntax;

/// Reads a control file or FIFO incrementally: a regular file is read whole
/// at open; a FIFO is read as lines arrive, without ever blocking.
class ControlScriptReader {
public:
    ControlScriptReader() = default;
    ~ControlScriptReader();
    ControlScriptReader(const ControlScriptReader&) = delete;
    ControlScriptReader& operator=(const ControlScriptReader&) = delete;

    /// False (and `error` set) when the path cannot be opened.
    bool open(const std::string& path, std::string& error);
    /// Read what has arrived; parse whole lines. Errors come back as
    /// "path:line: message".
    void poll(std::vector<std::string>& errors);
    /// Pop every request due at `seconds`, in time order.
    std::vector<LiveRequest> takeDue(double seconds);
    bool isFifo() const { return fifo_; }

private:
    void parseBufferedLines(std::vector<std::string>& errors);

    std::string path_;
    int fd_ = -1;
    bool fifo_ = false;
    int lineNumber_ = 0;
    std::string partial_;
    std::deque<TimedRequest> pending_;  ///< sorted by time, stable
};

}  // namespace stillpoint::cli::live
