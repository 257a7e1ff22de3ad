#include "heart_follow.hpp"

namespace stillpoint::capi {

void HeartFollow::restart(std::shared_ptr<const Program> program, double sampleRate) noexcept {
    follower_.reset();
    if (program && sampleRate > 0.0) follower_.emplace(std::move(program), sampleRate);
    events_.clear();
    asked_.store(0.0);
    taken_ = asks_.load();
    followed_.store(0.0);
    catchUp_.store(true);  // a session resumed mid-way: its step and phase
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
    Event event;
    while (events_.tryPop(event))
        if (follower_) follower_->onEvent(event);
    if (!follower_) return;
    const heart::FollowUpdate update = follower_->tick(nowSeconds, heart);
    if (update.command && update.command->type == CommandType::SetPace) {
        asked_.store(update.command->value, std::memory_order_relaxed);
        asks_.fetch_add(1, std::memory_order_release);
    }
    followed_.store(follower_->followedBpm(), std::memory_order_relaxed);
}

}  // namespace stillpoint::capi
