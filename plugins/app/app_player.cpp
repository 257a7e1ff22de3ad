#include "app_player.hpp"

#include <algorithm>

#include "preparation_status.hpp"
#include "processor/plugin_parameters.hpp"
#include "stillpoint/breath_pattern.hpp"

namespace stillpoint::app {
namespace {

plugin::ListenerOptions listenerOptions(const ClientProfile& profile) {
    plugin::ListenerOptions options;
    options.avoid = profile.avoid;
    options.voice = profile.voice;
    options.resonanceBpm = profile.resonanceBpm;
    options.hapticCap = profile.hapticCap;
    std::copy(profile.layerTrimDb.begin(), profile.layerTrimDb.end(),
              options.layerOffsetDb.begin());
    return options;
}

}  // namespace

const char* phaseName(int phase) {
    switch (phase) {
        case static_cast<int>(BreathPhase::Inhale):
            return "inhale";
        case static_cast<int>(BreathPhase::HoldIn):
            return "hold-in";
        case static_cast<int>(BreathPhase::Exhale):
            return "exhale";
        case static_cast<int>(BreathPhase::HoldOut):
            return "hold-out";
        default:
            return "none";
    }
}

AppPlayer::AppPlayer()
    : pace_(processor_.parameters().getRawParameterValue(plugin::params::kPace)),
      hold_(processor_.parameters().getRawParameterValue(plugin::params::kHold)) {
    send(plugin::ControlType::Cue);  // nothing plays until play()
}

std::string AppPlayer::load(const plugin::SessionText& session, const ClientProfile& profile) {
    // The profile's regions first: the session is planned once, with them.
    const auto options = processor_.setListenerOptions(listenerOptions(profile));
    if (options.isNotEmpty()) return options.toStdString();
    const bool wasPlaying = state().playing;
    const auto error = processor_.loadSession(session);
    if (error.isNotEmpty()) return error.toStdString();
    // Back to the start; the processor holds it there until the old session
    // has faded out and the new one's engine is ready. Chosen while playing, it plays.
    send(plugin::ControlType::Cue);
    if (wasPlaying) send(plugin::ControlType::Play);
    return applyProfile(profile);
}

std::string AppPlayer::applyProfile(const ClientProfile& profile) {
    const auto error = processor_.setListenerOptions(listenerOptions(profile));
    if (error.isNotEmpty()) return error.toStdString();
    profile_ = profile;
    setPace(profile.paceBpm);
    setParameter(plugin::params::kHaptics, profile.haptics ? 1.0f : 0.0f);
    return {};
}

void AppPlayer::send(plugin::ControlType type) {
    // The queue holds 64; it fills only while no audio runs, and then nothing
    // plays anyway. Grounding and Stop it never refuses.
    processor_.control({type});
}

void AppPlayer::setParameter(const char* id, float value) {
    auto* parameter = processor_.parameters().getParameter(id);
    parameter->setValueNotifyingHost(parameter->convertTo0to1(value));
}

void AppPlayer::play() {
    send(plugin::ControlType::Play);
}
void AppPlayer::pause() {
    send(plugin::ControlType::Pause);
}
void AppPlayer::togglePlay() {
    send(state().playing ? plugin::ControlType::Pause : plugin::ControlType::Play);
}
void AppPlayer::setHold(bool hold) {
    setParameter(plugin::params::kHold, hold ? 1.0f : 0.0f);
}
void AppPlayer::next() {
    send(plugin::ControlType::NextSection);
}
void AppPlayer::previous() {
    send(plugin::ControlType::PreviousSection);
}
void AppPlayer::grounding() {
    send(plugin::ControlType::Grounding);
}
void AppPlayer::stop() {
    send(plugin::ControlType::Stop);
}
void AppPlayer::setPattern(int index) {
    setParameter(
        plugin::params::kPattern,
        static_cast<float>(std::clamp(index, 0, static_cast<int>(breathPresets().size()))));
}
void AppPlayer::continueCheckin() {
    send(plugin::ControlType::Continue);
}

double AppPlayer::currentPace() const {
    const double asked = state().paceBpm;
    if (asked > 0.0) return asked;
    const auto program = processor_.currentProgram();
    const int step = display().step.load();
    if (program && step >= 0 && step < static_cast<int>(program->steps.size())) {
        const auto& planned = program->steps[static_cast<std::size_t>(step)];
        if (planned.paceBpm > 0.0) return planned.paceBpm;
    }
    return 6.0;  // a calm default when no breathe step has started yet
}

void AppPlayer::setPace(double bpm) {
    profile_.paceBpm = bpm <= 0.0 ? 0.0 : std::clamp(bpm, kMinProfilePace, kMaxProfilePace);
    setParameter(plugin::params::kPace, static_cast<float>(profile_.paceBpm));
}

void AppPlayer::slower() {
    setPace(currentPace() - kPaceStepBpm);
}
void AppPlayer::faster() {
    setPace(currentPace() + kPaceStepBpm);
}

PlayerState AppPlayer::state() const {
    const auto& display = processor_.display();
    PlayerState s;
    s.finished = display.finished.load();
    s.paused = display.paused.load();
    s.playing = display.playing.load() && !s.paused && !s.finished;
    s.holding = hold_->load() >= 0.5f;
    s.phase = display.phase.load();
    s.elapsedSeconds = static_cast<double>(display.position.load()) / display.sampleRate.load();
    const float pace = pace_->load();
    s.paceBpm = pace >= plugin::params::kSessionPaceBelow ? static_cast<double>(pace) : 0.0;
    // Where the session is, as its engine published it: never worked out here.
    const SessionState session = display.session.read();
    s.section = session.section;
    s.sectionName = session.sectionName;
    s.waiting = session.waitingForContinue;
    s.grounding = session.groundingActive;  // and stays so when grounding ended the session
    s.remainingSeconds = stateSeconds(session, session.remainingFrames);
    s.sectionElapsedSeconds = stateSeconds(session, session.sessionSample - session.sectionStart);
    s.sectionLengthSeconds = stateSeconds(session, session.sectionLength);
    s.preparation =
        plugin::preparationStatus(processor_.preparation(), session.waitingForNarration);
    s.voiceProblem = processor_.narrationProblem().toStdString();
    s.heart = session.heart;
    // The narrated program (real line lengths) once made, the plan until
    // then: the one whose lines the state's indices point into.
    if (const auto program = this->program()) {
        s.title = program->title;
        s.lengthSeconds = program->lengthSeconds;
        s.caption = lineCaption(*program, session);
    }
    return s;
}

void AppPlayer::prepare(double sampleRate, int maxBlockFrames) {
    juce::BigInteger stereo;
    stereo.setRange(0, 2, true);
    host_.prepare(sampleRate, maxBlockFrames, stereo);
}

HeadlessClock::HeadlessClock(AppPlayer& player, double sampleRate)
    : juce::Thread("stillpoint headless clock"), player_(player), sampleRate_(sampleRate) {
    player_.prepare(sampleRate_);
    startThread();
}

HeadlessClock::~HeadlessClock() {
    stopThread(2000);
}

void HeadlessClock::run() {
    constexpr int kBlock = AppPlayer::kDefaultBlockFrames;
    juce::AudioBuffer<float> buffer(2, kBlock);
    const double blockMs = 1000.0 * kBlock / sampleRate_;
    double due = juce::Time::getMillisecondCounterHiRes();
    while (!threadShouldExit()) {
        player_.render(buffer.getArrayOfWritePointers(), 2, kBlock);
        due += blockMs;
        const double remaining = due - juce::Time::getMillisecondCounterHiRes();
        if (remaining > 1.0) wait(static_cast<int>(remaining));
    }
}

}  // namespace stillpoint::app
