#include "app_heart.hpp"

#include <cstring>
#include <limits>

namespace stillpoint::app {
namespace {

constexpr std::size_t kRecordingReserve = 2048;  // a 15-minute assessment's beats, with room
constexpr std::size_t kMaxRecordedBeats = std::size_t{1} << 17;  // over a day at 80/min

}  // namespace

AppHeart::AppHeart(plugin::StillpointProcessor& processor) : processor_(processor) {
    startTimerHz(kTickHz);
}

AppHeart::~AppHeart() {
    stopTimer();
}

bool AppHeart::pushRr(double rrMs) noexcept {
    if (!clockRuns_.load(std::memory_order_acquire) || !monitor_.pushRr(rrMs)) return false;
    (void)toRecord_.tryPush(rrMs);  // as full as the monitor's: a lost one is counted there
    return true;
}

heart::HeartRateParse AppHeart::pushMeasurement(const std::uint8_t* bytes,
                                                std::size_t size) noexcept {
    heart::HeartRateParse parse = heart::parseHeartRateMeasurement(bytes, size);
    if (!parse.ok) {
        ++refusedMeasurements_;
        std::memcpy(lastRefusal_.data(), parse.error, lastRefusal_.size());
        lastRefusal_.back() = '\0';
        return parse;
    }
    for (std::size_t i = 0; i < parse.measurement.rrCount; ++i) pushRr(parse.measurement.rrMs(i));
    return parse;
}

void AppHeart::restart(std::shared_ptr<const Program> program, double sampleRate) {
    monitor_.reset();
    toRecord_.clear();
    recording_.clear();
    recording_.reserve(kRecordingReserve);
    lastRecordedSeconds_ = std::numeric_limits<double>::quiet_NaN();
    reading_ = false;
    followed_ = program;
    follower_ = program && sampleRate > 0.0
                    ? std::make_unique<heart::HeartPaceFollower>(std::move(program), sampleRate)
                    : nullptr;
}

void AppHeart::tick() {
    const SessionState session = processor_.display().session.read();
    const auto program = processor_.currentProgram();
    // Another session, or this one's engine from its start: a fresh follower.
    if (program != followed_ || session.outputSample < lastOutputSample_)
        restart(program, processor_.display().sampleRate.load());
    lastOutputSample_ = session.outputSample;
    clockRuns_.store(session.started && !session.finished, std::memory_order_release);

    const double now = stateSeconds(session, session.outputSample);
    record(now);
    monitor_.update(now);
    steer(now, session);
    // The session's state carries the heart: the window and the remote read it there.
    processor_.setHeart(heart::sessionHeart(monitor_.state(), followedBpm()));
}

void AppHeart::record(double now) {
    // Placed as the monitor places them, on the session's clock from its start.
    for (double rr; toRecord_.tryPop(rr);) {
        if (!heart::plausibleInterval(rr) || recording_.size() >= kMaxRecordedBeats) continue;
        lastRecordedSeconds_ = heart::placeBeat(lastRecordedSeconds_, rr, now);
        recording_.push_back({lastRecordedSeconds_, rr});
    }
}

heart::ResonanceResult AppHeart::assessment() const {
    const auto narrated = processor_.narratedProgram();
    const auto program = narrated ? narrated : processor_.currentProgram();
    const auto blocks = program ? heart::pacedBlocks(*program) : std::vector<heart::PaceBlock>{};
    if (blocks.size() < 2) {
        heart::ResonanceResult none;
        none.error =
            "the session playing is not a resonance assessment (no two paces to compare); "
            "play the resonance assessment with the strap's beats coming in";
        return none;
    }
    return heart::analyseResonance(recording_, blocks);
}

void AppHeart::steer(double now, const SessionState& session) {
    // The processor's heard events have one reader: the heart takes them only
    // once beats come in, so a front end without a strap keeps them all.
    const bool reading = monitor_.state().counts.total() > 0;
    if (!reading) return;
    Event event;
    if (!reading_) {
        // What waited is old news: the follower starts from the step that plays.
        while (processor_.popHeardEvent(event)) {
        }
        if (follower_)
            heart::eventsWhereItStands(session, [this](const Event& e) { follower_->onEvent(e); });
        reading_ = true;
    }
    while (processor_.popHeardEvent(event))
        if (follower_) follower_->onEvent(event);
    if (!follower_) return;
    const heart::FollowUpdate update = follower_->tick(now, monitor_);
    // A pace the therapist set (slower, faster, the profile's) is theirs: the
    // heart's steps are not sent while it stands.
    const bool therapistsPace = processor_.display().paceBpm.load() > 0.0;
    if (update.command && update.command->type == CommandType::SetPace && !therapistsPace)
        processor_.control({plugin::ControlType::FollowPace, update.command->value});
}

}  // namespace stillpoint::app
