#include "stillpoint/session_preparation.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <thread>

#include "graph/loudness_analysis.hpp"
#include "narration/step_narrator.hpp"
#include "prepare/opening_calibration.hpp"

namespace stillpoint {
namespace {

// How often the last version is offered again while the engine has too many in flight.
constexpr auto kOfferAgain = std::chrono::milliseconds(5);
constexpr double kWholePlan = std::numeric_limits<double>::infinity();

// Making lines and measuring a session take whole cores for seconds; the
// stream's callback must not wait behind them where the audio thread has no
// real-time priority of its own (a JACK server run without it, PulseAudio,
// an app's own thread). A nicer worker still runs whenever a core is free.
constexpr int kWorkerNiceness = 10;

void lowerThisThreadsPriority() noexcept {
#ifdef __linux__
    // On Linux, niceness is per thread (the thread id names it).
    const auto thread = static_cast<id_t>(::syscall(SYS_gettid));
    const int now = ::getpriority(PRIO_PROCESS, thread);
    if (now < kWorkerNiceness) (void)::setpriority(PRIO_PROCESS, thread, kWorkerNiceness);
#endif
}

LoudnessGains gainsOf(const Calibration& calibration) {
    return {calibration.masterGainDb, calibration.voiceTrimDb};
}

}  // namespace

struct SessionPreparation::Worker {
    std::thread thread;
};

SessionPreparation::SessionPreparation(const Program& planned, PreparationSettings settings)
    : work_(std::make_shared<Program>(planned)),
      spoken_(std::make_shared<Narration>()),
      settings_(std::move(settings)),
      worker_(std::make_unique<Worker>()) {
    // One rate: the lines are timed at the rate the engine plays.
    settings_.narration.sampleRate = settings_.engine.sampleRate;
    spoken_->sampleRate = settings_.engine.sampleRate;
    spoken_->steps.resize(work_->steps.size());
    work_->narration = spoken_;
    work_->pendingSpeechFrom = 0;
    initial_ = std::make_shared<const Program>(*work_);
    const auto narrated = settings_.narration.narrateGrounding
                              ? work_->steps.size()
                              : static_cast<std::size_t>(work_->flowStepCount());
    for (std::size_t i = 0; i < narrated; ++i)
        if (speaks(work_->steps[i])) linesTotal_ += static_cast<int>(work_->steps[i].lines.size());
}

SessionPreparation::~SessionPreparation() {
    stop();
}

void SessionPreparation::stop() {
    stop_.store(true);
    wait();
}

void SessionPreparation::start(ProgramListener onProgram, GainsListener onGains,
                               DoneListener onDone) {
    if (worker_->thread.joinable() || phase_.load() != PreparationPhase::Narrating) return;
    onProgram_ = std::move(onProgram);
    onGains_ = std::move(onGains);
    onDone_ = std::move(onDone);
    worker_->thread = std::thread([this] { run(); });
}

void SessionPreparation::startFeeding(Engine& engine) {
    engine.setPreparationProgress(0, linesTotal_);
    start(
        [this, &engine](std::shared_ptr<const Program> version) {
            engine.setPreparationProgress(linesReady_.load(), linesTotal_);
            return engine.updateProgram(std::move(version));
        },
        [&engine](const LoudnessGains& gains) {
            engine.setLoudnessGains(gains.masterGainDb, gains.voiceTrimDb);
        });
}

void SessionPreparation::wait() {
    if (worker_->thread.joinable()) worker_->thread.join();
}

PreparationProgress SessionPreparation::progress() const noexcept {
    return {linesReady_.load(), linesTotal_, phase_.load(std::memory_order_acquire)};
}

void SessionPreparation::finish(PreparationPhase phase) {
    phase_.store(phase, std::memory_order_release);
    if (onDone_) onDone_(phase);
}

void SessionPreparation::run() {
    lowerThisThreadsPriority();
    const EngineConfig& config = settings_.engine;
    const bool calibrate = config.calibrateLoudness;
    // A voice that cannot speak fails before anything sounds.
    narration::StepNarrator narrator(*work_, settings_.narration);
    report_ = narrator.setup();
    if (!report_.ok) return finish(PreparationPhase::Failed);
    if (onGains_)
        onGains_(calibrate ? gainsOf(prepare::openingCalibration(*work_, config,
                                                                 settings_.narration.speechLufs,
                                                                 settings_.openingSeconds))
                           : LoudnessGains{});
    const auto narrated = settings_.narration.narrateGrounding
                              ? work_->steps.size()
                              : static_cast<std::size_t>(work_->flowStepCount());
    std::size_t firstSpokenStep = 0;
    while (firstSpokenStep < narrated && !speaks(work_->steps[firstSpokenStep])) ++firstSpokenStep;
    ++firstSpokenStep;  // the estimate comes after its lines
    const auto offer = [this](const std::shared_ptr<const Program>& version) {
        return !onProgram_ || onProgram_(version);
    };
    bool estimated = false;  // the whole plan's gains, once the first line is made
    for (std::size_t i = 0; i < narrated; ++i) {
        if (stop_.load()) return finish(PreparationPhase::Failed);
        if (!estimated && i >= firstSpokenStep) {
            estimated = true;
            if (calibrate && onGains_)
                onGains_(gainsOf(prepare::openingCalibration(
                    *initial_, config, settings_.narration.speechLufs, kWholePlan)));
        }
        if (!speaks(work_->steps[i])) continue;
        if (beforeStep_) beforeStep_(static_cast<int>(i));
        if (!narrator.narrateStep(*work_, i, spoken_->steps[i], report_, [this] {
                ++linesReady_;
                return !stop_.load();  // stopping waits for one line at most
            }))
            return finish(PreparationPhase::Failed);
        // Only this step's length changed, and the engine has not reached it.
        retimeProgram(*work_);
        work_->pendingSpeechFrom = static_cast<int>(i) + 1;
        // Not taken (too many in flight): a newer version goes next time.
        (void)offer(std::make_shared<const Program>(*work_));
    }
    work_->pendingSpeechFrom = INT_MAX;
    work_->silentSpeechSteps.clear();
    narrator.finish(*work_, report_);
    final_ = std::make_shared<const Program>(*work_);
    while (!offer(final_))
        if (stop_.load())
            return finish(PreparationPhase::Failed);
        else
            std::this_thread::sleep_for(kOfferAgain);

    phase_.store(PreparationPhase::Calibrating);
    if (calibrate) {
        finalGains_ = gainsOf(
            calibrateProgram(*final_, config, kMaxCalibrationCutDb, kMaxCalibrationBoostDb));
        if (onGains_) onGains_(finalGains_);
    }
    finish(PreparationPhase::Ready);
}

std::int64_t linesReachTo(const Program& version, double sampleRate) {
    for (int i = std::max(version.pendingSpeechFrom, 0); i < version.flowStepCount(); ++i) {
        const PlannedStep& step = version.steps[static_cast<std::size_t>(i)];
        if (speaks(step)) return std::llround(step.startSeconds * sampleRate);
    }
    return std::numeric_limits<std::int64_t>::max();
}

bool canStartFrom(const Program& version, bool gainsKnown, std::int64_t at, double sampleRate) {
    if (at <= 0) return true;
    const auto margin = static_cast<std::int64_t>(kStartCoverSeconds * sampleRate);
    return gainsKnown && at + margin < linesReachTo(version, sampleRate);
}

}  // namespace stillpoint
