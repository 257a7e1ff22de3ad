// RemoteRequest: what an OSC message asks of the app, once every argument's
// type and count has been checked. A message that does not match its
// address's arguments exactly (docs/app-and-osc.md, "OSC remote") asks nothing, so a
// garbled packet can change nothing. Addresses:
//   /stillpoint/pair      s code, s reply-host, i reply-port     (LAN only)
//   /stillpoint/register  i reply-port                     (localhost only)
//   /stillpoint/CONTROL   nothing; hold: nothing (toggle) or i/f 0 or 1;
//                         pattern: i 0..kPatternCount
//   /stillpoint/heart/rr  f or i: one RR interval in ms (finite, above 0)
//   /stillpoint/heart/ble b: one Bluetooth Heart Rate Measurement (0x2A37)
//                         notification's bytes, as the strap sent them (the
//                         app's 0x2A37 parser judges them, and counts a refusal)
// On the LAN every message but pair carries the token first (s token).
//
// No JUCE: tested without sockets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "osc_packet.hpp"

namespace stillpoint::app {

enum class RemoteControl : unsigned char {
    Play,
    Pause,
    Toggle,
    Hold,  ///< RemoteRequest::hold: on, off, or none (toggle)
    Next,
    Previous,
    Slower,
    Faster,
    Grounding,
    Stop,
    Continue,  ///< a check-in waiting for the client goes on
    Pattern,   ///< RemoteRequest::pattern: breathe that built-in pattern (0: the session's own)
    HeartRr,   ///< RemoteRequest::rrMs: one beat of the listener's heart
    HeartMeasurement,  ///< RemoteRequest::measurement: a strap's 0x2A37 notification
};

/// A heart strap's RR intervals in, and the heart's figures out (docs/app-and-osc.md).
inline constexpr const char* kHeartRrAddress = "/stillpoint/heart/rr";
inline constexpr const char* kHeartMeasurementAddress = "/stillpoint/heart/ble";
inline constexpr const char* kHeartStateAddress = "/stillpoint/heart";

/// Built-in breath patterns a remote may choose (the engine's breathPresets()).
inline constexpr int kPatternCount = 7;

struct RemoteRequest {
    enum class Kind : unsigned char { Pair, Register, Control } kind = Kind::Control;
    std::string token;      ///< LAN: the token the message carries
    std::string code;       ///< Pair
    std::string replyHost;  ///< Pair
    int replyPort = 0;      ///< Pair, Register
    RemoteControl control = RemoteControl::Play;
    std::optional<bool> hold;  ///< Hold: on/off; none toggles
    int pattern = 0;           ///< Pattern: 0 the session's own, 1..kPatternCount a built-in one
    double rrMs = 0.0;         ///< HeartRr: the interval (the monitor applies the artefact rules)
    std::vector<std::uint8_t> measurement;  ///< HeartMeasurement: the notification's bytes
};

/// The request `message` makes, or nothing. `lan`: the LAN's rules (pair
/// allowed, register not, a token first).
std::optional<RemoteRequest> decodeRemoteRequest(const OscMessage& message, bool lan);

}  // namespace stillpoint::app
