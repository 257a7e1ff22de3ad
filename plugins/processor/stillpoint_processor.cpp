#include "processor/stillpoint_processor.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "editor/stillpoint_editor.hpp"
#include "processor/plugin_state.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::plugin {
namespace {

constexpr int kSessionPollHz = 20;
constexpr const char* kHapticBusName = "Haptic (actuator, not for the mix)";

}  // namespace

StillpointProcessor::StillpointProcessor()
    : AudioProcessor(BusesProperties()
                         .withOutput("Main", juce::AudioChannelSet::stereo(), true)
                         // A full-scale actuator signal: off until a host enables it,
                         // and named so it is not mistaken for sound to mix.
                         .withOutput(kHapticBusName, juce::AudioChannelSet::mono(), false)),
      parameters_(*this, nullptr, "Parameters", params::makeLayout()) {
    for (std::size_t i = 0; i < params::kLayerTrims.size(); ++i)
        trims_[i] = parameters_.getRawParameterValue(params::kLayerTrims[i].id);
    pace_ = parameters_.getRawParameterValue(params::kPace);
    tempoSync_ = parameters_.getRawParameterValue(params::kTempoSync);
    beatsPerBreath_ = parameters_.getRawParameterValue(params::kBeatsPerBreath);
    hold_ = parameters_.getRawParameterValue(params::kHold);
    pattern_ = parameters_.getRawParameterValue(params::kPattern);
    haptics_ = parameters_.getRawParameterValue(params::kHaptics);
    continue_ = parameters_.getRawParameterValue(params::kContinue);
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
    PlanOptions options;
    options.avoid = listener_.avoid;
    if (listener_.resonanceBpm > 0.0) options.resonanceBpm = listener_.resonanceBpm;
    if (!listener_.voice.empty()) {
        std::string error;
        options.voice = parseVoiceName(listener_.voice, error);
        if (!options.voice) {
            lastError_ = "voice '" + juce::String(listener_.voice) + "': " + juce::String(error);
            return false;
        }
    }
    auto loaded = planSessionText(session, options);
    if (!loaded.program) {
        lastError_ = juce::String(loaded.error);
        return false;
    }
    lastError_ = {};
    careNotes_ = std::move(loaded.careNotes);
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
    return loadSession(
        {file.getFullPathName().toStdString(), file.loadFileAsString().toStdString()});
}

juce::String StillpointProcessor::loadSession(const SessionText& session) {
    if (!install(session)) return lastError_;
    // The choice shows the bundled session, or "Loaded file"; the timer must not replace it.
    installedChoice_ = bundledIndexOf(session_.name) >= 0 ? bundledIndexOf(session_.name)
                                                          : sessionChoice_->choices.size() - 1;
    *sessionChoice_ = installedChoice_;
    return {};
}

juce::String StillpointProcessor::setListenerOptions(ListenerOptions options) {
    const bool replan = options.avoid != listener_.avoid || options.voice != listener_.voice ||
                        options.resonanceBpm != listener_.resonanceBpm;
    auto previous = std::exchange(listener_, std::move(options));
    if (replan && program_ && !install(session_)) {
        listener_ = std::move(previous);  // what plays keeps its plan and levels
        return lastError_;
    }
    for (std::size_t i = 0; i < layerOffsetDb_.size(); ++i)
        layerOffsetDb_[i].store(listener_.layerOffsetDb[i]);
    hapticCap_.store(std::clamp(listener_.hapticCap, 0.0, 1.0));
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

HostTransport StillpointProcessor::readTransport(int frames, double& hostBpm,
                                                 bool& freeTimeline) noexcept {
    HostTransport transport;
    freeTimeline = false;
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
    // No host timeline: the free-running one, which the controls start and cue.
    freeTimeline = true;
    if (controlled_.waitsForStart && player_.readyToStartAt(0)) controlled_.waitsForStart = false;
    transport.sample = controlled_.timeline;
    transport.playing = controlled_.timelineRuns && !controlled_.waitsForStart;
    if (transport.playing) controlled_.timeline += frames;
    return transport;
}

void StillpointProcessor::sendCommands(double hostBpm) noexcept {
    if (player_.engineGeneration() != sent_.generation) {
        sent_ = {};  // a fresh engine plays the session's own values
        sent_.generation = player_.engineGeneration();
    }
    const Program* program = player_.playingProgram();
    if (!program) return;

    for (std::size_t i = 0; i < params::kLayerTrims.size(); ++i) {
        const LayerId layerId = params::kLayerTrims[i].layer;
        const auto layer = static_cast<std::size_t>(layerId);
        const double added = trims_[i]->load() + layerOffsetDb_[layer].load();
        if (added == sent_.addedDb[i]) continue;
        const double own = program->sound.volumes.*layerWord(layerId).volume;
        const double db = std::clamp(own + added, params::kMinLayerDb, params::kMaxLayerDb);
        if (player_.pushCommand({CommandType::SetLayerGain, static_cast<int>(layer), db}))
            sent_.addedDb[i] = added;
    }

    double pace =
        pace_->load() >= params::kSessionPaceBelow ? static_cast<double>(pace_->load()) : 0.0;
    if (tempoSync_->load() >= 0.5f && hostBpm > 0.0)
        pace = std::clamp(hostBpm / std::max(1.0f, beatsPerBreath_->load()), 1.0, 30.0);
    // 0 hands the pace back to the session (the engine glides to its plan).
    if (std::fabs(pace - sent_.paceBpm) > 1e-3 &&
        player_.pushCommand({CommandType::SetPace, 0, pace}))
        sent_.paceBpm = pace;
    display_.paceBpm.store(pace);

    // A chosen pattern starts on the engine's next whole breath.
    const int pattern = static_cast<int>(std::lround(pattern_->load()));
    if (pattern != sent_.pattern && player_.pushCommand({CommandType::SetPattern, pattern, 0.0}))
        sent_.pattern = pattern;

    const bool hold = hold_->load() >= 0.5f;
    if (hold != sent_.hold &&
        player_.pushCommand({hold ? CommandType::Hold : CommandType::Release, 0, 0.0}))
        sent_.hold = hold;

    // Continue is a trigger: its rising edge, once (a full queue tries again next block).
    const bool go = continue_->load() >= 0.5f;
    if (!go)
        continueWasOn_ = false;
    else if (!continueWasOn_ && player_.pushCommand({CommandType::Continue, 0, 0.0}))
        continueWasOn_ = true;
}

void StillpointProcessor::drainControls() noexcept {
    for (;;) {
        if (!unsent_) {
            ProcessorControl control;
            if (!controls_.tryPop(control)) return;
            unsent_ = applyControl(control, controlled_, display_.finished.load());
            if (!unsent_) continue;
        }
        // Only the engine that plays hears it: not one about to be replaced
        // (a relocation, a cued start) nor a full queue. The rest waits, in order.
        if (controlled_.waitsForStart || player_.relocating() || !player_.pushCommand(*unsent_))
            return;
        unsent_.reset();
    }
}

void StillpointProcessor::readEvents(int frames, bool freeTimeline) noexcept {
    // On the free timeline the clock is the place in the planned session: it
    // runs with the audio (not while paused) and is set to the planned start
    // of each section and step as it begins (a jump, a hold or another pace
    // moves the engine off the plan).
    if (freeTimeline && !display_.paused.load() && !display_.finished.load())
        sessionClock_ += frames;
    const Program* program = player_.playingProgram();
    const double rate = display_.sampleRate.load();
    const auto plannedStart = [&](double seconds) {
        return static_cast<std::int64_t>(seconds * rate);
    };
    Event event;
    while (player_.popEvent(event)) {
        heard_.tryPush(event);  // full (nobody reads): dropped, as the header says
        switch (event.type) {
            case EventType::SectionStarted:
                display_.section.store(event.index);
                if (program && event.index >= 0 &&
                    event.index < static_cast<int>(program->sections.size()))
                    sessionClock_ = plannedStart(
                        program->sections[static_cast<std::size_t>(event.index)].startSeconds);
                break;
            case EventType::StepStarted:
                display_.step.store(event.index);
                sent_.paceBpm =
                    0.0;  // an engine built for a relocation knows no chosen pace: send it again
                if (program && event.index >= 0 &&
                    event.index < static_cast<int>(program->steps.size()))
                    sessionClock_ = plannedStart(
                        program->steps[static_cast<std::size_t>(event.index)].startSeconds);
                break;
            case EventType::PhaseChanged:
                // Every whole breath starts with an inhale: where a chosen pattern takes over.
                if (event.index == static_cast<int>(BreathPhase::Inhale))
                    display_.pattern.store(sent_.pattern);
                display_.phase.store(event.index);
                display_.phaseStart.store(freeTimeline ? sessionClock_ : event.sessionSample);
                break;
            case EventType::Paused:
                display_.paused.store(true);
                break;
            case EventType::Resumed:
                display_.paused.store(false);
                break;
            case EventType::Finished:
                display_.finished.store(true);
                display_.phase.store(-1);
                break;
            case EventType::SessionStarted:
                display_.finished.store(false);
                break;
            default:
                break;
        }
    }
    display_.session.publish(player_.playingState());
}

void StillpointProcessor::processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer& midi) {
    juce::ScopedNoDenormals noDenormals;
    midi.clear();
    drainControls();
    if (std::exchange(controlled_.cued, false)) {  // back at the start: nothing has played yet
        sessionClock_ = 0;
        display_.section.store(-1);
        display_.step.store(-1);
        display_.phase.store(-1);
        display_.paused.store(false);
        display_.finished.store(false);
        display_.session.publish({});  // the engine for the start publishes its own
    }
    const int frames = buffer.getNumSamples();
    if (frames <= 0) return;
    auto main = getBusBuffer(buffer, false, 0);
    if (main.getNumChannels() < 2) {
        buffer.clear();
        return;
    }
    double hostBpm = 0.0;
    bool freeTimeline = false;
    const HostTransport transport = readTransport(frames, hostBpm, freeTimeline);
    sendCommands(hostBpm);
    float* out[2] = {main.getWritePointer(0), main.getWritePointer(1)};
    // The Haptic bus carries the engine's actuator signal; the Haptics
    // parameter glides it to silence and back.
    const bool hapticBus = getBusCount(false) > 1 && getBus(false, 1)->isEnabled();
    player_.setHapticsEnabled(haptics_->load() >= 0.5f);
    player_.setHapticCap(hapticCap_.load());
    player_.process(out, hapticBus ? getBusBuffer(buffer, false, 1).getWritePointer(0) : nullptr,
                    frames, transport);
    // Cued, the engine that is to play has not started: what another one says is stale.
    if (!controlled_.waitsForStart) readEvents(transport.playing ? frames : 0, freeTimeline);

    display_.position.store(freeTimeline ? sessionClock_ : player_.playingPosition());
    display_.playing.store(transport.playing || (freeTimeline && controlled_.timelineRuns));
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
