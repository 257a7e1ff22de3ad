// A private JACK server for one test: the dummy backend (a real callback
// clock, no sound card) under a unique name, started and stopped by the test.
// Clients find it through JACK_DEFAULT_SERVER, set in their environment.
#pragma once

#include <sys/types.h>

#include <string>

namespace stillpoint::test {

class JackServer {
  public:
    /// Starts `jackd -n NAME --no-realtime -d dummy -r RATE -p PERIOD` and
    /// waits (at most 10 s) until jack_lsp answers.
    JackServer(int period, int rate = 48000);
    ~JackServer();
    JackServer(const JackServer&) = delete;
    JackServer& operator=(const JackServer&) = delete;

    bool ready() const { return ready_; }
    const std::string& name() const { return name_; }
    /// "JACK_DEFAULT_SERVER=NAME": prefix for a client's command line.
    std::string environment() const { return "JACK_DEFAULT_SERVER=" + name_; }
    /// What the server printed so far.
    std::string log() const;
    /// kill -9: the server vanishes without telling its clients.
    void kill();

  private:
    std::string name_;
    std::string logPath_;
    pid_t pid_ = -1;
    bool ready_ = false;
};

}  // namespace stillpoint::test
