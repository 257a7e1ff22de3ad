// StillpointProcessor: the JUCE AudioProcessor around SessionPlayer. It owns
// the parameters and the session text, turns parameter changes into engine
// commands on the audio thread (the engine glides them), reads the host's
// transport, and keeps what the editor draws.
//
// Buses: a stereo main output and a mono "Haptic" output (may be disabled).
// Zero latency, no tail. State: the parameters plus the session text itself,
// so a project reopens on a machine without the file.
//
// Threads: JUCE's. processBlock never allocates, locks or waits (except in
// non-realtime mode, where SessionPlayer waits for a relocation). Session
// loading runs on the message thread; a host's change of the session
// parameter is picked up there by a timer.
#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

#include <array>
#include <memory>
#include <string>

#include "processor/playback_display.hpp"
#include "processor/plugin_parameters.hpp"
#include "processor/session_library.hpp"
#include "session_player.hpp"

namespace stillpoint::plugin {

class StillpointProcessor : public juce::AudioProcessor, private juce::Timer {
  public:
    StillpointProcessor();
    ~StillpointProcessor() override;

    // Message thread: the session.
    /// Load a session file; returns the errors (file:line:column: error: ...) or "".
    juce::String loadSessionFile(const juce::File& file);
    SessionText currentSession() const { return session_; }
    std::shared_ptr<const Program> currentProgram() const { return program_; }
    /// The playing session with its voice (what the caption's lines index); null until made.
    std::shared_ptr<const Program> narratedProgram() const { return player_.narrationOf(program_); }
    juce::String lastError() const { return lastError_; }
    /// Why the voice is missing (or partly synthesised), empty when all is well.
    juce::String narrationProblem() const { return juce::String(player_.narrationProblem()); }
    const PlaybackDisplay& display() const noexcept { return display_; }
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
        std::array<float, params::kLayerTrims.size()> trimDb{};
        double paceBpm = 0.0;
        int pattern = 0;  ///< SetPattern's index: 0 is the session's own
        bool hold = false;
    };

    void timerCallback() override;
    /// Make `session` the one that plays; false (and lastError) when it has errors.
    bool install(SessionText session);
    void followSessionParameter();
    HostTransport readTransport(int frames, double& hostBpm) noexcept;
    void sendCommands(double hostBpm) noexcept;
    void readEvents() noexcept;
    /// The Haptic bus's signal. Silent until the engine produces one: the
    /// engine's haptic channel is written here when it exists.

    juce::AudioProcessorValueTreeState parameters_;
    std::array<std::atomic<float>*, params::kLayerTrims.size()> trims_{};
    std::atomic<float>* pace_ = nullptr;
    std::atomic<float>* tempoSync_ = nullptr;
    std::atomic<float>* beatsPerBreath_ = nullptr;
    std::atomic<float>* hold_ = nullptr;
    std::atomic<float>* pattern_ = nullptr;
    std::atomic<float>* haptics_ = nullptr;
    juce::AudioParameterChoice* sessionChoice_ = nullptr;

    SessionPlayer player_;
    SessionText session_;
    std::shared_ptr<const Program> program_;
    int installedChoice_ = -1;
    juce::String lastError_;

    SentCommands sent_;
    std::uint64_t captionGeneration_ = 0;  ///< the engine whose lines the caption follows
    std::int64_t freeRunning_ = 0;  ///< the timeline when the host gives none
    PlaybackDisplay display_;
};

}  // namespace stillpoint::plugin
