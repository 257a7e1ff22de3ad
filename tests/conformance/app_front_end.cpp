// The therapist app's adapter: AppPlayer rendered block by block as its
// device would (ProcessorHost, the processor, SessionPlayer), each action
// taken between two callbacks, at the engine sample it is due. Directly
// through AppPlayer's controls, or as OSC packets to the app's remote on a
// local socket, whose published state is then what the snapshots read.
#include <juce_osc/juce_osc.h>

#include <chrono>
#include <thread>
#include <vector>

#include "app_player.hpp"
#include "front_ends.hpp"
#include "osc_packet.hpp"
#include "osc_remote.hpp"
#include "stillpoint/command_vocabulary.hpp"

namespace stillpoint::conformance {
namespace {

constexpr int kBlock = 480;

void direct(app::AppPlayer& player, Action action) {
    switch (action) {
        case Action::Pause:
            player.pause();
            return;
        case Action::Resume:
            player.play();
            return;
        case Action::Next:
            player.next();
            return;
        case Action::Continue:
            player.continueCheckin();
            return;
        case Action::Faster:
            player.faster();
            return;
        case Action::Pattern:
            player.setPattern(kPatternIndex);
            return;
        case Action::Grounding:
            player.grounding();
            return;
        case Action::Stop:
            player.stop();
            return;
    }
}

/// The vocabulary's OSC address; `faster` is the app's own step of the pace.
std::string oscAddress(Action action) {
    return action == Action::Faster ? "/stillpoint/faster"
                                    : std::string(commandWord(commandOf(action)).oscAddress);
}

int freePort() {
    juce::DatagramSocket probe(false);
    probe.bindToPort(0, "127.0.0.1");
    return probe.getBoundPort();
}

/// The app's remote on a local socket, and a tablet: it sends controls and
/// reads the state the remote publishes back.
class Tablet : private juce::OSCReceiver::Listener<juce::OSCReceiver::MessageLoopCallback> {
  public:
    explicit Tablet(app::AppPlayer& player) {
        app::OscRemote::Options options;
        options.port = freePort();
        remote_ = std::make_unique<app::OscRemote>(player, options, [this] { ++changes_; });
        port_ = options.port;
        const int replies = freePort();
        replies_.addListener(this);
        connected_ = replies_.connect(replies);
        send({"/stillpoint/register", {replies}});
    }
    ~Tablet() override { replies_.disconnect(); }
    bool listening() const { return remote_->listening() && connected_; }

    /// One control; true once the remote has acted on it.
    bool control(Action action) {
        const int before = changes_;
        if (action == Action::Pattern)
            send({oscAddress(action), {kPatternIndex}});
        else
            send({oscAddress(action), {}});
        for (int i = 0; i < 100 && changes_ == before; ++i) pump(20);
        return changes_ != before;
    }

    /// The state the remote publishes now (it does 4 times a second).
    /// The state and the seconds left it says.
    std::optional<std::pair<Snapshot, double>> snapshot() {
        pump(60);  // what was published before now and is still on its way
        state_.reset();
        progress_.reset();
        for (int i = 0; i < 50 && !(state_ && progress_); ++i) pump(20);
        if (!state_ || !progress_) return std::nullopt;
        return std::pair{Snapshot{state_->section, state_->paused, progress_->waiting,
                                  progress_->grounding, state_->finished},
                         remaining_};
    }

  private:
    // Message thread: what the remote published (docs/app-and-osc.md, "OSC remote").
    void oscMessageReceived(const juce::OSCMessage& message) override {
        const auto number = [&](int i) {
            return i < message.size() && message[i].isInt32() ? message[i].getInt32() : -99;
        };
        if (message.getAddressPattern().toString() == "/stillpoint/state") {
            state_ = Snapshot{number(4), number(1) == 1, false, false, number(3) == 1};
            remaining_ =
                message.size() > 6 && message[6].isFloat32() ? message[6].getFloat32() : -1.0;
        }
        if (message.getAddressPattern().toString() == "/stillpoint/progress")
            progress_ = Snapshot{-1, false, number(0) == 1, number(1) == 1, false};
    }
    static void pump(int milliseconds) {
        juce::MessageManager::getInstance()->runDispatchLoopUntil(milliseconds);
    }
    void send(const app::OscMessage& message) {
        const auto bytes = app::encodeOscMessage(message);
        out_.write("127.0.0.1", port_, bytes.data(), static_cast<int>(bytes.size()));
    }

    std::unique_ptr<app::OscRemote> remote_;
    juce::OSCReceiver replies_;
    juce::DatagramSocket out_{false};
    std::optional<Snapshot> state_, progress_;
    double remaining_ = -1.0;
    bool connected_ = false;
    int port_ = 0;
    int changes_ = 0;
};

Snapshot fromState(const app::PlayerState& s) {
    return {s.section, s.paused, s.waiting, s.grounding, s.finished};
}

Figures figuresOf(const SessionState& s) {
    return {s.step, s.lineStep, s.lineIndex, s.remainingFrames, s.sectionLength, s.paceBpm};
}

}  // namespace

FrontEndRun runApp(const std::vector<TimedAction>& actions, bool overOsc) {
    FrontEndRun run;
    app::AppPlayer player;
    player.prepare(kRate, kBlock);
    const auto error = player.load({sessionPath(), sessionText()}, {});
    if (!error.empty()) return failedRun(error);
    // Every line made first, as the C API's adapter waits for them.
    if (!player.processor().waitUntilPrepared(std::chrono::seconds(120)))
        return failedRun("the session's voice was not made");
    run.groundingSection = player.program()->groundingSection;
    std::unique_ptr<Tablet> tablet;
    if (overOsc) {
        tablet = std::make_unique<Tablet>(player);
        if (!tablet->listening()) return failedRun("the remote could not listen");
    }
    player.play();

    std::vector<float> left(kBlock), right(kBlock);
    float* out[2] = {left.data(), right.data()};
    std::int64_t engineAt = -1;  // the engine's next sample, once it has started
    std::size_t next = 0, snapshot = 0;
    const auto& moments = snapshotSeconds();
    bool finished = false;
    for (int block = 0; block < 20000 && !(finished && snapshot == moments.size()); ++block) {
        while (engineAt >= 0 && next < actions.size() && actions[next].sample <= engineAt) {
            const Action action = actions[next++].action;
            if (tablet ? !tablet->control(action) : (direct(player, action), false))
                run.problem = "the remote did not act on a control";
        }
        if (engineAt >= 0 && snapshot < moments.size() &&
            std::llround(moments[snapshot] * kRate) <= engineAt) {
            if (tablet) {
                if (const auto s = tablet->snapshot()) {
                    run.snapshots.push_back(s->first);
                    run.remainingSeconds.push_back(s->second);
                } else {
                    run.problem = "the remote published no state";
                }
            } else {
                run.snapshots.push_back(fromState(player.state()));
                run.figures.push_back(figuresOf(player.display().session.read()));
            }
            ++snapshot;
        }
        player.render(out, 2, kBlock);
        if (engineAt >= 0) engineAt += kBlock;
        Event event;
        while (player.processor().popHeardEvent(event)) {
            // The engine starts at a callback's first sample (the cued timeline).
            if (event.type == EventType::SessionStarted && engineAt < 0) engineAt = kBlock;
            if (!traced(event.type)) continue;
            run.events.push_back({event.type, event.index, event.sample});
            finished = finished || event.type == EventType::Finished;
        }
        // While the worker builds the engine, at a device's pace.
        if (engineAt < 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return run;
}

}  // namespace stillpoint::conformance
