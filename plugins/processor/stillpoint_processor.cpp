#include "processor/stillpoint_processor.hpp"

#include <algorithm>
#include <cmath>

#include "editor/stillpoint_editor.hpp"
#include "processor/plugin_state.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::plugin {
namespace {

constexpr int kSessionPollHz = 20;

}  // namespace

StillpointProcessor::StillpointProcessor()
    : AudioProcessor(BusesProperties()
                         .withOutput("Main", juce::AudioChannelSet::stereo(), true)
                         .withOutput("Haptic", juce::AudioChannelSet::mono(), true)),
      parameters_(*this, nullptr, "Parameters", params::makeLayout()) {
    for (std::size_t i = 0; i < params::kLayerTrims.size(); ++i)
        trims_[i] = parameters_.getRawParameterValue(params::kLayerTrims[i].id);
    pace_ = parameters_.getRawParameterValue(params::kPace);
    tempoSync_ = parameters_.getRawParameterValue(params::kTempoSync);
    beatsPerBreath_ = parameters_.getRawParameterValue(params::kBeatsPerBreath);
    hold_ = parameters_.getRawParameterValue(params::kHold);
    haptics_ = parameters_.getRawParameterValue(params::kHaptics);
    sessionChoice_ =
        dynamic_cast<juce::AudioParameterChoice*>(parameters_.getParameter(params::kSession));
    install(bundledSessions().front());
    installedChoice_ = 0;
    startTimerHz(kSessionPollHz);
}

StillpointProcessor::~StillpointProcessor() {
    stopTimer();
}

bool StillpointProcessor::install(SessionText session) {
    auto loaded = planSessionText(session);
    if (!loaded.program) {
        lastError_ = juce::String(loaded.error);
        return false;
    }
    lastError_ = {};
    session_ = std::move(session);
    program_ = loaded.program;
    player_.setProgram(std::move(loaded.program));
    return true;
}

juce::String StillpointProcessor::loadSessionFile(const juce::File& file) {
    if (!file.existsAsFile())
        return lastError_ = file.getFullPathName() +
                            ": error: cannot read the file; choose an existing session file";
    if (file.getSize() > static_cast<juce::int64>(kMaxSessionFileBytes))
        return lastError_ = file.getFullPathName() + ": error: larger than a session can be (4 MB)";
    if (!install({file.getFullPathName().toStdString(), file.loadFileAsString().toStdString()}))
        return lastError_;
    // The choice shows "Loaded file"; the timer must not replace it.
    installedChoice_ = bundledIndexOf(session_.name) >= 0 ? bundledIndexOf(session_.name)
                                                          : sessionChoice_->choices.size() - 1;
    *sessionChoice_ = installedChoice_;
    return {};
}

void StillpointProcessor::timerCallback() {
    followSessionParameter();
}

void StillpointProcessor::followSessionParameter() {
    const int choice = sessionChoice_->getIndex();
    if (choice == installedChoice_) return;
    const auto& bundled = bundledSessions();
    if (choice < static_cast<int>(bundled.size()))
        install(bundled[static_cast<std::size_t>(choice)]);
    // "Loaded file" without a file loaded keeps what plays.
    installedChoice_ = choice;
}

void StillpointProcessor::prepareToPlay(double sampleRate, int) {
    followSessionParameter();
    player_.prepare(sampleRate);
    display_.sampleRate.store(sampleRate);
    sent_ = {};
}

bool StillpointProcessor::isBusesLayoutSupported(const BusesLayout& layouts) const {
    if (!layouts.inputBuses.isEmpty()) return false;
    if (layouts.outputBuses.size() != 2) return false;
    if (layouts.getMainOutputChannelSet() != juce::AudioChannelSet::stereo()) return false;
    const auto haptic = layouts.getChannelSet(false, 1);
    return haptic.isDisabled() || haptic == juce::AudioChannelSet::mono();
}

HostTransport StillpointProcessor::readTransport(int frames, double& hostBpm) noexcept {
    HostTransport transport;
    transport.nonRealtime = isNonRealtime();
    // The Standalone's player reports a sample count but never "playing": it runs free.
    if (wrapperType != wrapperType_Standalone) {
        if (auto* head = getPlayHead()) {
            if (const auto position = head->getPosition()) {
                if (const auto bpm = position->getBpm()) hostBpm = *bpm;
                if (const auto sample = position->getTimeInSamples()) {
                    transport.sample = *sample;
                    transport.playing = position->getIsPlaying();
                    return transport;
                }
            }
        }
    }
    transport.sample = freeRunning_;
    transport.playing = true;
    freeRunning_ += frames;
    return transport;
}

void StillpointProcessor::sendCommands(double hostBpm) noexcept {
    if (player_.engineGeneration() != sent_.generation) {
        sent_ = {};  // a fresh engine plays the session's own values
        sent_.generation = player_.engineGeneration();
    }
    const Program* program = player_.playingProgram();
    if (!program) return;

    const auto& volumes = program->sound.volumes;
    const std::array<double, params::kLayerTrims.size()> own = {
        volumes.tone,  volumes.bed,      volumes.bells,
        volumes.voice, volumes.binaural, volumes.isochronic};
    for (std::size_t i = 0; i < params::kLayerTrims.size(); ++i) {
        const float trim = trims_[i]->load();
        if (trim == sent_.trimDb[i]) continue;
        const double db = std::clamp(own[i] + trim, params::kMinLayerDb, params::kMaxLayerDb);
        if (player_.pushCommand(
                {CommandType::SetLayerGain, static_cast<int>(params::kLayerTrims[i].layer), db}))
            sent_.trimDb[i] = trim;
    }

    double pace =
        pace_->load() >= params::kSessionPaceBelow ? static_cast<double>(pace_->load()) : 0.0;
    if (tempoSync_->load() >= 0.5f && hostBpm > 0.0)
        pace = std::clamp(hostBpm / std::max(1.0f, beatsPerBreath_->load()), 1.0, 30.0);
    // 0 hands the pace back to the session (the engine glides to its plan).
    if (std::fabs(pace - sent_.paceBpm) > 1e-3 && player_.pushCommand({CommandType::SetPace, 0, pace}))
        sent_.paceBpm = pace;
    display_.paceBpm.store(pace);

    const bool hold = hold_->load() >= 0.5f;
    if (hold != sent_.hold &&
        player_.pushCommand({hold ? CommandType::Hold : CommandType::Release, 0, 0.0}))
        sent_.hold = hold;
}

void StillpointProcessor::readEvents() noexcept {
    Event event;
    while (player_.popEvent(event)) {
        switch (event.type) {
            case EventType::SectionStarted:
                display_.section.store(event.index);
                break;
            case EventType::StepStarted:
                display_.step.store(event.index);
                sent_.paceBpm = 0.0;  // an engine built for a relocation knows no chosen pace: send it again
                break;
            case EventType::PhaseChanged:
                display_.phase.store(event.index);
                display_.phaseStart.store(event.sessionSample);
                break;
            case EventType::Finished:
                display_.finished.store(true);
                break;
            case EventType::SessionStarted:
                display_.finished.store(false);
                break;
            default:
                break;
        }
    }
}

void StillpointProcessor::processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer& midi) {
    juce::ScopedNoDenormals noDenormals;
    midi.clear();
    const int frames = buffer.getNumSamples();
    if (frames <= 0) return;
    auto main = getBusBuffer(buffer, false, 0);
    if (main.getNumChannels() < 2) {
        buffer.clear();
        return;
    }
    double hostBpm = 0.0;
    const HostTransport transport = readTransport(frames, hostBpm);
    sendCommands(hostBpm);
    float* out[2] = {main.getWritePointer(0), main.getWritePointer(1)};
    // The Haptic bus carries the engine's actuator signal; the Haptics
    // parameter glides it to silence and back.
    const bool hapticBus = getBusCount(false) > 1 && getBus(false, 1)->isEnabled();
    player_.setHapticsEnabled(haptics_->load() >= 0.5f);
    player_.process(out, hapticBus ? getBusBuffer(buffer, false, 1).getWritePointer(0) : nullptr, frames,
                    transport);
    readEvents();

    display_.position.store(player_.playingPosition());
    display_.playing.store(transport.playing);
    display_.relocating.store(player_.relocating());
}

juce::AudioProcessorEditor* StillpointProcessor::createEditor() {
    return new StillpointEditor(*this);
}

void StillpointProcessor::getStateInformation(juce::MemoryBlock& destination) {
    PluginState state;
    state.session = session_;
    // The parameter tree holds each value as the parameter shows it (a pace
    // in breaths per minute, a trim in dB), which survives range changes.
    for (const auto& parameter : parameters_.copyState())
        state.parameters.push_back({parameter.getProperty("id").toString().toStdString(),
                                    static_cast<double>(parameter.getProperty("value"))});
    const auto bytes = writePluginState(state);
    destination.replaceAll(bytes.data(), bytes.size());
}

void StillpointProcessor::setStateInformation(const void* data, int sizeInBytes) {
    std::string error;
    auto state = readPluginState(data, static_cast<std::size_t>(std::max(sizeInBytes, 0)), error);
    if (!state) {
        lastError_ = "the host's saved state was not restored: " + juce::String(error);
        return;
    }
    juce::ValueTree tree(parameters_.state.getType());
    for (const auto& parameter : state->parameters)
        tree.appendChild(juce::ValueTree("PARAM", {{"id", juce::String(parameter.id)},
                                                   {"value", parameter.value}}),
                         nullptr);
    parameters_.replaceState(tree);  // parameters it does not list keep their values
    install(std::move(state->session));
    installedChoice_ = sessionChoice_->getIndex();  // the saved text is what plays
}

}  // namespace stillpoint::plugin

juce::AudioProcessor* JUCE_CALLTYPE createPluginFilter() {
    return new stillpoint::plugin::StillpointProcessor();
}
