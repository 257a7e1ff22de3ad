// StillpointProcessor: the JUCE AudioProcessor around SessionPlayer. It owns
// the parameters and the session text, turns parameter changes into engine
// commands on the audio thread (the engine glides them), reads the host's
// transport, and keeps what the editor draws.
//
// Buses: a stereo main output and a mono "Haptic" output (may be disabled).
// Zero latency, no tail. State: the parameters plus the session text itself,
// so a project reopens on a machine without the file.
//
// A front end that hosts the processor itself (the therapist app) steers it
// with the same parameters; the moments a parameter cannot say (pause, the
// next section, grounding, a faded stop) go as ProcessorControl through a
// wait-free queue drained at the top of processBlock, and a listener's
// profile through setListenerOptions (levels and the haptic cap as atomics,
// regions by planning again). Without a host timeline the session plays on
// a free-running one, which a Cue holds at the start until Play.
//
// Preparing a session's voice never makes the host wait: prepareToPlay
// returns at once and the voice is made on a worker while the session
// plays (docs/plugin-preparation.md); editor and app read its progress.
//
// Threads: JUCE's. processBlock never allocates, locks or waits (except in
// non-realtime mode, where SessionPlayer waits for a relocation built from
// the whole narrated session, so a bounce is `stillpoint render`). Session
// loading runs on the message thread; a host's change of the session
// parameter is picked up there by a timer.
#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "processor/control_state.hpp"
#include "processor/playback_display.hpp"
#include "processor/plugin_parameters.hpp"
#include "processor/session_library.hpp"
#include "session_player.hpp"
#include "stillpoint/wait_free_spsc_queue.hpp"

namespace stillpoint::plugin {

/// How a listener wants every session adapted (a therapist's client
/// profile). Not automatable and not in the plugin's state.
struct ListenerOptions {
    std::vector<std::string> avoid;  ///< body regions the session leaves out (planning)
    /// Narration voice, `engine:name` or a name ("" for the session's own):
    /// it replaces the session's default voice (planning, then narration).
    std::string voice;
    /// The listener's resonance pace for `pace: resonance` steps (planning); 0: none.
    double resonanceBpm = 0.0;
    double hapticCap = 1.0;  ///< 0..1, the most the haptic track reaches
    /// dB added to each layer (LayerId order) on top of its trim parameter.
    std::array<double, params::kLayerTrims.size()> layerOffsetDb{};

    bool operator==(const ListenerOptions&) const = default;
};

class StillpointProcessor : public juce::AudioProcessor, private juce::Timer {
  public:
    StillpointProcessor();
    ~StillpointProcessor() override;

    // Message thread: the session.
    /// Load a session file; returns the errors (file:line:column: error: ...) or "".
    juce::String loadSessionFile(const juce::File& file);
    /// Load session text (a file read elsewhere, a bundled session); the errors or "".
    juce::String loadSession(const SessionText& session);
    /// Adapt what plays, and every later session, to this listener: levels
    /// and the cap glide at once; other regions plan the session again.
    /// The errors (an unknown region: nothing changes) or "".
    juce::String setListenerOptions(ListenerOptions options);
    const ListenerOptions& listenerOptions() const noexcept { return listener_; }
    /// Message thread (the queue's one producer): a moment for the next
    /// block. False when the queue is full (never for Grounding or Stop).
    bool control(const ProcessorControl& what) noexcept { return controls_.tryPush(what); }
    SessionText currentSession() const { return session_; }
    std::shared_ptr<const Program> currentProgram() const { return program_; }
    /// The playing session with the lines made so far (what the caption's
    /// lines index: all of them once prepared); null before the worker starts it.
    std::shared_ptr<const Program> narratedProgram() const { return player_.narrationOf(program_); }
    juce::String lastError() const { return lastError_; }
    /// The care notes of the session that plays (docs/care-rules.md); they never stop it.
    const Diagnostics& careNotes() const noexcept { return careNotes_; }
    /// Why the voice is missing (or partly synthesised), empty when all is well.
    juce::String narrationProblem() const {
        return juce::String::fromUTF8(player_.narrationProblem().c_str());
    }
    /// How far the playing session's voice is made (lines, phase); any thread but the audio one.
    PreparationProgress preparation() const { return player_.preparationProgress(); }
    /// Message thread: wait (at most `limit`) until the session's voice is
    /// all made; true when it is. For a front end that wants it before Play, and tests.
    bool waitUntilPrepared(std::chrono::milliseconds limit) {
        return player_.waitUntilPrepared(limit);
    }
    const PlaybackDisplay& display() const noexcept { return display_; }
    /// Message thread (the one consumer): the next event of the engine that
    /// plays, as processBlock read it (none from an engine about to be
    /// replaced or a session fading out); false when none. Up to 1024 wait,
    /// later ones are dropped until read. For front ends that forward them.
    bool popHeardEvent(Event& event) noexcept { return heard_.tryPop(event); }
    /// Message thread: the listener's heart for the session state
    /// (display().session's `heart`), as the front end that analyses it finds it.
    void setHeart(const SessionHeart& heart) noexcept { player_.setHeart(heart); }
    juce::AudioProcessorValueTreeState& parameters() noexcept { return parameters_; }

    // juce::AudioProcessor
    const juce::String getName() const override { return "Stillpoint"; }
    void prepareToPlay(double sampleRate, int maximumExpectedSamplesPerBlock) override;
    void releaseResources() override {}
    bool isBusesLayoutSupported(const BusesLayout& layouts) const override;
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer& midi) override;
    using AudioProcessor::processBlock;
    juce::AudioProcessorEditor* createEditor() override;
    bool hasEditor() const override { return true; }
    bool acceptsMidi() const override { return false; }
    bool producesMidi() const override { return false; }
    double getTailLengthSeconds() const override { return 0.0; }
    int getNumPrograms() override { return 1; }
    int getCurrentProgram() override { return 0; }
    void setCurrentProgram(int) override {}
    const juce::String getProgramName(int) override { return "Default"; }
    void changeProgramName(int, const juce::String&) override {}
    void getStateInformation(juce::MemoryBlock& destination) override;
    void setStateInformation(const void* data, int sizeInBytes) override;

  private:
    struct SentCommands {  // what the playing engine was last told (audio thread)
        std::uint64_t generation = ~std::uint64_t{0};
        std::array<double, params::kLayerTrims.size()> addedDb{};  ///< trim + the listener's offset
        double paceBpm = 0.0;
        int pattern = 0;  ///< SetPattern's index: 0 is the session's own
        bool hold = false;
    };

    void timerCallback() override;
    /// Make `session` the one that plays; false (and lastError) when it has errors.
    bool install(SessionText session);
    void followSessionParameter();
    HostTransport readTransport(int frames, double& hostBpm, bool& freeTimeline) noexcept;
    void sendCommands(double hostBpm) noexcept;
    void drainControls() noexcept;
    void readEvents(int frames, bool freeTimeline) noexcept;

    juce::AudioProcessorValueTreeState parameters_;
    std::array<std::atomic<float>*, params::kLayerTrims.size()> trims_{};
    std::atomic<float>* pace_ = nullptr;
    std::atomic<float>* tempoSync_ = nullptr;
    std::atomic<float>* beatsPerBreath_ = nullptr;
    std::atomic<float>* hold_ = nullptr;
    std::atomic<float>* pattern_ = nullptr;
    std::atomic<float>* haptics_ = nullptr;
    std::atomic<float>* continue_ = nullptr;
    juce::AudioParameterChoice* sessionChoice_ = nullptr;

    SessionPlayer player_;
    ListenerOptions listener_;
    SessionText session_;
    std::shared_ptr<const Program> program_;
    // The listener's levels, message thread -> audio thread (latest value wins).
    std::array<std::atomic<double>, params::kLayerTrims.size()> layerOffsetDb_{};
    std::atomic<double> hapticCap_{1.0};
    int installedChoice_ = -1;
    juce::String lastError_;
    Diagnostics careNotes_;  ///< of the session that plays (message thread)

    SentCommands sent_;
    ControlQueue controls_;
    // Audio thread only.
    ControlState controlled_;
    std::optional<Command> unsent_;  ///< a control's command waiting for an engine
    std::int64_t sessionClock_ = 0;  ///< the free timeline's place in the planned session
    bool continueWasOn_ = false;  ///< the Continue parameter at the last block (a rising edge goes)
    PlaybackDisplay display_;
    rt::WaitFreeSpscQueue<Event, 1024> heard_;  ///< audio thread -> popHeardEvent
};

}  // namespace stillpoint::plugin
