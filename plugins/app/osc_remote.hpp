// OscRemote: the app steered over OSC (a tablet in the room), and its state
// published back. Listens on 127.0.0.1 by default, where every message is
// trusted. With `lan` it listens on every interface and a remote must pair
// first: /stillpoint/pair with the code shown on screen returns a token that
// every control then carries as its first argument. The code comes from the
// OS's cryptographic source; PairingGuard limits the guesses per sender and
// in all, and only the therapist replaces the code. Every datagram is read
// strictly (osc_packet) and its arguments checked (remote_request) before
// anything happens: a truncated, garbled or mistyped packet changes nothing.
// The address space is in docs/app-and-osc.md ("OSC remote").
//
// Message thread: a timer reads what arrived (a bounded number of
// datagrams per tick) and publishes the state.
#pragma once

#include <juce_osc/juce_osc.h>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "app_player.hpp"
#include "pairing_guard.hpp"
#include "remote_request.hpp"

namespace stillpoint::app {

class OscRemote : private juce::Timer {
  public:
    static constexpr int kDefaultPort = 9000;
    static constexpr int kPublishHz = 4;
    static constexpr int kReadHz = 50;
    /// Datagrams handled per read; the rest wait for the next (a flood
    /// cannot hold the message thread).
    static constexpr int kDatagramsPerRead = 64;

    struct Options {
        int port = kDefaultPort;
        bool lan = false;
        juce::String pairingCode;  ///< "" draws a random six-digit code
    };

    /// `changed` runs after a control or a pairing changed something.
    OscRemote(AppPlayer& player, Options options, std::function<void()> changed);
    ~OscRemote() override;

    bool listening() const { return listening_; }
    /// One line for the screen: where it listens and, on the LAN, the code.
    juce::String describe() const;
    juce::String pairingCode() const;
    /// The therapist's action: a fresh code (the old one pairs no more).
    void replacePairingCode();

  private:
    struct Client {
        juce::String host;
        int port = 0;
        juce::String token;  ///< "" for a localhost client
        std::unique_ptr<juce::OSCSender> sender;
    };

    void timerCallback() override;
    void readDatagrams();
    void handle(const RemoteRequest& request, const juce::String& senderHost);
    void pair(const RemoteRequest& request, const juce::String& senderHost);
    void registerClient(const juce::String& host, int port, const juce::String& token);
    bool authorised(const RemoteRequest& request) const;
    void control(const RemoteRequest& request);
    void publish();

    AppPlayer& player_;
    Options options_;
    std::function<void()> changed_;
    juce::DatagramSocket socket_{false};
    bool listening_ = false;
    std::optional<PairingGuard> guard_;  ///< LAN, with a code drawn
    std::vector<Client> clients_;
    std::array<std::uint8_t, kMaxOscPacketBytes + 1> datagram_{};
    int ticks_ = 0;
};

}  // namespace stillpoint::app
