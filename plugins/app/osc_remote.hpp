// OscRemote: the app steered over OSC (a tablet in the room), and its state
// published back. Listens on 127.0.0.1 by default, where every message is
// trusted. With `lan` it listens on every interface and a remote must pair
// first: /stillpoint/pair with the code shown on screen returns a token that
// every control then carries as its first argument. A wrong code changes
// nothing; after kMaxWrongCodes the code is replaced. The address space is
// in README.md ("Therapist app").
//
// Message thread (JUCE's MessageLoopCallback).
#pragma once

#include <juce_osc/juce_osc.h>

#include <functional>
#include <memory>
#include <vector>

#include "app_player.hpp"

namespace stillpoint::app {

class OscRemote : private juce::OSCReceiver::Listener<juce::OSCReceiver::MessageLoopCallback>,
                  private juce::Timer {
  public:
    static constexpr int kDefaultPort = 9000;
    static constexpr int kMaxWrongCodes = 5;
    static constexpr int kPublishHz = 4;

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
    juce::String pairingCode() const { return code_; }

  private:
    struct Client {
        juce::String host;
        int port = 0;
        juce::String token;  ///< "" for a localhost client
        std::unique_ptr<juce::OSCSender> sender;
    };

    void oscMessageReceived(const juce::OSCMessage& message) override;
    void timerCallback() override { publish(); }
    void pair(const juce::OSCMessage& message);
    void registerClient(const juce::String& host, int port, const juce::String& token);
    bool authorised(const juce::OSCMessage& message) const;
    bool control(const juce::String& name, const juce::OSCMessage& message, int firstArgument);
    void publish();
    static juce::String drawCode();

    AppPlayer& player_;
    Options options_;
    std::function<void()> changed_;
    juce::DatagramSocket socket_{false};
    juce::OSCReceiver receiver_;
    bool listening_ = false;
    juce::String code_;
    int wrongCodes_ = 0;
    std::vector<Client> clients_;
};

}  // namespace stillpoint::app
