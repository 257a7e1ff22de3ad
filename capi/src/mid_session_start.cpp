#include "mid_session_start.hpp"

#include <utility>

namespace stillpoint::capi {
namespace {

/// An engine playing `program` from session sample `position` at `gains`,
/// sounding there as a render from the start does.
std::unique_ptr<Engine> engineAt(std::shared_ptr<const Program> program, EngineConfig config,
                                 const LoudnessGains& gains, std::int64_t position) {
    auto engine = std::make_unique<Engine>();
    engine->setLoudnessGains(gains.masterGainDb, gains.voiceTrimDb);  // they hold from the start
    engine->load(std::move(program));
    config.calibrateLoudness = false;
    config.holdForLoudnessGains = false;
    engine->prepare(config);
    engine->seek(position);
    return engine;
}

}  // namespace

MidSessionStart::MidSessionStart(const Program& planned, const PreparationSettings& settings,
                                 std::int64_t position)
    : config_(settings.engine),
      position_(position),
      preparation_(std::make_unique<SessionPreparation>(planned, settings)) {
    latest_ = preparation_->initialProgram();
    preparation_->start(
        [this](std::shared_ptr<const Program> version) { return onProgram(std::move(version)); },
        [this](const LoudnessGains& gains) { onGains(gains); },
        [this](PreparationPhase phase) { onDone(phase); });
}

MidSessionStart::~MidSessionStart() {
    stopping_.store(true);
    preparation_->stop();  // its worker builds and feeds what follows
}

Engine* MidSessionStart::take() noexcept {
    if (offer_.load(std::memory_order_relaxed) == nullptr) return nullptr;
    return offer_.exchange(nullptr, std::memory_order_acq_rel);
}

void MidSessionStart::waitExact() {
    preparation_->wait();
    if (exact_ || preparation_->progress().phase != PreparationPhase::Ready) return;
    // Taken back before the audio thread took it, or it plays on, fed to the end.
    Engine* untaken = built_.get();
    if (untaken != nullptr && !offer_.compare_exchange_strong(untaken, nullptr)) return;
    std::unique_ptr<Engine> early = std::move(built_);  // never reached the audio thread
    buildAndOffer(preparation_->finalProgram(), preparation_->finalGains());
    exact_ = built_ != nullptr;
    if (!exact_ && early) {  // out of memory: the one built early after all
        built_ = std::move(early);
        offer_.store(built_.get(), std::memory_order_release);
    }
}

bool MidSessionStart::onProgram(std::shared_ptr<const Program> version) {
    if (built_) {
        const PreparationProgress now = preparation_->progress();
        built_->setPreparationProgress(now.linesReady, now.linesTotal);
        return built_->updateProgram(std::move(version));
    }
    latest_ = std::move(version);
    if (!stopping_.load() &&
        canStartFrom(*latest_, gains_.has_value(), position_, config_.sampleRate))
        buildAndOffer(latest_, gains_.value_or(LoudnessGains{}));
    return true;
}

void MidSessionStart::onGains(const LoudnessGains& gains) {
    gains_ = gains;
    if (built_)
        built_->setLoudnessGains(gains.masterGainDb, gains.voiceTrimDb);  // glides there
    else if (!stopping_.load() && canStartFrom(*latest_, true, position_, config_.sampleRate))
        buildAndOffer(latest_, gains);  // a position before the first line
}

void MidSessionStart::onDone(PreparationPhase phase) {
    if (stopping_.load() || built_) return;
    if (phase == PreparationPhase::Ready) {  // no gains came before the last ones
        buildAndOffer(preparation_->finalProgram(), preparation_->finalGains());
        exact_ = built_ != nullptr;
    } else {  // failed: the lines made so far, waiting at the first unmade one
        buildAndOffer(latest_, gains_.value_or(LoudnessGains{}));
    }
}

void MidSessionStart::buildAndOffer(std::shared_ptr<const Program> program,
                                    const LoudnessGains& gains) noexcept {
    try {
        built_ = engineAt(std::move(program), config_, gains, position_);
    } catch (...) {
        return;  // out of memory: nothing offered, it keeps waiting (a listener must not throw)
    }
    const PreparationProgress now = preparation_->progress();
    built_->setPreparationProgress(now.linesReady, now.linesTotal);
    offer_.store(built_.get(), std::memory_order_release);
}

}  // namespace stillpoint::capi
