#include "app_player.hpp"

#include <algorithm>
#include <cmath>

#include "processor/plugin_parameters.hpp"
#include "processor/session_library.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::app {
namespace {

constexpr int kHeadlessBlock = 512;

std::array<double, kLayerCount> ownLevels(const Program& program) {
    const auto& v = program.sound.volumes;
    return {v.tone, v.bed, v.bells, v.voice, v.binaural, v.isochronic};
}


struct Planned {
    std::shared_ptr<const Program> program;
    std::string error;
};

Planned plan(const plugin::SessionText& session, const ClientProfile& profile) {
    ParseResult parsed = parseSession(session.text, session.name);
    if (!parsed.session) return {nullptr, plugin::formatErrors(parsed.diagnostics)};
    PlanOptions options;
    options.avoid = profile.avoid;
    PlanResult planned = planSession(*parsed.session, options);
    if (!planned.program) return {nullptr, plugin::formatErrors(planned.diagnostics)};
    return {std::make_shared<const Program>(std::move(*planned.program)), {}};
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

AppPlayer::AppPlayer() {
    for (auto& trim : layerTrimDb_) trim.store(0.0);
}

std::string AppPlayer::load(const plugin::SessionText& session, const ClientProfile& profile) {
    auto planned = plan(session, profile);
    if (!planned.program) return planned.error;
    running_.store(false);
    restart_.store(true);
    session_ = session;
    program_ = planned.program;
    player_.setProgram(std::move(planned.program));
    profile_ = {};  // every value is sent afresh
    profile_.avoid = profile.avoid;
    return applyProfile(profile);
}

std::string AppPlayer::applyProfile(const ClientProfile& profile) {
    if (program_ && profile.avoid != profile_.avoid) {
        auto planned = plan(session_, profile);
        if (!planned.program) return planned.error;
        program_ = planned.program;
        player_.setProgram(std::move(planned.program));
    }
    profile_ = profile;
    setPace(profile.paceBpm);
    for (std::size_t i = 0; i < kLayerCount; ++i) layerTrimDb_[i].store(profile.layerTrimDb[i]);
    return {};
}

void AppPlayer::send(CommandType type) {
    const auto scope = fifo_.write(1);
    if (scope.blockSize1 > 0)
        commands_[static_cast<std::size_t>(scope.startIndex1)] = {type, 0, 0.0};
    else if (scope.blockSize2 > 0)
        commands_[static_cast<std::size_t>(scope.startIndex2)] = {type, 0, 0.0};
}

void AppPlayer::play() {
    if (display_.finished.load() || !running_.load()) {
        if (display_.finished.load()) restart_.store(true);
        running_.store(true);
    }
    if (paused_.load()) send(CommandType::Resume);
}

void AppPlayer::pause() {
    if (running_.load() && !paused_.load()) send(CommandType::Pause);
}

void AppPlayer::togglePlay() {
    const auto now = state();
    if (now.playing)
        pause();
    else
        play();
}

void AppPlayer::setHold(bool hold) {
    hold_.store(hold);
}
void AppPlayer::next() {
    send(CommandType::NextSection);
}
void AppPlayer::previous() {
    send(CommandType::PrevSection);
}
void AppPlayer::grounding() {
    if (!running_.load()) running_.store(true);
    send(CommandType::Grounding);
}
void AppPlayer::stop() {
    send(CommandType::Stop);
}

double AppPlayer::currentPace() const {
    if (paceBpm_.load() > 0.0) return paceBpm_.load();
    const int step = display_.step.load();
    if (program_ && step >= 0 && step < static_cast<int>(program_->steps.size())) {
        const auto& planned = program_->steps[static_cast<std::size_t>(step)];
        if (planned.paceBpm > 0.0) return planned.paceBpm;
    }
    return 6.0;  // a calm default when no breathe step has started yet
}

void AppPlayer::setPace(double bpm) {
    paceBpm_.store(bpm <= 0.0 ? 0.0 : std::clamp(bpm, kMinProfilePace, kMaxProfilePace));
    profile_.paceBpm = paceBpm_.load();
}

void AppPlayer::slower() {
    setPace(currentPace() - kPaceStepBpm);
}
void AppPlayer::faster() {
    setPace(currentPace() + kPaceStepBpm);
}

PlayerState AppPlayer::state() const {
    PlayerState s;
    s.finished = display_.finished.load();
    s.paused = paused_.load();
    s.playing = running_.load() && !s.paused && !s.finished;
    s.holding = hold_.load();
    s.phase = display_.phase.load();
    s.section = display_.section.load();
    s.elapsedSeconds = static_cast<double>(display_.position.load()) / display_.sampleRate.load();
    s.paceBpm = paceBpm_.load();
    if (program_) {
        s.title = program_->title;
        s.lengthSeconds = program_->lengthSeconds;
        if (s.section >= 0 && s.section < static_cast<int>(program_->sections.size()))
            s.sectionName = program_->sections[static_cast<std::size_t>(s.section)].name;
        const int step = display_.step.load();
        if (step >= 0 && step < static_cast<int>(program_->steps.size())) {
            const auto& lines = program_->steps[static_cast<std::size_t>(step)].lines;
            if (!lines.empty()) s.caption = lines.front();
        }
    }
    return s;
}

void AppPlayer::prepare(double sampleRate) {
    player_.prepare(sampleRate);
    display_.sampleRate.store(sampleRate);
    sent_ = {};
}

void AppPlayer::audioDeviceAboutToStart(juce::AudioIODevice* device) {
    prepare(device->getCurrentSampleRate());
}

void AppPlayer::audioDeviceIOCallbackWithContext(const float* const*, int, float* const* out,
                                                 int numOut, int frames,
                                                 const juce::AudioIODeviceCallbackContext&) {
    render(out, numOut, frames);
}

void AppPlayer::drainCommands() noexcept {
    for (;;) {
        if (!pendingValid_) {
            if (fifo_.getNumReady() == 0) return;
            const auto scope = fifo_.read(1);
            pending_ = commands_[static_cast<std::size_t>(
                scope.blockSize1 > 0 ? scope.startIndex1 : scope.startIndex2)];
            pendingValid_ = true;
        }
        if (!player_.pushCommand(pending_)) return;  // no engine yet: again next block
        pendingValid_ = false;
    }
}

void AppPlayer::followDesired() noexcept {
    if (player_.engineGeneration() != sent_.generation) {
        sent_ = {};  // a fresh engine plays the session's own values
        sent_.generation = player_.engineGeneration();
    }
    const Program* program = player_.playingProgram();
    if (!program) return;
    const auto own = ownLevels(*program);
    for (std::size_t i = 0; i < kLayerCount; ++i) {
        const double trim = layerTrimDb_[i].load();
        if (trim == sent_.layerTrimDb[i]) continue;
        const double db =
            std::clamp(own[i] + trim, plugin::params::kMinLayerDb, plugin::params::kMaxLayerDb);
        if (player_.pushCommand({CommandType::SetLayerGain, static_cast<int>(i), db}))
            sent_.layerTrimDb[i] = trim;
    }
    const double pace = paceBpm_.load();
    if (pace > 0.0 && std::fabs(pace - sent_.paceBpm) > 1e-3 &&
        player_.pushCommand({CommandType::SetPace, 0, pace}))
        sent_.paceBpm = pace;
    display_.paceBpm.store(pace);
    const bool hold = hold_.load();
    if (hold != sent_.hold &&
        player_.pushCommand({hold ? CommandType::Hold : CommandType::Release, 0, 0.0}))
        sent_.hold = hold;
}

void AppPlayer::readEvents(int frames) noexcept {
    // The clock is the place in the planned session: it runs with the audio
    // and is set to the planned start of each section and step as they begin
    // (a jump, a hold or another pace moves the engine off the plan).
    if (running_.load() && !paused_.load() && !display_.finished.load()) sessionClock_ += frames;
    const Program* program = player_.playingProgram();
    const double rate = display_.sampleRate.load();
    const auto plannedStart = [&](double seconds) {
        return static_cast<std::int64_t>(seconds * rate);
    };
    Event event;
    while (player_.popEvent(event)) {
        switch (event.type) {
            case EventType::SessionStarted:
                display_.finished.store(false);
                break;
            case EventType::SectionStarted:
                display_.section.store(event.index);
                if (program && event.index >= 0 &&
                    event.index < static_cast<int>(program->sections.size()))
                    sessionClock_ = plannedStart(
                        program->sections[static_cast<std::size_t>(event.index)].startSeconds);
                break;
            case EventType::StepStarted:
                display_.step.store(event.index);
                sent_.paceBpm = 0.0;  // a breathe step starts at its planned pace: ask again
                if (program && event.index >= 0 &&
                    event.index < static_cast<int>(program->steps.size()))
                    sessionClock_ = plannedStart(
                        program->steps[static_cast<std::size_t>(event.index)].startSeconds);
                break;
            case EventType::PhaseChanged:
                display_.phase.store(event.index);
                display_.phaseStart.store(sessionClock_);
                break;
            case EventType::Paused:
                paused_.store(true);
                break;
            case EventType::Resumed:
                paused_.store(false);
                break;
            case EventType::Finished:
                display_.finished.store(true);
                display_.phase.store(-1);
                break;
            default:
                break;
        }
    }
    display_.position.store(sessionClock_);
}

void AppPlayer::render(float* const* out, int channels, int frames) noexcept {
    for (int c = 2; c < channels; ++c)
        if (out[c]) std::fill(out[c], out[c] + frames, 0.0f);
    if (restart_.exchange(false)) {
        timeline_ = 0;
        startWhenReady_ = true;
        restartGeneration_ = player_.engineGeneration();
        sessionClock_ = 0;
        paused_.store(false);
        display_.finished.store(false);
        display_.section.store(-1);
        display_.step.store(-1);
        display_.phase.store(-1);
    }
    plugin::HostTransport transport;
    transport.sample = timeline_;
    // From the top, the timeline waits for the engine built at 0: started
    // before it is ready, SessionPlayer would aim ahead and skip the start.
    transport.playing = running_.load() && !startWhenReady_;
    drainCommands();
    followDesired();
    if (channels >= 2) {
        player_.process(out, frames, transport);
    } else if (channels == 1) {
        // A mono device gets one channel of the pair.
        float* scratch[2] = {out[0], out[0]};
        player_.process(scratch, frames, transport);
    }
    // Ready: a new engine (for the new session, or for 0) has taken over.
    if (startWhenReady_ && !player_.relocating() &&
        player_.engineGeneration() != restartGeneration_)
        startWhenReady_ = false;
    if (transport.playing) timeline_ += frames;
    readEvents(transport.playing ? frames : 0);
    display_.playing.store(transport.playing);
    display_.relocating.store(player_.relocating());
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
    juce::AudioBuffer<float> buffer(2, kHeadlessBlock);
    const double blockMs = 1000.0 * kHeadlessBlock / sampleRate_;
    double due = juce::Time::getMillisecondCounterHiRes();
    while (!threadShouldExit()) {
        player_.render(buffer.getArrayOfWritePointers(), 2, kHeadlessBlock);
        due += blockMs;
        const double remaining = due - juce::Time::getMillisecondCounterHiRes();
        if (remaining > 1.0) wait(static_cast<int>(remaining));
    }
}

}  // namespace stillpoint::app
