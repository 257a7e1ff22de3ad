#include "osc_remote.hpp"

#include <algorithm>
#include <cstring>

namespace stillpoint::app {
namespace {

constexpr const char* kPrefix = "/stillpoint/";
constexpr int kMaxClients = 8;

bool intArgument(const juce::OSCMessage& message, int index, int& value) {
    if (index >= message.size()) return false;
    const auto& a = message[index];
    if (a.isInt32())
        value = a.getInt32();
    else if (a.isFloat32())
        value = static_cast<int>(a.getFloat32());
    else if (a.isString())
        value = a.getString().getIntValue();
    else
        return false;
    return true;
}

juce::String stringArgument(const juce::OSCMessage& message, int index) {
    if (index >= message.size()) return {};
    const auto& a = message[index];
    if (a.isString()) return a.getString();
    if (a.isInt32()) return juce::String(a.getInt32());
    return {};
}

}  // namespace

OscRemote::OscRemote(AppPlayer& player, Options options, std::function<void()> changed)
    : player_(player), options_(std::move(options)), changed_(std::move(changed)) {
    code_ = options_.pairingCode.isNotEmpty() ? options_.pairingCode : drawCode();
    // Bound to loopback unless the LAN was asked for: nothing else can reach it.
    listening_ = options_.lan ? socket_.bindToPort(options_.port)
                              : socket_.bindToPort(options_.port, "127.0.0.1");
    if (listening_) listening_ = receiver_.connectToSocket(socket_);
    receiver_.addListener(this);
    startTimerHz(kPublishHz);
}

OscRemote::~OscRemote() {
    stopTimer();
    receiver_.removeListener(this);
    receiver_.disconnect();
}

juce::String OscRemote::drawCode() {
    juce::Random random;  // seeded from the clock: a code nobody can predict
    return juce::String(100000 + random.nextInt(900000));
}

juce::String OscRemote::describe() const {
    if (!listening_)
        return "Remote: port " + juce::String(options_.port) + " is taken; start with --osc-port N";
    if (!options_.lan) return "Remote: this computer only, port " + juce::String(options_.port);
    return "Remote on the network: port " + juce::String(options_.port) + "   pairing code " +
           code_;
}

void OscRemote::registerClient(const juce::String& host, int port, const juce::String& token) {
    for (auto& client : clients_)
        if (client.host == host && client.port == port) {
            client.token = token;
            return;
        }
    if (static_cast<int>(clients_.size()) >= kMaxClients) clients_.erase(clients_.begin());
    Client client{host, port, token, std::make_unique<juce::OSCSender>()};
    if (!client.sender->connect(host, port)) return;
    clients_.push_back(std::move(client));
}

void OscRemote::pair(const juce::OSCMessage& message) {
    int port = 0;
    const auto host = stringArgument(message, 1);
    if (stringArgument(message, 0) != code_ || host.isEmpty() || !intArgument(message, 2, port)) {
        if (++wrongCodes_ >= kMaxWrongCodes) {  // guessing gets a fresh code to guess
            code_ = drawCode();
            wrongCodes_ = 0;
            if (changed_) changed_();
        }
        return;
    }
    wrongCodes_ = 0;
    const auto token = juce::String::toHexString(juce::Random().nextInt64()) +
                       juce::String::toHexString(juce::Random().nextInt64());
    registerClient(host, port, token);
    for (auto& client : clients_)
        if (client.token == token) client.sender->send("/stillpoint/paired", token);
    publish();
}

bool OscRemote::authorised(const juce::OSCMessage& message) const {
    if (!options_.lan) return true;
    const auto token = stringArgument(message, 0);
    if (token.isEmpty()) return false;
    for (const auto& client : clients_)
        if (client.token == token) return true;
    return false;
}

void OscRemote::oscMessageReceived(const juce::OSCMessage& message) {
    const auto address = message.getAddressPattern().toString();
    if (!address.startsWith(kPrefix)) return;
    const auto name = address.substring(static_cast<int>(std::strlen(kPrefix)));
    if (name == "pair") {
        if (options_.lan) pair(message);
        return;
    }
    if (!authorised(message)) return;
    const int first = options_.lan ? 1 : 0;  // on the LAN the token comes first
    if (name == "register") {
        int port = 0;
        if (!options_.lan && intArgument(message, first, port))
            registerClient("127.0.0.1", port, {});
        publish();
        return;
    }
    if (control(name, message, first)) {
        if (changed_) changed_();
        publish();
    }
}

bool OscRemote::control(const juce::String& name, const juce::OSCMessage& message,
                        int firstArgument) {
    if (name == "play")
        player_.play();
    else if (name == "pause")
        player_.pause();
    else if (name == "toggle")
        player_.togglePlay();
    else if (name == "hold") {
        int on = 0;
        player_.setHold(intArgument(message, firstArgument, on) ? on != 0
                                                                : !player_.state().holding);
    } else if (name == "next")
        player_.next();
    else if (name == "previous")
        player_.previous();
    else if (name == "slower")
        player_.slower();
    else if (name == "faster")
        player_.faster();
    else if (name == "grounding")
        player_.grounding();
    else if (name == "stop")
        player_.stop();
    else
        return false;
    return true;
}

void OscRemote::publish() {
    if (clients_.empty()) return;
    const auto s = player_.state();
    juce::OSCMessage state("/stillpoint/state");
    // Numbers first, then the strings (which may hold spaces).
    state.addInt32(s.playing ? 1 : 0);
    state.addInt32(s.paused ? 1 : 0);
    state.addInt32(s.holding ? 1 : 0);
    state.addInt32(s.finished ? 1 : 0);
    state.addInt32(s.section);
    state.addFloat32(static_cast<float>(s.elapsedSeconds));
    state.addFloat32(static_cast<float>(std::max(0.0, s.lengthSeconds - s.elapsedSeconds)));
    state.addFloat32(static_cast<float>(s.paceBpm));
    state.addString(phaseName(s.phase));
    state.addString(juce::String::fromUTF8(s.sectionName.c_str()));
    state.addString(juce::String::fromUTF8(s.title.c_str()));
    for (auto& client : clients_) client.sender->send(state);
}

}  // namespace stillpoint::app
