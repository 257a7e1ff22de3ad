// JackRecorder: a JACK client with two input ports (NAME:in_1, NAME:in_2)
// that records what arrives into memory from activation on. A player opened
// with `--device NAME` plays into it: RtAudio lists a client with input
// ports as an output device and connects to it itself on every start, so a
// reopened stream is recorded from its first frame too.
//
// Threads: the JACK process callback writes the samples and then publishes
// the count (release); the test reads after the player has ended.
#pragma once

#include <jack/jack.h>

#include <array>
#include <atomic>
#include <string>
#include <vector>

namespace stillpoint::test {

class JackRecorder {
  public:
    /// Opens client `name` on JACK server `server`, room for `seconds`.
    JackRecorder(const std::string& server, const std::string& name, double seconds, double rate);
    ~JackRecorder();
    JackRecorder(const JackRecorder&) = delete;
    JackRecorder& operator=(const JackRecorder&) = delete;

    bool ready() const { return client_ != nullptr; }
    /// The frames recorded so far of channel 0 (left) or 1 (right).
    std::vector<float> take(int channel) const;

  private:
    static int process(jack_nframes_t frames, void* self);

    jack_client_t* client_ = nullptr;
    std::array<jack_port_t*, 2> ports_{};
    std::array<std::vector<float>, 2> samples_;
    std::atomic<std::size_t> frames_{0};
};

}  // namespace stillpoint::test
