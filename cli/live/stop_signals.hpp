// Stop signals: SIGINT, SIGTERM and SIGHUP ask the player to stop (it fades
// out and exits 0). A second signal while stopping restores the terminal and
// exits at once with 130.
//
// Threads: install/uninstall on the control thread; the handler only sets an
// atomic and calls async-signal-safe functions.
#pragma once

namespace stillpoint::cli::live {

class StopSignals {
  public:
    StopSignals();   ///< installs the handlers
    ~StopSignals();  ///< puts the previous ones back
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    static bool requested() noexcept;
};

}  // namespace stillpoint::cli::live
