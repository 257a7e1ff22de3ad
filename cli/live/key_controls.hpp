// Key controls: the terminal in raw mode (no line buffering, no echo) while
// a session plays, and keys mapped to requests. Which key is which command
// is the command vocabulary's (stillpoint/command_vocabulary.hpp; the help
// text comes from it, see command_help.hpp); a test holds mapKeys to it.
// Ctrl-C still raises SIGINT (see stop_signals.hpp).
//
// Threads: control thread. restoreTerminalNow() is async-signal-safe, so a
// signal handler may call it; the destructor restores on every normal path.
#pragma once

#include <string>
#include <vector>

#include "live_request.hpp"

namespace stillpoint::cli::live {

class KeyControls {
  public:
    /// Raw mode when standard input is a terminal; otherwise inert.
    KeyControls();
    ~KeyControls();
    KeyControls(const KeyControls&) = delete;
    KeyControls& operator=(const KeyControls&) = delete;

    bool active() const { return active_; }
    /// Keys typed since the last call, without waiting.
    std::vector<LiveRequest> poll();

  private:
    bool active_ = false;
    std::string pending_;  ///< an escape sequence split across reads
};

/// Keys -> requests; consumes what it understands from the front of `bytes`
/// and leaves an incomplete escape sequence there. Pure, for tests.
std::vector<LiveRequest> mapKeys(std::string& bytes);

/// Put the terminal back as it was, if raw mode is on. Async-signal-safe.
void restoreTerminalNow() noexcept;

}  // namespace stillpoint::cli::live
