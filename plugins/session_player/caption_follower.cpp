#include "caption_follower.hpp"

#include <cmath>

namespace stillpoint::plugin {
namespace {

const SpokenLine* spokenLineOf(const Program& program, int step, int index) noexcept {
    if (!program.narration || step < 0 || index < 0) return nullptr;
    const auto& steps = program.narration->steps;
    if (static_cast<std::size_t>(step) >= steps.size()) return nullptr;
    const auto& lines = steps[static_cast<std::size_t>(step)];
    return static_cast<std::size_t>(index) < lines.size() ? &lines[static_cast<std::size_t>(index)]
                                                          : nullptr;
}

}  // namespace

void CaptionFollower::onEvent(const Event& event, const Program* program,
                              double sampleRate) noexcept {
    if (event.type != EventType::LineSpoken || program == nullptr) return;
    const int index = static_cast<int>(event.value);
    const SpokenLine* line = spokenLineOf(*program, event.index, index);
    if (line == nullptr) return;
    const std::int64_t frames = line->lengthFramesAt(sampleRate);
    announced_ = {program,
                  static_cast<std::int64_t>(event.index) << 32 | static_cast<std::uint32_t>(index),
                  event.sample, event.sample + frames};
}

void CaptionFollower::show(const Announced& line) noexcept {
    program_.store(line.program, std::memory_order_release);
    line_.store(line.packed, std::memory_order_release);
    endsAt_ = line.end;
}

void CaptionFollower::advance(std::int64_t engineSample) noexcept {
    if (announced_.packed >= 0 && engineSample > announced_.start) {
        show(announced_);
        announced_ = {};
    }
    if (engineSample >= endsAt_ && line_.load(std::memory_order_relaxed) >= 0)
        line_.store(-1, std::memory_order_release);
}

void CaptionFollower::reset() noexcept {
    announced_ = {};
    line_.store(-1, std::memory_order_release);
}

CaptionFollower::Line CaptionFollower::current() const noexcept {
    const std::int64_t packed = line_.load(std::memory_order_acquire);
    if (packed < 0) return {};
    return {program_.load(std::memory_order_acquire), static_cast<int>(packed >> 32),
            static_cast<int>(packed & 0xffffffff)};
}

const std::string* CaptionFollower::wordsOf(const Program& program, const Line& line) noexcept {
    if (!line.spoken() || line.program != &program) return nullptr;
    const SpokenLine* spoken = spokenLineOf(program, line.step, line.index);
    return spoken != nullptr ? &spoken->caption : nullptr;
}

}  // namespace stillpoint::plugin
