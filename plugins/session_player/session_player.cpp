#include "session_player.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

namespace stillpoint::plugin {

struct SessionPlayer::Built {
    std::shared_ptr<const Program> program;
    /// Feeds the engine while it is being prepared (null once built exact).
    std::shared_ptr<PlayerPreparation> preparation;
    std::unique_ptr<Engine> engine;
    std::int64_t start = 0;     ///< host sample of the engine's next frame
    std::uint64_t request = 0;  ///< the relocation request it answers
    std::uint64_t session = 0;  ///< the session generation it plays
    bool exact = false;         ///< the whole narrated session: sounds as a render

    ~Built() {
        if (preparation && engine) preparation->detach(*engine);
    }
};

namespace {

constexpr auto kWorkerPoll = std::chrono::milliseconds(2);
// Long enough to narrate a long session with an empty cache.
constexpr auto kOfflineWaitLimit = std::chrono::seconds(600);
constexpr double kMinLeadSeconds = 0.1;
constexpr double kMaxLeadSeconds = 30.0;

}  // namespace

SessionPlayer::SessionPlayer() : worker_([this] { workerLoop(); }) {}

SessionPlayer::~SessionPlayer() {
    {
        std::lock_guard lock(controlMutex_);
        quit_ = true;
    }
    quitting_.store(true);
    wake_.notify_one();
    worker_.join();
    delete ready_.exchange(nullptr);
    delete retired_.exchange(nullptr);
}

void SessionPlayer::prepare(double sampleRate) {
    std::uint64_t session = 0;
    bool hasProgram = false;
    {
        std::lock_guard lock(controlMutex_);
        if (active_ && sampleRate == sampleRate_ && active_->session == sessionGeneration_) return;
        sampleRate_ = sampleRate;
        rateKnown_ = true;
        session = ++sessionGeneration_;
        hasProgram = program_ != nullptr;
        // Freed on the worker: freeing a preparation waits for its current line.
        toFree_.push_back(std::move(active_));
        toFree_.push_back(std::move(outgoing_));
        toFree_.emplace_back(ready_.exchange(nullptr));
    }
    sessionWanted_.store(session);
    scratch_.assign(kChannels * static_cast<std::size_t>(kEngineBlockFrames), 0.0f);
    outgoingScratch_.assign(scratch_.size(), 0.0f);
    enterWithSessionFade_ = false;
    declickStep_ = static_cast<float>(1.0 / (kDeclickSeconds * sampleRate));
    declickRise_ = declickStep_;
    sessionFadeRise_ = static_cast<float>(1.0 / (kSessionFadeInSeconds * sampleRate));
    stopFadeFrames_ = static_cast<std::int64_t>(kStopFadeSeconds * sampleRate);
    declickGain_ = declickTarget_ = 1.0f;
    // An engine at the last host place, built on the worker; whatever the
    // worker builds now answers an older request and is dropped.
    pendingSession_ = session;
    mode_ = Mode::Relocating;
    if (hasProgram) requestRelocation(std::max<std::int64_t>(nextHost_, 0), false);
    engineGeneration_.fetch_add(1);
    wake_.notify_one();
}

void SessionPlayer::setProgram(std::shared_ptr<const Program> program) {
    std::uint64_t session = 0;
    {
        std::lock_guard lock(controlMutex_);
        hasProgram_.store(program != nullptr);
        program_ = std::move(program);
        session = ++sessionGeneration_;
    }
    sessionWanted_.store(session);
    wake_.notify_one();
}

std::shared_ptr<const Program> SessionPlayer::program() const {
    std::lock_guard lock(controlMutex_);
    return program_;
}

std::shared_ptr<const Program> SessionPlayer::narratedProgram() const {
    std::lock_guard lock(publishedMutex_);
    return published_ ? published_->latest() : nullptr;
}

std::shared_ptr<const Program> SessionPlayer::narrationOf(
    const std::shared_ptr<const Program>& planned) const {
    std::lock_guard lock(publishedMutex_);
    return published_ && planned && published_->planned() == planned ? published_->latest()
                                                                     : nullptr;
}

std::string SessionPlayer::narrationProblem() const {
    std::lock_guard lock(publishedMutex_);
    return published_ ? published_->problem() : std::string();
}

PreparationProgress SessionPlayer::preparationProgress() const {
    std::lock_guard lock(publishedMutex_);
    if (!published_) return {};
    PreparationProgress progress = published_->progress();
    // Ready once the player has settled on it too (its engines are built exact).
    if (progress.phase == PreparationPhase::Ready && !published_->settled())
        progress.phase = PreparationPhase::Calibrating;
    return progress;
}

bool SessionPlayer::waitUntilPrepared(std::chrono::milliseconds limit) {
    const auto giveUp = std::chrono::steady_clock::now() + limit;
    for (;;) {
        std::shared_ptr<const Program> program;
        double rate = 0.0;
        {
            std::lock_guard lock(controlMutex_);
            program = program_;
            rate = sampleRate_;
        }
        {
            std::lock_guard lock(publishedMutex_);
            if (!program || (published_ && published_->planned() == program &&
                             published_->sampleRate() == rate && published_->settled()))
                return true;
        }
        if (std::chrono::steady_clock::now() >= giveUp) return false;
        std::this_thread::sleep_for(kWorkerPoll);
    }
}

void SessionPlayer::followPreparation(const std::shared_ptr<const Program>& program, double rate) {
    if (!program || (preparation_ && preparation_->planned() == program &&
                     preparation_->sampleRate() == rate)) {
        if (preparation_) preparation_->settleIfDone();
        return;
    }
    EngineConfig config;
    config.sampleRate = rate;
    config.maxBlockFrames = kEngineBlockFrames;
    config.channels = 2;
    config.haptics.signal = HapticSignal::Lra;  // a third output: the Haptic bus
    config.haptics.enabled = hapticsWanted_.load();
    config.haptics.intensityCap = hapticCap_.load();
    auto next = std::make_shared<PlayerPreparation>(program, config);
    std::shared_ptr<PlayerPreparation> previous;
    {
        std::lock_guard lock(publishedMutex_);
        previous = std::exchange(published_, next);
    }
    preparation_ = std::move(next);
    // `previous` goes here, on the worker, unless an engine still plays from it.
}

std::unique_ptr<SessionPlayer::Built> SessionPlayer::build(
    const std::shared_ptr<PlayerPreparation>& preparation, const PlayerPreparation::Source& source,
    std::int64_t start) const {
    auto built = std::make_unique<Built>();
    built->program = source.program;
    built->exact = source.exact;
    built->engine = std::make_unique<Engine>();
    Engine& engine = *built->engine;
    engine.load(source.program);
    EngineConfig config;
    config.sampleRate = preparation->sampleRate();
    config.maxBlockFrames = kEngineBlockFrames;
    config.channels = 2;
    config.haptics.signal = HapticSignal::Lra;  // a third output: the Haptic bus
    config.haptics.enabled = hapticsWanted_.load();
    config.haptics.intensityCap = hapticCap_.load();
    // The preparation measured the loudness; until it has, silence (the session not begun).
    config.calibrateLoudness = false;
    if (source.gains)
        engine.setLoudnessGains(source.gains->masterGainDb, source.gains->voiceTrimDb);
    else
        config.holdForLoudnessGains = true;
    engine.prepare(config);
    if (start > 0) engine.seek(start);
    const PreparationProgress progress = preparation->progress();
    engine.setPreparationProgress(progress.linesReady, progress.linesTotal);
    if (!source.exact) {
        preparation->attach(engine, source.program.get());
        built->preparation = preparation;
    }
    built->start = start;
    return built;
}

std::unique_ptr<SessionPlayer::Built> SessionPlayer::buildFor(std::uint64_t request,
                                                              std::uint64_t session, double rate) {
    // The audio thread writes target, aim and exactness before the request number.
    const std::int64_t target = requestTarget_.load(std::memory_order_relaxed);
    const bool aimAhead = requestAimAhead_.load(std::memory_order_relaxed);
    const bool exact = requestExact_.load(std::memory_order_relaxed);
    if (request_.load(std::memory_order_acquire) != request) return nullptr;
    for (;;) {
        // Aimed from where the host is now, after any wait for the lines.
        const std::int64_t start =
            aimAhead ? std::max(target, hostNow_.load() +
                                            static_cast<std::int64_t>(leadSeconds_.load() * rate))
                     : target;
        if (const auto source = preparation_->sourceAt(start, exact)) {
            const auto began = std::chrono::steady_clock::now();
            auto built = build(preparation_, *source, start);
            const double took =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
            if (aimAhead)
                leadSeconds_.store(std::clamp(1.5 * took + 0.05, kMinLeadSeconds, kMaxLeadSeconds));
            built->request = request;
            built->session = session;
            return built;
        }
        // Waiting for lines: give way to a newer request, a new session or the end.
        if (quitting_.load() || request_.load() != request || sessionWanted_.load() != session)
            return nullptr;
        delete retired_.exchange(nullptr, std::memory_order_acq_rel);
        std::this_thread::sleep_for(kWorkerPoll);
        preparation_->settleIfDone();
    }
}

void SessionPlayer::workerLoop() {
    std::uint64_t answered = 0;
    for (;;) {
        std::shared_ptr<const Program> program;
        double rate = 0.0;
        std::uint64_t session = 0;
        std::vector<std::unique_ptr<Built>> toFree;
        {
            std::unique_lock lock(controlMutex_);
            wake_.wait_for(lock, kWorkerPoll, [this] { return quit_; });
            if (quit_) return;
            // No voice at a rate the host has not asked for.
            if (rateKnown_) program = program_;
            rate = sampleRate_;
            session = sessionGeneration_;
            toFree.swap(toFree_);
        }
        toFree.clear();
        delete retired_.exchange(nullptr, std::memory_order_acq_rel);
        followPreparation(program, rate);

        const std::uint64_t request = request_.load(std::memory_order_acquire);
        if (request == answered || !program) continue;
        // A request is answered only for the session wanted after it was made
        // (the audio thread asks again when a newer one is): an engine built
        // for an older one would be refused, and with the request marked
        // answered nothing would ever come.
        if (sessionWanted_.load() != session) continue;
        auto built = buildFor(request, session, rate);
        if (!built) continue;  // superseded: the newer request is taken next time round
        delete ready_.exchange(built.release(), std::memory_order_acq_rel);
        answered = request;
    }
}

void SessionPlayer::requestRelocation(std::int64_t target, bool aimAhead) noexcept {
    pendingTarget_ = std::max<std::int64_t>(target, 0);
    pendingSession_ = sessionWanted_.load();
    requestTarget_.store(pendingTarget_, std::memory_order_relaxed);
    requestAimAhead_.store(aimAhead, std::memory_order_relaxed);
    pendingExact_ = !realtimeBlock_;
    requestExact_.store(pendingExact_, std::memory_order_relaxed);
    lastRequest_ = request_.fetch_add(1, std::memory_order_acq_rel) + 1;
    mode_ = Mode::Relocating;
    relocating_.store(true);
}

bool SessionPlayer::adoptReadyEngine() noexcept {
    // The old engine goes back through retired_, so take one only when it is free.
    if (retired_.load(std::memory_order_acquire) != nullptr) return false;
    Built* ready = ready_.exchange(nullptr, std::memory_order_acq_rel);
    if (!ready) return false;
    if (mode_ != Mode::Relocating || ready->request != lastRequest_ ||
        ready->session != pendingSession_) {
        retired_.store(ready, std::memory_order_release);
        return false;
    }
    retired_.store(active_.release(), std::memory_order_release);
    active_.reset(ready);
    nextHost_ = ready->start;
    mode_ = Mode::Waiting;
    relocating_.store(false);
    engineGeneration_.fetch_add(1);
    return true;
}

void SessionPlayer::waitForEngine() noexcept {
    const auto giveUp = std::chrono::steady_clock::now() + kOfflineWaitLimit;
    while (mode_ == Mode::Relocating && std::chrono::steady_clock::now() < giveUp) {
        if (!adoptReadyEngine()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

void SessionPlayer::renderActive(float* const* out, int frames) noexcept {
    // Atomic stores; the track glides, a check-in's wait is read where its prompt ends.
    active_->engine->setHaptics(hapticsWanted_.load(), hapticCap_.load());
    active_->engine->setWaitAtCheckins(realtimeBlock_ && waitAtCheckins_.load());
    float* hapticScratch = scratch_.data() + 2 * kEngineBlockFrames;
    for (int done = 0; done < frames;) {
        const int n = std::min(frames - done, kEngineBlockFrames);
        float* channels[kChannels] = {out[0] + done, out[1] + done,
                                      out[2] != nullptr ? out[2] + done : hapticScratch};
        active_->engine->process(channels, n);
        done += n;
    }
    nextHost_ += frames;
}

void SessionPlayer::skipActive(std::int64_t frames) noexcept {
    float* channels[kChannels] = {scratch_.data(), scratch_.data() + kEngineBlockFrames,
                                  scratch_.data() + 2 * kEngineBlockFrames};
    while (frames > 0) {
        const int n = static_cast<int>(std::min<std::int64_t>(frames, kEngineBlockFrames));
        active_->engine->process(channels, n);
        frames -= n;
    }
}

void SessionPlayer::silence(float* const* out, int from, int frames) noexcept {
    for (int c = 0; c < kChannels; ++c)
        if (out[c] != nullptr) std::fill(out[c] + from, out[c] + from + frames, 0.0f);
}

void SessionPlayer::retireFadingOut() noexcept {
    outgoing_ = std::move(active_);
    outgoing_->engine->pushCommand({CommandType::Stop, 0, 0.0});  // never refused
    enterWithSessionFade_ = true;
    declickGain_ = declickTarget_ = 1.0f;  // the engine fades it out itself
}

void SessionPlayer::mixOutgoing(float* const* out, int frames) noexcept {
    if (!outgoing_) return;
    if (outgoing_->engine->finished() || !realtimeBlock_) {
        // Back to the worker to free, once the slot is empty (it is, within a poll).
        if (retired_.load(std::memory_order_acquire) == nullptr)
            retired_.store(outgoing_.release(), std::memory_order_release);
        return;
    }
    const auto block = static_cast<std::size_t>(kEngineBlockFrames);
    float* channels[kChannels] = {outgoingScratch_.data(), outgoingScratch_.data() + block,
                                  outgoingScratch_.data() + 2 * block};
    for (int done = 0; done < frames;) {
        const int n = std::min(frames - done, kEngineBlockFrames);
        outgoing_->engine->process(channels, n);
        for (int c = 0; c < kChannels; ++c)
            if (out[c] != nullptr)
                for (int i = 0; i < n; ++i) out[c][done + i] += channels[c][i];
        done += n;
    }
}

void SessionPlayer::applyDeclick(float* const* out, int frames) noexcept {
    if (declickGain_ == declickTarget_ && declickGain_ == 1.0f) return;
    for (int i = 0; i < frames; ++i) {
        if (declickGain_ < declickTarget_)
            declickGain_ = std::min(declickTarget_, declickGain_ + declickRise_);
        else if (declickGain_ > declickTarget_)
            declickGain_ = std::max(declickTarget_, declickGain_ - declickStep_);
        out[0][i] *= declickGain_;
        out[1][i] *= declickGain_;
        if (out[2] != nullptr) out[2][i] *= declickGain_;
    }
}

void SessionPlayer::startActive(float* const* out, int from, int frames,
                                const HostTransport& transport) noexcept {
    // Mid-session starts fade in (after a replaced session, as long as a
    // session's own fade-in); the session's own start already does.
    declickGain_ = !transport.nonRealtime && nextHost_ > 0 ? 0.0f : 1.0f;
    declickTarget_ = 1.0f;
    declickRise_ = enterWithSessionFade_ ? sessionFadeRise_ : declickStep_;
    enterWithSessionFade_ = false;
    float* channels[kChannels] = {out[0] + from, out[1] + from,
                                  out[2] != nullptr ? out[2] + from : nullptr};
    renderActive(channels, frames);
    mode_ = Mode::Playing;
}

bool SessionPlayer::waitingFits(std::int64_t host, const HostTransport& transport) const noexcept {
    if (host >= nextHost_) return false;
    if (nextHost_ == 0) return true;  // pre-roll before the session
    if (transport.nonRealtime) return false;
    const double rate = active_->engine->config().sampleRate;
    // After a replaced session the engine was built for where its fade ends.
    const double fade = enterWithSessionFade_ ? kStopFadeSeconds : 0.0;
    return static_cast<double>(nextHost_ - host) <= (2.0 * leadSeconds_.load() + 1.0 + fade) * rate;
}

bool SessionPlayer::startsLate(std::int64_t host, const HostTransport& transport) const noexcept {
    // An engine for the session's start that arrived late while its voice is
    // still being made: starting it where the host is now is what holding
    // for the gains does anyway; a relocation would wait for lines up to here.
    return !transport.nonRealtime && !active_->exact && nextHost_ == 0 && host > 0 &&
           static_cast<double>(host) <= kLateStartSeconds * active_->engine->config().sampleRate;
}

void SessionPlayer::processBlock(float* const* out, int frames,
                                 const HostTransport& transport) noexcept {
    const std::int64_t h = transport.sample;
    const std::int64_t end = h + frames;
    const bool jumped = h != lastBlockEnd_;
    const std::uint64_t wanted = sessionWanted_.load();
    silence(out, 0, frames);

    if ((!active_ || active_->session != wanted) &&
        !(mode_ == Mode::Relocating && pendingSession_ == wanted)) {
        std::int64_t target = h;
        if (active_ && mode_ == Mode::Playing && !transport.nonRealtime) {
            if (!outgoing_) {
                // The old session fades out as a Stop does; on a playing host
                // timeline the new one enters where that fade ends.
                retireFadingOut();
                if (transport.playing) target += stopFadeFrames_;
                outgoingEndsAt_ = target;
            } else if (transport.playing) {
                renderActive(out, frames);  // a second change during the fade: a short one
                declickTarget_ = 0.0f;
                target = std::max(target, outgoingEndsAt_);  // enters where the first fade ends
            }
        }
        requestRelocation(target, transport.playing && !transport.nonRealtime);
        return;
    }
    // An offline bounce plays only the whole narrated session (the render's audio).
    if (transport.nonRealtime && mode_ != Mode::Relocating && !active_->exact) {
        requestRelocation(h, false);
        return;
    }

    switch (mode_) {
        case Mode::Playing:
            if (!transport.playing) {
                mode_ = Mode::Waiting;  // resumes with a fade-in
                return;
            }
            if (h == nextHost_) {
                renderActive(out, frames);
                return;
            }
            if (h > nextHost_ && h - nextHost_ <= kMaxCatchUpFrames) {
                // A small step forward (a host that dropped a cycle): catch up in place.
                skipActive(h - nextHost_);
                nextHost_ = h;
                renderActive(out, frames);
                return;
            }
            if (!transport.nonRealtime) {
                renderActive(out, frames);  // the old place fades out into the gap
                declickTarget_ = 0.0f;
            }
            requestRelocation(h, !transport.nonRealtime);
            return;

        case Mode::Waiting:
            // A replaced session fading out goes first; its last block ends near here.
            if (outgoing_ && transport.playing) return;
            if (!transport.playing) {
                if (h != nextHost_ && !(h < 0 && nextHost_ == 0)) requestRelocation(h, false);
                return;
            }
            if (h == nextHost_) {
                startActive(out, 0, frames, transport);
            } else if (waitingFits(h, transport)) {
                if (nextHost_ < end)
                    startActive(out, static_cast<int>(nextHost_ - h),
                                static_cast<int>(end - nextHost_), transport);
            } else if (h > nextHost_ && h - nextHost_ <= kMaxCatchUpFrames) {
                skipActive(h - nextHost_);
                nextHost_ = h;
                startActive(out, 0, frames, transport);
            } else if (startsLate(h, transport)) {
                nextHost_ = h;  // the session begins here, as after its hold for the gains
                startActive(out, 0, frames, transport);
            } else {
                requestRelocation(h, !transport.nonRealtime);
            }
            return;

        case Mode::Relocating:
            // A second jump while the first is being built: aim at the new place.
            if (jumped || (!transport.playing && std::max<std::int64_t>(h, 0) != pendingTarget_) ||
                (transport.nonRealtime && !pendingExact_))
                requestRelocation(h, transport.playing && !transport.nonRealtime);
            return;
    }
}

void SessionPlayer::process(float* const* out, int frames,
                            const HostTransport& transport) noexcept {
    process(out, nullptr, frames, transport);
}

void SessionPlayer::process(float* const* stereo, float* haptic, int frames,
                            const HostTransport& transport) noexcept {
    if (frames <= 0) return;
    float* const out[kChannels] = {stereo[0], stereo[1], haptic};
    hostNow_.store(transport.sample);
    realtimeBlock_ = !transport.nonRealtime;
    if (transport.nonRealtime) declickGain_ = declickTarget_ = 1.0f;
    adoptReadyEngine();
    processBlock(out, frames, transport);
    if (transport.nonRealtime && mode_ == Mode::Relocating && hasProgram_.load()) {
        // An offline bounce waits for the engine rather than leave a gap.
        waitForEngine();
        lastBlockEnd_ = transport.sample;
        processBlock(out, frames, transport);
    }
    lastBlockEnd_ = transport.playing ? transport.sample + frames : transport.sample;
    applyDeclick(out, frames);
    mixOutgoing(out, frames);
}

bool SessionPlayer::pushCommand(const Command& command) noexcept {
    return active_ && active_->engine->pushCommand(command);
}

bool SessionPlayer::readyToStartAt(std::int64_t host) const noexcept {
    return active_ && !outgoing_ && mode_ != Mode::Relocating &&
           active_->session == sessionWanted_.load() && nextHost_ == host;
}

const Program* SessionPlayer::playingProgram() const noexcept {
    return active_ ? active_->program.get() : nullptr;
}

SessionState SessionPlayer::playingState() const noexcept {
    SessionState state = active_ ? active_->engine->state() : SessionState{};
    state.heart = heart_.read();
    return state;
}

std::int64_t SessionPlayer::playingEngineSample() const noexcept {
    return active_ ? active_->engine->position() : 0;
}

bool SessionPlayer::popEvent(Event& event) noexcept {
    return active_ && active_->engine->popEvent(event);
}

}  // namespace stillpoint::plugin
