#include "osc_remote.hpp"

#include <algorithm>

#include "secure_random.hpp"

namespace stillpoint::app {
namespace {

constexpr int kMaxClients = 8;

}  // namespace

OscRemote::OscRemote(AppPlayer& player, Options options, std::function<void()> changed)
    : player_(player), options_(std::move(options)), changed_(std::move(changed)) {
    if (options_.lan) {
        // Without a code from the OS nothing pairs: the LAN stays closed.
        auto code = options_.pairingCode.isNotEmpty()
                        ? std::optional<std::string>(options_.pairingCode.toStdString())
                        : drawPairingCode();
        if (code) guard_.emplace(std::move(*code));
    }
    // Bound to loopback unless the LAN was asked for: nothing else can reach it.
    listening_ = options_.lan ? guard_ && socket_.bindToPort(options_.port)
                              : socket_.bindToPort(options_.port, "127.0.0.1");
    startTimerHz(kReadHz);
}

OscRemote::~OscRemote() {
    stopTimer();
}

juce::String OscRemote::pairingCode() const {
    return guard_ ? juce::String(guard_->code()) : juce::String();
}

void OscRemote::replacePairingCode() {
    if (!guard_) return;
    if (auto code = drawPairingCode()) guard_->replaceCode(std::move(*code));
    if (changed_) changed_();
}

juce::String OscRemote::describe() const {
    if (options_.lan && !guard_)
        return "Remote: no pairing code could be drawn (the OS gave no random bytes); the network "
               "stays closed";
    if (!listening_)
        return "Remote: port " + juce::String(options_.port) + " is taken; start with --osc-port N";
    if (!options_.lan) return "Remote: this computer only, port " + juce::String(options_.port);
    return "Remote on the network: port " + juce::String(options_.port) + "   pairing code " +
           pairingCode();
}

void OscRemote::timerCallback() {
    if (listening_) readDatagrams();
    if (++ticks_ % (kReadHz / kPublishHz) == 0) publish();
}

void OscRemote::readDatagrams() {
    for (int i = 0; i < kDatagramsPerRead && socket_.waitUntilReady(true, 0) == 1; ++i) {
        juce::String host;
        int port = 0;
        const int n =
            socket_.read(datagram_.data(), static_cast<int>(datagram_.size()), false, host, port);
        if (n <= 0) return;
        // One byte more than the largest packet is read: a datagram that
        // fills it was longer, and is dropped whole.
        const auto message = parseOscMessage(datagram_.data(), static_cast<std::size_t>(n));
        if (!message) continue;
        if (const auto request = decodeRemoteRequest(*message, options_.lan))
            handle(*request, host);
    }
}

void OscRemote::handle(const RemoteRequest& request, const juce::String& senderHost) {
    switch (request.kind) {
        case RemoteRequest::Kind::Pair:
            pair(request, senderHost);
            return;
        case RemoteRequest::Kind::Register:
            registerClient("127.0.0.1", request.replyPort, {});
            publish();
            return;
        case RemoteRequest::Kind::Control:
            if (!authorised(request)) return;
            if (request.control == RemoteControl::HeartRr) {  // about once a second: no redraw
                player_.heart().pushRr(request.rrMs);
                return;
            }
            if (request.control == RemoteControl::HeartMeasurement) {
                const auto& bytes = request.measurement;
                // A refused one is counted and said in the window: redraw then.
                if (!player_.heart().pushMeasurement(bytes.data(), bytes.size()).ok && changed_)
                    changed_();
                return;
            }
            control(request);
            if (changed_) changed_();
            publish();
            return;
    }
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

void OscRemote::pair(const RemoteRequest& request, const juce::String& senderHost) {
    // A wrong code, or a try while this sender (or everyone) must wait,
    // gets no reply and changes nothing on screen.
    const auto verdict =
        guard_->attempt(senderHost.toStdString(), request.code, PairingGuard::Clock::now());
    if (verdict != PairingGuard::Verdict::Paired) return;
    const auto token = drawToken();
    if (!token) return;
    const juce::String host = juce::String::fromUTF8(request.replyHost.c_str());
    registerClient(host, request.replyPort, juce::String(*token));
    for (auto& client : clients_)
        if (client.token == juce::String(*token))
            client.sender->send("/stillpoint/paired", juce::String(*token));
    publish();
}

bool OscRemote::authorised(const RemoteRequest& request) const {
    if (!options_.lan) return true;
    const juce::String token(request.token);
    for (const auto& client : clients_)
        if (client.token.isNotEmpty() && client.token == token) return true;
    return false;
}

void OscRemote::control(const RemoteRequest& request) {
    switch (request.control) {
        case RemoteControl::Play:
            player_.play();
            break;
        case RemoteControl::Pause:
            player_.pause();
            break;
        case RemoteControl::Toggle:
            player_.togglePlay();
            break;
        case RemoteControl::Hold:
            player_.setHold(request.hold.value_or(!player_.state().holding));
            break;
        case RemoteControl::Next:
            player_.next();
            break;
        case RemoteControl::Previous:
            player_.previous();
            break;
        case RemoteControl::Slower:
            player_.slower();
            break;
        case RemoteControl::Faster:
            player_.faster();
            break;
        case RemoteControl::Grounding:
            player_.grounding();
            break;
        case RemoteControl::Stop:
            player_.stop();
            break;
        case RemoteControl::Continue:
            player_.continueCheckin();
            break;
        case RemoteControl::Pattern:
            player_.setPattern(request.pattern);
            break;
        case RemoteControl::HeartRr:
            player_.heart().pushRr(request.rrMs);
            break;
        case RemoteControl::HeartMeasurement:
            player_.heart().pushMeasurement(request.measurement.data(), request.measurement.size());
            break;
    }
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
    state.addFloat32(static_cast<float>(s.remainingSeconds));
    state.addFloat32(static_cast<float>(s.paceBpm));
    state.addString(phaseName(s.phase));
    state.addString(juce::String::fromUTF8(s.sectionName.c_str()));
    state.addString(juce::String::fromUTF8(s.title.c_str()));
    // Where the session is against its plan, and what the voice says: a
    // message of its own, so /stillpoint/state's arguments keep their places.
    juce::OSCMessage progress("/stillpoint/progress");
    progress.addInt32(s.waiting ? 1 : 0);
    progress.addInt32(s.grounding ? 1 : 0);
    progress.addFloat32(static_cast<float>(s.sectionElapsedSeconds));
    progress.addFloat32(static_cast<float>(s.sectionLengthSeconds));
    progress.addString(juce::String::fromUTF8(s.caption.c_str()));
    // The listener's heart, as the session's state carries it: rate,
    // coherence (-1 until 32 s of beats), live.
    const SessionHeart& heart = s.heart;
    juce::OSCMessage heartState(kHeartStateAddress);
    heartState.addFloat32(static_cast<float>(heart.heartRateBpm));
    heartState.addFloat32(heart.coherenceValid ? static_cast<float>(heart.coherence) : -1.0f);
    heartState.addInt32(heart.live ? 1 : 0);
    for (auto& client : clients_) {
        client.sender->send(state);
        client.sender->send(progress);
        client.sender->send(heartState);
    }
}

}  // namespace stillpoint::app
