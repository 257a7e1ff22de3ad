// One OSC datagram as the therapist app's remote reads it (osc_packet.hpp):
// any bytes are no message, or a message whose encoding is exactly those
// bytes (the reader takes nothing it would not write), and the request
// check (remote_request.hpp) never takes what it should not.
#include "osc_packet.hpp"

#include <cstdlib>
#include <vector>

#include "remote_request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace stillpoint::app;
    const auto message = parseOscMessage(data, size);
    if (!message) return 0;
    if (encodeOscMessage(*message) != std::vector<std::uint8_t>(data, data + size)) std::abort();
    for (const bool lan : {false, true}) {
        const auto request = decodeRemoteRequest(*message, lan);
        if (!request) continue;
        if (request->control == RemoteControl::HeartMeasurement &&
            request->measurement.size() > size)
            std::abort();
        if (request->control == RemoteControl::HeartRr && !(request->rrMs > 0.0)) std::abort();
    }
    return 0;
}
