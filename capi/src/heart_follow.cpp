#include "heart_follow.hpp"

namespace stillpoint::capi {

void HeartFollow::restart(std::shared_ptr<const Program> program, double sampleRate) noexcept {
    program_ = std::move(program);
    rate_ = sampleRate;
    follower_.reset();
    if (program_ && rate_ > 0.0) follower_.emplace(program_, rate_);
    fresh_.store(false);
    events_.clear();
    asked_.store(0.0);
    taken_ = asks_.load();
    followed_.store(0.0);
    catchUp_.store(true);  // a session resumed mid-way: its step and phase
}

void HeartFollow::detached() noexcept {
    if (followed_.load() != 0.0) ask(0.0);  // the session's own pace again
    followed_.store(0.0);
    fresh_.store(true, std::memory_order_release);
}

void HeartFollow::ask(double bpm) noexcept {
    asked_.store(bpm, std::memory_order_relaxed);
    asks_.fetch_add(1, std::memory_order_release);
}

void HeartFollow::offer(const Event& event) noexcept {
    if (event.type == EventType::StepStarted || event.type == EventType::PhaseChanged)
        (void)events_.tryPush(event);
}

std::optional<Command> HeartFollow::takeCommand() noexcept {
    const std::uint64_t asks = asks_.load(std::memory_order_acquire);
    if (asks == taken_) return std::nullopt;
    taken_ = asks;
    return Command{CommandType::SetPace, 0, asked_.load(std::memory_order_relaxed)};
}

void HeartFollow::tick(double nowSeconds, heart::HeartMonitor& heart) noexcept {
    if (fresh_.exchange(false, std::memory_order_acq_rel) && follower_)
        follower_.emplace(program_, rate_);  // copies a pointer: no allocation
    Event event;
    while (events_.tryPop(event))
        if (follower_) follower_->onEvent(event);
    if (!follower_) return;
    const heart::FollowUpdate update = follower_->tick(nowSeconds, heart);
    if (update.command && update.command->type == CommandType::SetPace) ask(update.command->value);
    followed_.store(follower_->followedBpm(), std::memory_order_relaxed);
}

}  // namespace stillpoint::capi
