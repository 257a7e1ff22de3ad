// QuietStderr: silences file descriptor 2 for a scope. Probing audio APIs
// makes libjack and ALSA print connection noise for servers that are simply
// not running; we report what matters ourselves.
//
// Threads: control thread, before any other thread writes to stderr.
#pragma once

namespace stillpoint::cli::live {

class QuietStderr {
  public:
    QuietStderr();
    ~QuietStderr();
    QuietStderr(const QuietStderr&) = delete;
    QuietStderr& operator=(const QuietStderr&) = delete;

  private:
    int saved_ = -1;
};

}  // namespace stillpoint::cli::live
