#include "stillpoint/engine.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <vector>

#include "dsp/denormal_guard.hpp"
#include "dsp/sample_guard.hpp"
#include "dsp/true_peak_limiter.hpp"
#include "graph/loudness_analysis.hpp"
#include "graph/mix_graph.hpp"
#include "graph/sequencer.hpp"
#include "haptics/haptic_output.hpp"
#include "stillpoint/seqlock_value.hpp"
#include "stillpoint/wait_free_spsc_queue.hpp"

namespace stillpoint {
namespace {

class QueueEventSink final : public EventSink {
  public:
    QueueEventSink(rt::WaitFreeSpscQueue<Event, 4096>& queue,
                   const haptics::HapticEnvelope& haptics)
        : queue_(queue), haptics_(haptics) {}
    void emit(const Event& event) noexcept override {
        if (event.sessionSample < silentBefore_) return;
        push(event);
        // The graph taps at the same cues; the event says so, for apps that
        // drive their own haptics.
        if (event.type != EventType::PhaseChanged && event.type != EventType::BellStruck) return;
        if (const float strength = haptics_.tapStrength(); strength > 0.0f) {
            Event tap = event;
            tap.type = EventType::HapticTap;
            tap.index =
                static_cast<int>(event.type == EventType::BellStruck ? HapticTapCause::Bell
                                                                     : HapticTapCause::PhaseChange);
            tap.value = strength;
            push(tap);
        }
    }
    /// Events before this session sample are not reported (a seek passes them silently).
    void silenceBefore(std::int64_t sessionSample) noexcept { silentBefore_ = sessionSample; }
    long dropped() const noexcept { return dropped_; }

  private:
    void push(const Event& event) noexcept {
        if (!queue_.tryPush(event)) ++dropped_;
    }
    rt::WaitFreeSpscQueue<Event, 4096>& queue_;
    const haptics::HapticEnvelope& haptics_;
    long dropped_ = 0;
    std::int64_t silentBefore_ = 0;
};

/// A program version the audio thread may use, with its planned length.
struct ProgramVersion {
    std::shared_ptr<const Program> program;
    std::int64_t plannedLength = 0;
};
// Versions handed back and not yet released: at most one per version given,
// and the giver releases them before it gives the next.
constexpr std::size_t kRetiredVersions = 16;
// How long a hold or a wait carries the projected end forward before walking
// the plan again (a walk is the rest of the session; a block can be 64 frames).
constexpr double kReprojectSeconds = 0.05;

double gainOf(double db) {
    return std::pow(10.0, db / 20.0);
}

}  // namespace

struct Engine::Impl {
    std::shared_ptr<const Program> program;
    EngineConfig config;
    MixGraph graph;
    Sequencer sequencer;
    dsp::TruePeakLimiter limiter;
    std::vector<float> busLeft, busRight;
    CommandQueue commands;
    rt::WaitFreeSpscQueue<Event, 4096> events;
    QueueEventSink sink{events, graph.haptics()};
    haptics::HapticOutput hapticOut;
    // The listener's haptic choices, from any thread; applied at each block.
    std::atomic<bool> hapticsEnabled{true};
    std::atomic<double> hapticCap{1.0};
    std::atomic<HapticSignal> hapticActuator{HapticSignal::Lra};
    std::atomic<bool> waitAtCheckins{false};
    std::atomic<float> hapticIntensity{0.0f};
    float masterGain = 1.0f;
    double calibrationDb = 0.0;
    double voiceGainDb = 0.0;
    // Program versions: the giving side keeps every one the audio thread may
    // use alive (`held`); the newest waits in `mailbox` (a newer one replaces
    // it untaken), and the audio thread hands each one it leaves back through `retired`.
    std::vector<std::unique_ptr<ProgramVersion>> held;
    std::atomic<ProgramVersion*> mailbox{nullptr};
    rt::WaitFreeSpscQueue<ProgramVersion*, kRetiredVersions> retired;
    ProgramVersion* playingVersion = nullptr;  // audio thread
    const Program* playing = nullptr;

    void release(const ProgramVersion* version) {
        std::erase_if(held, [version](const auto& kept) { return kept.get() == version; });
    }
    // Gains given from elsewhere (setLoudnessGains): targets from any thread;
    // the audio thread's current ones glide to them.
    std::atomic<double> masterTargetDb{0.0}, voiceTrimTargetDb{0.0};
    std::atomic<bool> gainsGiven{false};
    double masterNowDb = 0.0, voiceTrimNowDb = 0.0;
    bool sounding = false;  // holdForLoudnessGains: the session has begun
    std::atomic<std::int64_t> narrationWaitPublished{0};
    bool prepared = false;
    // Samples the output guard repaired: counted on the audio thread, published after each block.
    std::uint64_t repaired = 0;
    std::atomic<std::uint64_t> repairedPublished{0};

    // The session state: published after each block (and after a rewind).
    rt::SeqlockValue<SessionState> state;
    std::uint64_t generation = 0;
    Sequencer::Projection projection;
    bool planStale =
        true;  // a command (or the checkin rule) changed the plan since it was projected
    bool projectedWaitAtCheckins = false;
    int projectedSection = -1;
    std::int64_t projectedAtClock = 0;  ///< the session clock the projection was walked at
    std::int64_t projectedSectionStart = 0;
    // The heart's figures, from the thread that analyses it.
    SessionHeartCell heart;
    // Preparation progress, from the thread that prepares the narration.
    std::atomic<int> linesReady{0};
    std::atomic<int> linesTotal{0};

    /// Audio thread (or the control thread while process() cannot run).
    void publishState() noexcept {
        SessionState s;
        sequencer.describe(s);
        // The plan only changes with a command or the checkin rule; a hold or a
        // waiting checkin moves its end with every block (as if released now).
        const bool waitRule = sequencer.waitsAtCheckins();
        // A new section needs its own end.
        const bool newSection =
            s.section != projectedSection || s.sectionStart != projectedSectionStart;
        // While it holds or waits, the end moves with the clock; the plan is
        // walked again every kReprojectSeconds, not at every block (a walk
        // covers the rest of the session; a block can be 64 frames). In
        // between, a waiting checkin's end is carried forward frame for frame
        // (it goes on the moment Continue comes: exact), and a hold keeps the
        // last walk's end (a released breath ends on a whole breath, so its
        // end moves in steps; the older end is still a lower bound, which is
        // what a hold's remaining time promises).
        const bool endMovesWithClock = s.holding || s.waitingForContinue;
        const bool walkedLongAgo = s.sessionSample - projectedAtClock >=
                                   static_cast<std::int64_t>(kReprojectSeconds * config.sampleRate);
        if (planStale || newSection || waitRule != projectedWaitAtCheckins ||
            (endMovesWithClock && walkedLongAgo)) {
            projection = sequencer.project();
            projectedAtClock = s.sessionSample;
            planStale = false;
            projectedWaitAtCheckins = waitRule;
            projectedSection = s.section;
            projectedSectionStart = s.sectionStart;
        }
        const std::int64_t carried =
            s.waitingForContinue && !s.holding ? s.sessionSample - projectedAtClock : 0;
        s.generation = ++generation;
        s.sampleRate = config.sampleRate;
        s.outputSample = sequencer.outputPosition() - limiter.latencyFrames();
        s.endSample = s.finished ? s.sessionSample : projection.finishClock + carried;
        s.remainingFrames = std::max<std::int64_t>(0, s.endSample - s.sessionSample);
        s.remainingAtLeast = !s.finished && projection.atLeast;
        s.sectionLength =
            std::max<std::int64_t>(0, projection.sectionEndClock + carried - s.sectionStart);
        if (s.section >= 0)
            copyName(program->sections[static_cast<std::size_t>(s.section)].name, s.sectionName);
        state.publish(s);
    }

    /// A name cut to fit, never inside a UTF-8 character.
    static void copyName(const std::string& name, char (&to)[kSessionStateNameBytes]) noexcept {
        std::size_t n = std::min(name.size(), sizeof to - 1);
        if (n < name.size())
            while (n > 0 && (static_cast<unsigned char>(name[n]) & 0xC0u) == 0x80u) --n;
        std::memcpy(to, name.data(), n);
        to[n] = '\0';
    }

    // Back to the start, then silently on to `sessionSample`. The limiter
    // looks ahead, so the graph always runs that far ahead of the output:
    // output sample n is session sample n, and events line up exactly.
    void rewindTo(std::int64_t sessionSample) {
        graph.reset();
        sequencer.reset();
        limiter.reset();
        hapticOut.reset();
        events.clear();
        // Holding for the gains: the look-ahead is filled when they come, at their level.
        if (sessionSample == 0 && config.holdForLoudnessGains) return;
        renderAhead(sessionSample);
    }

    /// Silently from the session clock's position on to `sessionSample` plus
    /// the look-ahead. Real-time safe: at most a block's work for 0.
    void renderAhead(std::int64_t sessionSample) noexcept {
        sink.silenceBefore(sessionSample);
        // The way there sounds as a render does: checkins take their set time.
        sequencer.setWaitAtCheckins(false);
        rt::ScopedDenormalsOff denormalsOff;
        const std::int64_t target = sessionSample + limiter.latencyFrames();
        while (sequencer.sessionPosition() < target && !sequencer.finished()) {
            const auto n = static_cast<int>(std::min<std::int64_t>(
                config.maxBlockFrames, target - sequencer.sessionPosition()));
            renderBlock(nullptr, n);
        }
        sink.silenceBefore(0);
        generation = 0;
        planStale = true;
        publishState();
    }

    void renderBlock(float* const* out, int frames) noexcept {
        float* bus[2] = {busLeft.data(), busRight.data()};
        auto& haptics = graph.haptics();
        haptics.beginBlock();
        sequencer.render(graph, bus[0], bus[1], frames, sink);
        if (haptics.on())
            hapticOut.process(haptics.block(), haptics.written(),
                              out != nullptr ? out[config.channels] : nullptr, frames);
        for (int i = 0; i < frames; ++i) {
            bus[0][i] *= masterGain;
            bus[1][i] *= masterGain;
        }
        limiter.process(bus, frames);
        if (out == nullptr) return;
        if (config.channels == 1) {
            for (int i = 0; i < frames; ++i) out[0][i] = 0.5f * (bus[0][i] + bus[1][i]);
        } else {
            std::copy(bus[0], bus[0] + frames, out[0]);
            std::copy(bus[1], bus[1] + frames, out[1]);
        }
        guardOutput(out, frames);
    }

    /// The last step before every sink (a file, a device, a plugin host, a
    /// C API buffer): whatever went wrong upstream, each output sample is
    /// finite and within full scale, the haptic channel's too.
    void guardOutput(float* const* out, int frames) noexcept {
        const int outputs = config.channels + (out[config.channels] != nullptr ? 1 : 0);
        for (int c = 0; c < outputs; ++c)
            repaired += static_cast<std::uint64_t>(dsp::guardSamples(out[c], frames));
    }
};

Engine::Engine() : impl_(std::make_unique<Impl>()) {}
Engine::~Engine() = default;

void Engine::load(std::shared_ptr<const Program> program) {
    auto& m = *impl_;
    m.program = std::move(program);
    m.prepared = false;
    m.mailbox.store(nullptr);
    ProgramVersion* gone = nullptr;
    while (m.retired.tryPop(gone)) {
    }
    m.held.clear();
    m.held.push_back(std::make_unique<ProgramVersion>(ProgramVersion{m.program, 0}));
    m.playingVersion = m.held.back().get();
    m.playing = m.program.get();
}

bool Engine::updateProgram(std::shared_ptr<const Program> program) {
    auto& m = *impl_;
    ProgramVersion* gone = nullptr;
    while (m.retired.tryPop(gone)) m.release(gone);
    if (!program) return false;
    const std::int64_t planned = plannedSessionFrames(*program, m.config.sampleRate);
    m.held.push_back(std::make_unique<ProgramVersion>(ProgramVersion{std::move(program), planned}));
    // An older one still waiting was never taken: the audio thread cannot reach it any more.
    if (ProgramVersion* untaken =
            m.mailbox.exchange(m.held.back().get(), std::memory_order_acq_rel))
        m.release(untaken);
    return true;
}

void Engine::setLoudnessGains(double masterGainDb, double voiceTrimDb) noexcept {
    auto& m = *impl_;
    if (!std::isfinite(masterGainDb) || !std::isfinite(voiceTrimDb)) return;
    m.masterTargetDb.store(std::clamp(masterGainDb, kMaxCalibrationCutDb, kMaxCalibrationBoostDb),
                           std::memory_order_relaxed);
    m.voiceTrimTargetDb.store(std::clamp(voiceTrimDb, 0.0, kMaxCalibrationBoostDb),
                              std::memory_order_relaxed);
    m.gainsGiven.store(true, std::memory_order_release);
}

void Engine::prepare(const EngineConfig& config) {
    auto& m = *impl_;
    m.config = config;
    m.config.channels = std::clamp(config.channels, 1, 2);
    m.config.maxBlockFrames = std::max(config.maxBlockFrames, 1);
    m.prepared = false;
    if (!m.program) return;

    Calibration calibration;
    if (config.calibrateLoudness) {
        calibration =
            calibrateProgram(*m.program, m.config, kMaxCalibrationCutDb, kMaxCalibrationBoostDb);
    } else {
        calibration.masterGainDb = m.masterTargetDb.load(std::memory_order_relaxed);
        calibration.voiceTrimDb = m.voiceTrimTargetDb.load(std::memory_order_relaxed);
    }
    m.masterNowDb = calibration.masterGainDb;
    m.voiceTrimNowDb = calibration.voiceTrimDb;
    m.sounding = false;
    m.narrationWaitPublished.store(0);
    m.calibrationDb = calibration.masterGainDb;
    m.voiceGainDb = calibration.masterGainDb + calibration.voiceTrimDb;
    m.masterGain = static_cast<float>(std::pow(10.0, m.calibrationDb / 20.0));

    const auto frames = static_cast<std::size_t>(m.config.maxBlockFrames);
    m.busLeft.assign(frames, 0.0f);
    m.busRight.assign(frames, 0.0f);
    m.graph.prepare(m.program->sound, config.sampleRate, m.config.maxBlockFrames);
    m.graph.setVoiceTrim(static_cast<float>(std::pow(10.0, calibration.voiceTrimDb / 20.0)));
    m.sequencer.prepare(*m.playing, config.sampleRate, m.config.maxBlockFrames);
    m.limiter.prepare(config.sampleRate, 2, config.truePeakCeilingDb, m.config.maxBlockFrames);
    m.graph.haptics().configure(config.haptics);
    m.hapticOut.prepare(config.sampleRate, m.limiter.latencyFrames(), config.haptics.signal);
    m.hapticsEnabled.store(config.haptics.enabled);
    m.hapticCap.store(config.haptics.intensityCap);
    m.hapticActuator.store(config.haptics.signal);
    m.waitAtCheckins.store(config.waitAtCheckins);
    m.repaired = 0;
    m.repairedPublished.store(0);
    m.commands.clear();

    m.rewindTo(0);
    m.prepared = true;
}

void Engine::seek(std::int64_t sessionSample) {
    if (impl_->prepared) impl_->rewindTo(std::max<std::int64_t>(sessionSample, 0));
}

void Engine::process(float* const* out, int frames) noexcept {
    auto& m = *impl_;
    const int outputs = outputChannels();
    takeProgramUpdates();
    if (!m.prepared || !followLoudnessGains(frames)) {
        for (int c = 0; c < outputs; ++c) std::fill(out[c], out[c] + frames, 0.0f);
        return;
    }
    rt::ScopedDenormalsOff denormalsOff;
    Command command;
    while (m.commands.tryPop(command)) {
        m.sequencer.apply(command, m.graph, m.sink);
        m.planStale = true;
    }
    m.graph.haptics().setLevel(m.hapticsEnabled.load(std::memory_order_relaxed),
                               m.hapticCap.load(std::memory_order_relaxed));
    m.hapticOut.setActuator(m.hapticActuator.load(std::memory_order_relaxed));
    m.sequencer.setWaitAtCheckins(m.waitAtCheckins.load(std::memory_order_relaxed));

    for (int done = 0; done < frames;) {
        const int n = std::min(frames - done, m.config.maxBlockFrames);
        float* channels[3] = {nullptr, nullptr, nullptr};
        for (int c = 0; c < outputs; ++c) channels[c] = out[c] + done;
        m.renderBlock(channels, n);
        done += n;
    }
    m.hapticIntensity.store(m.hapticOut.lastIntensity(), std::memory_order_relaxed);
    m.repairedPublished.store(m.repaired, std::memory_order_relaxed);
    m.narrationWaitPublished.store(m.sequencer.narrationWaitFrames(), std::memory_order_relaxed);
    m.publishState();
}

SessionState Engine::state() const noexcept {
    SessionState s = impl_->state.read();
    s.linesReady = impl_->linesReady.load(std::memory_order_relaxed);
    s.linesTotal = impl_->linesTotal.load(std::memory_order_relaxed);
    s.preparing = s.linesReady < s.linesTotal;
    s.heart = impl_->heart.read();
    return s;
}

void Engine::setHeart(const SessionHeart& heart) noexcept {
    impl_->heart.publish(heart);
}

void Engine::setPreparationProgress(int linesReady, int linesTotal) noexcept {
    impl_->linesTotal.store(std::max(linesTotal, 0), std::memory_order_relaxed);
    impl_->linesReady.store(std::clamp(linesReady, 0, std::max(linesTotal, 0)),
                            std::memory_order_relaxed);
}

void Engine::takeProgramUpdates() noexcept {
    auto& m = *impl_;
    ProgramVersion* newer = m.mailbox.exchange(nullptr, std::memory_order_acq_rel);
    if (newer == nullptr) return;
    // Never full: one version back for each one given, released before the next is.
    if (m.playingVersion != nullptr) (void)m.retired.tryPush(m.playingVersion);
    m.playingVersion = newer;
    m.playing = newer->program.get();
    m.sequencer.updateProgram(*m.playing, newer->plannedLength);
    m.planStale = true;  // the steps ahead are timed to their real lines now
}

bool Engine::followLoudnessGains(int frames) noexcept {
    auto& m = *impl_;
    const bool given = m.gainsGiven.load(std::memory_order_acquire);
    if (m.config.holdForLoudnessGains && !given) return false;
    if (!given) return true;
    const double masterDb = m.masterTargetDb.load(std::memory_order_relaxed);
    const double trimDb = m.voiceTrimTargetDb.load(std::memory_order_relaxed);
    if (m.config.holdForLoudnessGains && !m.sounding) {
        // Nothing has sounded yet: the first gains hold from the first sample,
        // the look-ahead too, as in a prepare() that measured them.
        m.masterNowDb = masterDb;
        m.voiceTrimNowDb = trimDb;
        m.masterGain = static_cast<float>(gainOf(m.masterNowDb));
        m.graph.setVoiceTrim(static_cast<float>(gainOf(m.voiceTrimNowDb)));
        m.renderAhead(0);
    } else {
        const double most = kLoudnessGlideDbPerSecond * frames / m.config.sampleRate;
        m.masterNowDb += std::clamp(masterDb - m.masterNowDb, -most, most);
        m.voiceTrimNowDb += std::clamp(trimDb - m.voiceTrimNowDb, -most, most);
    }
    m.sounding = true;
    m.masterGain = static_cast<float>(gainOf(m.masterNowDb));
    m.graph.setVoiceTrim(static_cast<float>(gainOf(m.voiceTrimNowDb)));
    return true;
}

void Engine::setHaptics(bool enabled, double intensityCap) noexcept {
    impl_->hapticCap.store(std::isfinite(intensityCap) ? std::clamp(intensityCap, 0.0, 1.0) : 0.0,
                           std::memory_order_relaxed);
    impl_->hapticsEnabled.store(enabled, std::memory_order_relaxed);
}
void Engine::setWaitAtCheckins(bool wait) noexcept {
    impl_->waitAtCheckins.store(wait, std::memory_order_relaxed);
}
void Engine::setHapticActuator(HapticSignal actuator) noexcept {
    impl_->hapticActuator.store(actuator, std::memory_order_relaxed);
}
float Engine::hapticIntensity() const noexcept {
    return impl_->hapticIntensity.load(std::memory_order_relaxed);
}
std::uint64_t Engine::repairedSamples() const noexcept {
    return impl_->repairedPublished.load(std::memory_order_relaxed);
}

bool Engine::pushCommand(const Command& command) noexcept {
    return impl_->commands.tryPush(command);
}
bool Engine::popEvent(Event& event) noexcept {
    return impl_->events.tryPop(event);
}

bool Engine::holdingForLoudnessGains() const noexcept {
    return impl_->prepared && impl_->config.holdForLoudnessGains && !impl_->sounding;
}

std::int64_t Engine::narrationWaitFrames() const noexcept {
    return impl_->narrationWaitPublished.load(std::memory_order_relaxed);
}

bool Engine::finished() const noexcept {
    return impl_->prepared && impl_->sequencer.finished() &&
           position() >= impl_->sequencer.finishSample();
}
std::int64_t Engine::position() const noexcept {
    // The graph runs the limiter's look-ahead ahead of what has been output
    // (not yet while an engine holds for its gains: it has not begun).
    return std::max<std::int64_t>(
        0, impl_->sequencer.outputPosition() - impl_->limiter.latencyFrames());
}
std::int64_t Engine::lookAheadFrames() const noexcept {
    return impl_->limiter.latencyFrames();
}
std::int64_t Engine::lengthFrames() const noexcept {
    return impl_->sequencer.finishSample();
}
double Engine::calibrationGainDb() const noexcept {
    return impl_->calibrationDb;
}
double Engine::voiceGainDb() const noexcept {
    return impl_->voiceGainDb;
}
const std::shared_ptr<const Program>& Engine::program() const noexcept {
    return impl_->program;
}
const EngineConfig& Engine::config() const noexcept {
    return impl_->config;
}
int Engine::outputChannels() const noexcept {
    return impl_->config.channels + (impl_->config.haptics.signal != HapticSignal::None ? 1 : 0);
}

}  // namespace stillpoint
