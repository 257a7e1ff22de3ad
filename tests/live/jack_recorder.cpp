#include "jack_recorder.hpp"

#include <algorithm>
#include <cstring>

namespace stillpoint::test {

JackRecorder::JackRecorder(const std::string& server, const std::string& name, double seconds,
                           double rate) {
    for (auto& s : samples_) s.assign(static_cast<std::size_t>(seconds * rate), 0.0f);
    jack_status_t status{};
    client_ = jack_client_open(name.c_str(),
                               static_cast<jack_options_t>(JackServerName | JackNoStartServer),
                               &status, server.c_str());
    if (!client_) return;
    for (std::size_t c = 0; c < ports_.size(); ++c) {
        const std::string port = "in_" + std::to_string(c + 1);
        ports_[c] =
            jack_port_register(client_, port.c_str(), JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
    }
    jack_set_process_callback(client_, &JackRecorder::process, this);
    if (jack_activate(client_) != 0) {
        jack_client_close(client_);
        client_ = nullptr;
    }
}

JackRecorder::~JackRecorder() {
    if (client_) jack_client_close(client_);
}

int JackRecorder::process(jack_nframes_t frames, void* self) {
    auto& r = *static_cast<JackRecorder*>(self);
    const std::size_t at = r.frames_.load(std::memory_order_relaxed);
    const std::size_t n = std::min<std::size_t>(frames, r.samples_[0].size() - at);
    for (std::size_t c = 0; c < r.ports_.size(); ++c) {
        const auto* in = static_cast<const float*>(jack_port_get_buffer(r.ports_[c], frames));
        std::memcpy(r.samples_[c].data() + at, in, n * sizeof(float));
    }
    r.frames_.store(at + n, std::memory_order_release);
    return 0;
}

std::vector<float> JackRecorder::take(int channel) const {
    const std::size_t n = frames_.load(std::memory_order_acquire);
    const auto& s = samples_[static_cast<std::size_t>(channel)];
    return {s.begin(), s.begin() + static_cast<std::ptrdiff_t>(n)};
}

}  // namespace stillpoint::test
