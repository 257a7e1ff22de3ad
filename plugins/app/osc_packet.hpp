// OscPacket: one OSC 1.0 message read from a datagram, strictly. Every byte
// comes from the network, so a packet is taken only when it is whole and
// exact: an address starting with '/', a type tag string, each argument of a
// supported type (i, f, s, b) complete, every string NUL-terminated and
// padded with zeros to four bytes, every blob's size within the packet and
// its bytes padded with zeros to four, nothing left over. Anything else (a truncated or
// garbled packet, a bundle, an unknown type) is no message at all, so it can
// change nothing.
//
// No JUCE: the remote's parsing and policy are tested without sockets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace stillpoint::app {

/// An OSC blob (type tag b): bytes as sent, e.g. a heart strap's notification.
struct OscBlob {
    std::vector<std::uint8_t> bytes;
    bool operator==(const OscBlob&) const = default;
};

using OscArgument = std::variant<std::int32_t, float, std::string, OscBlob>;

struct OscMessage {
    std::string address;
    std::vector<OscArgument> arguments;
};

/// The largest datagram the remote reads; longer ones are dropped whole.
inline constexpr std::size_t kMaxOscPacketBytes = 1024;
/// More arguments than any control takes.
inline constexpr std::size_t kMaxOscArguments = 8;

/// The message in `bytes`, or nothing when it is not exactly one well-formed
/// message within the limits above.
std::optional<OscMessage> parseOscMessage(const std::uint8_t* bytes, std::size_t size);

/// The bytes of `message` as OSC 1.0 (for tests and senders).
std::vector<std::uint8_t> encodeOscMessage(const OscMessage& message);

}  // namespace stillpoint::app
