#include "embedded_engine.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <variant>

#include "c_heart.hpp"
#include "enum_conversion.hpp"
#include "stillpoint/fade_curve.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/resonance.hpp"
#include "stillpoint/session_timeline.hpp"

namespace stillpoint::capi {
namespace {

void fillSilence(float* const* outputs, int channels, int frames) noexcept {
    for (int c = 0; c < channels; ++c) std::fill(outputs[c], outputs[c] + frames, 0.0f);
}

std::string numberText(double value) {
    char buffer[32];
    return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

}  // namespace

std::int64_t EmbeddedEngine::StartPoint::at(double rate) const noexcept {
    if (position == 0 || sampleRate <= 0.0) return 0;
    if (rate == sampleRate) return position;
    return std::llround(static_cast<double>(position) * rate / sampleRate);
}

// ---- Control thread -------------------------------------------------------

EmbeddedEngine::~EmbeddedEngine() {
    attachHeart(nullptr);
}

void EmbeddedEngine::attachHeart(const sp_heart* heart) noexcept {
    const sp_heart* old = heart_.exchange(heart);
    if (old != nullptr && old != heart) {
        HeartFollow* ours = &follow_;
        old->follow.compare_exchange_strong(ours, nullptr);  // unless another engine took it
        follow_.detached();
    }
    if (heart != nullptr) {
        heart->follow.store(&follow_, std::memory_order_release);
        follow_.attached();
    }
}

sp_result EmbeddedEngine::loadText(std::string text, std::string name) {
    return install(loadSessionText(std::move(text), std::move(name), resonanceBpm_), nullptr);
}

sp_result EmbeddedEngine::loadFile(const std::string& path) {
    return install(loadSessionFromFile(path, resonanceBpm_), nullptr);
}

sp_result EmbeddedEngine::setResonancePace(double bpm) {
    // The range a pace set from heart data keeps to (CARE.md); 0 clears it.
    if (bpm != 0.0 && !(bpm >= heart::kMinResonancePace && bpm <= heart::kMaxResonancePace))
        return fail(SP_ERROR_INVALID_ARGUMENT,
                    {"resonance pace " + numberText(bpm) +
                         " breaths/min is outside 4.5..7; give the listener's resonance pace "
                         "(stillpoint resonance), or 0 for none",
                     {},
                     0,
                     0});
    resonanceBpm_ = bpm;
    return succeed();
}

sp_result EmbeddedEngine::prepare(double sampleRate, int maxBlockFrames, sp_layout layout) {
    if (!isValidSampleRate(sampleRate))
        return fail(
            SP_ERROR_INVALID_ARGUMENT,
            {"sample rate " + numberText(sampleRate) + " Hz is outside 8000..768000 Hz", {}, 0, 0});
    if (maxBlockFrames < 1 || maxBlockFrames > kMaxBlockFrames)
        return fail(
            SP_ERROR_INVALID_ARGUMENT,
            {"maximum block of " + std::to_string(maxBlockFrames) + " frames is outside 1..65536",
             {},
             0,
             0});
    if (channelsOf(layout) == 0)
        return fail(
            SP_ERROR_INVALID_ARGUMENT,
            {"unknown channel layout " + std::to_string(static_cast<int>(layout)), {}, 0, 0});

    const Device device{sampleRate, maxBlockFrames, layout};
    Started started;
    const std::int64_t position = pending_.at(sampleRate);
    if (session_) started = startEngine(session_->program, device, position, hapticValues());
    device_ = device;
    if (!started.empty()) {
        pending_ = {};
        commit(std::move(started), position);
    }
    return succeed();
}

sp_result EmbeddedEngine::install(LoadResult loaded, const SavedState* restore) {
    if (auto* failure = std::get_if<LoadFailure>(&loaded))
        return fail(failure->code, failure->details);
    auto& source = std::get<SessionSource>(loaded);

    std::array<double, kLayerCount> sessionDb{}, layerDb{};
    for (std::size_t i = 0; i < kLayerParameters.size(); ++i) {
        sessionDb[i] = source.program->sound.volumes.*kLayerParameters[i].volume;
        layerDb[i] = restore && restore->layersDb[i] ? *restore->layersDb[i] : sessionDb[i];
    }
    const StartPoint start =
        restore ? StartPoint{restore->sampleRate, restore->position} : StartPoint{};
    HapticValues haptics = hapticValues();
    if (restore)
        for (std::size_t i = 0; i < haptics.size(); ++i)
            if (restore->haptics[i]) haptics[i] = *restore->haptics[i];
    Started started;
    const std::int64_t position = device_ ? start.at(device_->sampleRate) : 0;
    if (device_) started = startEngine(source.program, *device_, position, haptics);

    // Nothing below throws: the new session replaces the old one whole.
    session_ = std::move(source);
    sessionLayerDb_ = sessionDb;
    for (std::size_t i = 0; i < layerDb.size(); ++i) layerDb_[i].store(layerDb[i]);
    paceBpm_.store(restore ? restore->paceBpm : 0.0);
    pattern_.store(0.0);
    for (std::size_t i = 0; i < haptics.size(); ++i) haptics_[i].store(haptics[i]);
    loaded_.store(true);
    pending_ = started.empty() ? start : StartPoint{};
    if (!started.empty()) commit(std::move(started), position);
    return succeed();
}

EmbeddedEngine::HapticValues EmbeddedEngine::hapticValues() const noexcept {
    HapticValues values{};
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = haptics_[i].load();
    return values;
}

void EmbeddedEngine::applyListenerChoices() noexcept {
    Engine* engine = live_.load();
    if (engine == nullptr) return;  // the one taken later gets them then
    const HapticValues v = hapticValues();
    engine->setHaptics(v[0] != 0.0, v[1]);
    engine->setHapticActuator(actuatorSignal(v[2]));
    engine->setWaitAtCheckins(waitAtCheckins_.load());
}

EmbeddedEngine::Started EmbeddedEngine::startEngine(const std::shared_ptr<const Program>& program,
                                                    const Device& device, std::int64_t position,
                                                    const HapticValues& haptics) {
    EngineConfig config;
    config.sampleRate = device.sampleRate;
    config.maxBlockFrames = device.maxBlockFrames;
    config.channels = device.layout == SP_LAYOUT_MONO ? 1 : 2;  // the haptic channel is extra
    // Only the stereo + haptic layout has the haptic track (and its events).
    config.haptics.signal =
        device.layout == SP_LAYOUT_STEREO_HAPTIC ? actuatorSignal(haptics[2]) : HapticSignal::None;
    config.haptics.enabled = haptics[0] != 0.0;
    config.haptics.intensityCap = haptics[1];

    // The voice is made for the device's rate on the library's worker, in
    // hearing order (from the disk cache when it is there).
    PreparationSettings preparing;
    preparing.engine = config;
    preparing.narration.sampleRate = device.sampleRate;
    Started started;
    if (position > 0) {
        // Built on that worker once the lines reach the saved position.
        started.midSession = std::make_unique<MidSessionStart>(*program, preparing, position);
        return started;
    }
    started.engine = std::make_unique<Engine>();
    started.preparation = std::make_unique<SessionPreparation>(*program, preparing);
    Engine& engine = *started.engine;
    SessionPreparation& preparation = *started.preparation;
    engine.load(preparation.initialProgram());
    config.calibrateLoudness = false;  // the worker measures; silence until its first gains
    config.holdForLoudnessGains = true;
    engine.prepare(config);
    preparation.startFeeding(engine);
    return started;
}

void EmbeddedEngine::commit(Started started, std::int64_t position) noexcept {
    // Their workers feed the engines about to go; nothing plays during a control call.
    preparation_.reset();
    midSession_.reset();
    engine_ = std::move(started.engine);
    preparation_ = std::move(started.preparation);
    midSession_ = std::move(started.midSession);
    live_.store(engine_.get());
    try {
        layOutTimeline();
    } catch (...) {
        timeline_ = {};  // out of memory: no timeline rather than no session
    }
    clock_.restart(position);
    follow_.restart(session_ ? session_->program : nullptr, device_ ? device_->sampleRate : 0.0);
    followCarried_.reset();
    events_.clear();  // the old engine's; nobody polls during a control call
    commands_.clear();
    carried_.reset();
    fadeLength_ = fadeDone_ = 0;
    // The engine starts at the session's own values: send the ones that differ.
    for (std::size_t i = 0; i < kLayerParameters.size(); ++i) {
        const double db = layerDb_[i].load();
        if (db != sessionLayerDb_[i])
            commands_.tryPush({CommandType::SetLayerGain, static_cast<int>(i), db});
    }
    if (const double pace = paceBpm_.load(); pace != 0.0)
        commands_.tryPush({CommandType::SetPace, 0, pace});
    if (const double pattern = pattern_.load(); pattern != 0.0)
        commands_.tryPush({CommandType::SetPattern, static_cast<int>(pattern), 0.0});
    applyListenerChoices();
    if (engine_) {
        publish(*engine_);
    } else {  // it waits at the saved position
        played_.store(position);
        length_.store(timeline_.lengthFrames());
        sessionPosition_.store(position);
    }
}

sp_result EmbeddedEngine::getState(std::string& state) const {
    if (!session_) return SP_ERROR_NO_SESSION;
    SavedState saved;
    if (hasEngine()) {
        saved.sampleRate = device_->sampleRate;
        saved.position = sessionPosition_.load();
    } else {
        saved.sampleRate = pending_.sampleRate;
        saved.position = pending_.position;
    }
    for (std::size_t i = 0; i < layerDb_.size(); ++i) saved.layersDb[i] = layerDb_[i].load();
    saved.paceBpm = paceBpm_.load();
    for (std::size_t i = 0; i < haptics_.size(); ++i) saved.haptics[i] = haptics_[i].load();
    saved.name = session_->name;
    saved.sessionText = session_->text;
    state = formatState(saved);
    return SP_OK;
}

sp_result EmbeddedEngine::setState(std::string_view state) {
    const StateParse parsed = parseState(state);
    if (!parsed.state) return fail(SP_ERROR_INVALID_STATE, {parsed.problem, {}, 0, 0});
    return install(loadSessionText(parsed.state->sessionText, parsed.state->name, resonanceBpm_),
                   &*parsed.state);
}

sp_result EmbeddedEngine::fail(sp_result code, ErrorDetails details) {
    error_ = std::move(details);
    return code;
}

sp_result EmbeddedEngine::succeed() noexcept {
    error_ = {};
    return SP_OK;
}

// ---- Real-time ------------------------------------------------------------

sp_result EmbeddedEngine::readiness() const noexcept {
    if (!device_) return SP_ERROR_NOT_PREPARED;
    if (!hasEngine()) return SP_ERROR_NO_SESSION;
    return SP_OK;
}

sp_result EmbeddedEngine::process(float* const* outputs, int channels, int frames) noexcept {
    if (frames < 0 || channels < 1) return SP_ERROR_INVALID_ARGUMENT;
    for (int c = 0; c < channels; ++c)
        if (outputs[c] == nullptr) return SP_ERROR_NULL_POINTER;
    sp_result result = readiness();
    if (result == SP_OK && channels != channelsOf(device_->layout))
        result = SP_ERROR_CHANNEL_MISMATCH;
    if (result == SP_OK && frames > device_->maxBlockFrames) result = SP_ERROR_BLOCK_TOO_LARGE;
    if (result != SP_OK) {
        fillSilence(outputs, channels, frames);
        return result;
    }

    Engine* engine = live_.load(std::memory_order_relaxed);  // this thread's or the control's
    if (engine == nullptr && (engine = midSession_->take()) != nullptr) startPlaying(*engine);
    if (engine == nullptr) {  // waiting for the lines up to the saved position
        fillSilence(outputs, channels, frames);
        return SP_OK;
    }

    passCommands(*engine);
    // Detached, the follow still hands a pace it set back (then has nothing to pass).
    const bool following = heart_.load(std::memory_order_relaxed) != nullptr;
    passFollow(*engine, following);
    engine->process(outputs, frames);  // the stereo + haptic layout's third channel too
    if (fadeDone_ < fadeLength_) fadeIn(outputs, channels, frames);

    Event event;
    while (engine->popEvent(event)) {
        clock_.observe(event);
        if (following) follow_.offer(event);
        events_.tryPush(event);  // full: the app is not polling; drop rather than wait
    }
    clock_.advanceTo(engine->position());
    publish(*engine);
    return SP_OK;
}

void EmbeddedEngine::startPlaying(Engine& engine) noexcept {
    live_.store(&engine);  // before reading the choices: a change now reaches it either way
    applyListenerChoices();
    // A session resumed mid-way fades in as a session starts: never a cut
    // into the middle of it, whether or not silence came first.
    fadeLength_ = std::llround(kSessionFadeInSeconds * device_->sampleRate);
    fadeDone_ = 0;
}

void EmbeddedEngine::passCommands(Engine& engine) noexcept {
    if (carried_) {
        if (!engine.pushCommand(*carried_)) return;
        carried_.reset();
    }
    Command command;
    while (commands_.tryPop(command))
        if (!engine.pushCommand(command)) {
            carried_ = command;  // its queue is full (it holds for its gains): next block
            return;
        }
}

void EmbeddedEngine::fadeIn(float* const* outputs, int channels, int frames) noexcept {
    // Sample k of the engine's output along the one fade curve at (k + 1) / length:
    // whole from the length on.
    for (int i = 0; i < frames && fadeDone_ < fadeLength_; ++i) {
        ++fadeDone_;
        const auto gain = static_cast<float>(
            risingFadeGain(static_cast<double>(fadeDone_) / static_cast<double>(fadeLength_)));
        for (int c = 0; c < channels; ++c) outputs[c][i] *= gain;
    }
}

void EmbeddedEngine::passFollow(Engine& engine, bool following) noexcept {
    if (following && follow_.takeCatchUp())  // attached mid-way
        heart::eventsWhereItStands(engine.state(), [this](const Event& e) { follow_.offer(e); });
    if (!followCarried_) followCarried_ = follow_.takeCommand();
    // A pace the listener set (SP_COMMAND_PACE) is theirs: the heart's is not sent while it stands.
    if (followCarried_ && paceBpm_.load() != 0.0) followCarried_.reset();
    if (followCarried_ && engine.pushCommand(*followCarried_)) followCarried_.reset();
}

void EmbeddedEngine::publish(const Engine& engine) noexcept {
    played_.store(engine.position());
    length_.store(engine.lengthFrames());
    sessionPosition_.store(clock_.position());
}

sp_result EmbeddedEngine::command(sp_command_type command, double value) noexcept {
    if (command == SP_COMMAND_PACE) return setParameter(SP_PARAM_PACE_BPM, value);
    if (command == SP_COMMAND_PATTERN) return setParameter(SP_PARAM_PATTERN, value);
    const auto type = toCommandType(command);
    if (!type) return SP_ERROR_INVALID_ARGUMENT;
    if (const sp_result ready = readiness(); ready != SP_OK) return ready;
    return commands_.tryPush({*type, 0, 0.0}) ? SP_OK : SP_ERROR_QUEUE_FULL;
}

sp_result EmbeddedEngine::setParameter(sp_param param, double value) noexcept {
    if (!isKnownParameter(param)) return SP_ERROR_INVALID_ARGUMENT;
    if (!loaded_.load()) return SP_ERROR_NO_SESSION;
    if (!isValidParameterValue(param, value)) return SP_ERROR_INVALID_ARGUMENT;
    if (isHapticParameter(param)) {
        // Atomics the engine reads at each block: no queue, never full.
        for (std::size_t i = 0; i < kHapticStateKeys.size(); ++i)
            if (kHapticStateKeys[i].param == param) haptics_[i].store(value);
        applyListenerChoices();
        return SP_OK;
    }
    if (param == SP_PARAM_WAIT_AT_CHECKINS) {
        waitAtCheckins_.store(value != 0.0);
        applyListenerChoices();
        return SP_OK;
    }
    const auto layer = layerOf(param);
    const Command command =
        layer ? Command{CommandType::SetLayerGain, static_cast<int>(*layer), value}
        : param == SP_PARAM_PATTERN ? Command{CommandType::SetPattern, static_cast<int>(value), 0.0}
                                    : Command{CommandType::SetPace, 0, value};
    // Before prepare the value waits; prepare sends it.
    if (hasEngine() && !commands_.tryPush(command)) return SP_ERROR_QUEUE_FULL;
    if (layer)
        layerDb_[static_cast<std::size_t>(*layer)].store(value);
    else
        (param == SP_PARAM_PATTERN ? pattern_ : paceBpm_).store(value);
    return SP_OK;
}

sp_result EmbeddedEngine::getParameter(sp_param param, double& value) const noexcept {
    if (!isKnownParameter(param)) return SP_ERROR_INVALID_ARGUMENT;
    if (!loaded_.load()) return SP_ERROR_NO_SESSION;
    const auto layer = layerOf(param);
    for (std::size_t i = 0; i < kHapticStateKeys.size(); ++i)
        if (kHapticStateKeys[i].param == param) {
            value = haptics_[i].load();
            return SP_OK;
        }
    if (param == SP_PARAM_WAIT_AT_CHECKINS) {
        value = waitAtCheckins_.load() ? 1.0 : 0.0;
        return SP_OK;
    }
    value = layer                       ? layerDb_[static_cast<std::size_t>(*layer)].load()
            : param == SP_PARAM_PATTERN ? pattern_.load()
                                        : paceBpm_.load();
    return SP_OK;
}

sp_result EmbeddedEngine::pollEvent(sp_event& event) noexcept {
    Event e;
    if (!events_.tryPop(e)) return SP_NO_EVENT;
    event = toCEvent(e);
    return SP_OK;
}

sp_result EmbeddedEngine::status(sp_status& status) const noexcept {
    if (status.struct_size < kStatusHeaderBytes) return SP_ERROR_INVALID_ARGUMENT;
    const Engine* engine = live_.load();
    if (engine == nullptr && midSession_ && device_ && session_) {
        waitingStatus(status);
        return SP_OK;
    }
    if (engine == nullptr || !engine->program()) return SP_ERROR_NOT_PREPARED;
    SessionState state = engine->state();
    overlayHeart(state);
    fillStatus(state, *engine->program(), status);
    return SP_OK;
}

void EmbeddedEngine::overlayHeart(SessionState& state) const noexcept {
    // The C API analyses no heart of its own and no thread of its own could
    // give it to the engine: an attached sp_heart's figures, as its partner
    // app's thread last updated them, are read into the state here.
    if (const sp_heart* heart = heart_.load())
        state.heart = heart::sessionHeart(heart->monitor.state(), follow_.followedBpm());
}

void EmbeddedEngine::waitingStatus(sp_status& status) const noexcept {
    // Not begun: the saved position, no section or line yet, its lines on their way.
    SessionState state;
    state.generation = 1;
    state.sampleRate = device_->sampleRate;
    state.outputSample = state.sessionSample = midSession_->position();
    state.endSample = length_.load();
    state.remainingFrames = std::max<std::int64_t>(state.endSample - state.sessionSample, 0);
    state.remainingAtLeast = true;  // by as long as the wait lasts
    const PreparationProgress progress = midSession_->preparation().progress();
    state.linesReady = progress.linesReady;
    state.linesTotal = progress.linesTotal;
    state.preparing = progress.linesReady < progress.linesTotal;
    state.waitingForNarration = true;
    overlayHeart(state);
    fillStatus(state, *session_->program, status);
}

const SessionPreparation* EmbeddedEngine::activePreparation() const noexcept {
    if (preparation_) return preparation_.get();
    return midSession_ ? &midSession_->preparation() : nullptr;
}

void EmbeddedEngine::layOutTimeline() {
    // Once its lines are made, every line at its voice's own time; before,
    // the session as planned (estimated lengths; its lines come with the voice).
    const SessionPreparation* preparing = activePreparation();
    const bool narrated = preparing && preparing->progress().phase == PreparationPhase::Ready;
    const Program* program = engine_ ? engine_->program().get() : nullptr;
    if (narrated)
        program = preparing->finalProgram().get();
    else if (preparing && session_)
        program = session_->program.get();
    timeline_ = program && device_ ? CTimeline(*program, device_->sampleRate) : CTimeline();
}

sp_result EmbeddedEngine::preparation(int& ready, int& total) {
    ready = total = 0;
    const SessionPreparation* preparing = activePreparation();
    if (!preparing) return succeed();
    const PreparationProgress progress = preparing->progress();
    ready = progress.linesReady;
    total = progress.linesTotal;
    if (progress.phase == PreparationPhase::Failed)
        return fail(SP_ERROR_NARRATION, {preparing->report().error, {}, 0, 0});
    return succeed();
}

sp_result EmbeddedEngine::waitForPreparation() {
    if (preparation_) {
        preparation_->wait();
        layOutTimeline();
    }
    if (midSession_) {
        midSession_->waitExact();  // an engine not yet playing is built exact
        layOutTimeline();
    }
    // The engine takes the last version at its next block; its length is known now.
    if (preparation_ && device_ && preparation_->finalProgram() && played_.load() == 0)
        length_.store(plannedSessionLength(*preparation_->finalProgram(), device_->sampleRate));
    int ready = 0, total = 0;
    return preparation(ready, total);
}

void EmbeddedEngine::position(std::int64_t& played, std::int64_t& length) const noexcept {
    played = played_.load();
    length = length_.load();
}

}  // namespace stillpoint::capi
