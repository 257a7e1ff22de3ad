#include "player_preparation.hpp"

#include <algorithm>
#include <climits>

namespace stillpoint::plugin {

PlayerPreparation::PlayerPreparation(std::shared_ptr<const Program> planned,
                                     const EngineConfig& engine)
    : planned_(std::move(planned)), config_(engine) {
    config_.calibrateLoudness = true;  // the preparation measures as a render does
    config_.holdForLoudnessGains = false;
    PreparationSettings settings;  // `stillpoint render`'s voice and cache
    settings.engine = config_;
    settings.narration.sampleRate = config_.sampleRate;
    preparation_ = std::make_unique<SessionPreparation>(*planned_, settings);
    latest_ = preparation_->initialProgram();
    preparation_->start(
        [this](std::shared_ptr<const Program> version) {
            offer(std::move(version));
            return true;  // every attached engine took it
        },
        [this](const LoudnessGains& gains) { give(gains); });
}

PlayerPreparation::~PlayerPreparation() {
    preparation_->stop();  // its listeners use what follows, and preparation_ itself
}

void PlayerPreparation::offer(std::shared_ptr<const Program> version) {
    std::lock_guard lock(feedMutex_);
    if (settled_.load()) return;
    latest_ = std::move(version);
    tellProgress(preparation_->progress());
    for (Engine* engine : attached_) engine->updateProgram(latest_);
}

void PlayerPreparation::give(const LoudnessGains& gains) {
    std::lock_guard lock(feedMutex_);
    if (settled_.load()) return;
    gains_ = gains;
    for (Engine* engine : attached_)
        engine->setLoudnessGains(gains.masterGainDb, gains.voiceTrimDb);
}

void PlayerPreparation::tellProgress(const PreparationProgress& progress) {
    for (Engine* engine : attached_)
        engine->setPreparationProgress(progress.linesReady, progress.linesTotal);
}

std::optional<PlayerPreparation::Source> PlayerPreparation::sourceAt(std::int64_t at,
                                                                     bool exactOnly) const {
    std::lock_guard lock(feedMutex_);
    if (settled_.load()) return Source{final_, finalGains_, true};
    if (exactOnly) return std::nullopt;
    if (canStartFrom(*latest_, gains_.has_value(), at, config_.sampleRate))
        return Source{latest_, gains_, false};
    return std::nullopt;
}

void PlayerPreparation::attach(Engine& engine, const Program* loaded) {
    std::lock_guard lock(feedMutex_);
    attached_.push_back(&engine);
    // What came while it was being built.
    if (latest_.get() != loaded) engine.updateProgram(latest_);
    if (gains_) engine.setLoudnessGains(gains_->masterGainDb, gains_->voiceTrimDb);
    const PreparationProgress now = preparation_->progress();
    engine.setPreparationProgress(now.linesReady, now.linesTotal);
}

void PlayerPreparation::detach(Engine& engine) {
    std::lock_guard lock(feedMutex_);
    std::erase(attached_, &engine);
}

PlayerPreparation::Source PlayerPreparation::fallback(const Program& made) const {
    auto program = std::make_shared<Program>(made);
    program->pendingSpeechFrom = INT_MAX;  // speaking steps without lines are silent
    // Its loudness as an engine measures it.
    Engine measure;
    measure.load(program);
    measure.prepare(config_);
    const double master = measure.calibrationGainDb();
    return {std::move(program), LoudnessGains{master, measure.voiceGainDb() - master}, true};
}

bool PlayerPreparation::settleIfDone() {
    if (settled_.load()) return true;
    const PreparationPhase phase = preparation_->progress().phase;
    if (phase != PreparationPhase::Ready && phase != PreparationPhase::Failed) return false;
    preparation_->wait();  // its worker has nothing left to do
    const NarrationReport& report = preparation_->report();
    Source settled;
    std::string problem;
    if (phase == PreparationPhase::Ready) {
        settled = {preparation_->finalProgram(), preparation_->finalGains(), true};
        problem = report.warning;
    } else {
        settled = fallback(*latest());  // the last version offered
        problem = report.error + "; the session plays on without the lines that could not be made";
    }
    std::lock_guard lock(feedMutex_);
    final_ = settled.program;
    finalGains_ = *settled.gains;
    problem_ = std::move(problem);
    if (latest_ != final_)
        for (Engine* engine : attached_) engine->updateProgram(final_);
    for (Engine* engine : attached_)
        engine->setLoudnessGains(finalGains_.masterGainDb, finalGains_.voiceTrimDb);
    latest_ = final_;
    gains_ = finalGains_;
    const PreparationProgress now = preparation_->progress();
    tellProgress(now);
    settled_.store(true, std::memory_order_release);
    return true;
}

std::shared_ptr<const Program> PlayerPreparation::latest() const {
    std::lock_guard lock(feedMutex_);
    return latest_;
}

PreparationProgress PlayerPreparation::progress() const {
    return preparation_->progress();
}

std::string PlayerPreparation::problem() const {
    std::lock_guard lock(feedMutex_);
    if (!settled_.load() && preparation_->progress().phase == PreparationPhase::Failed)
        return preparation_->report().error;
    return problem_;
}

}  // namespace stillpoint::plugin
