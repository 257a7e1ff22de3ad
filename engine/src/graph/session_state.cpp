#include "stillpoint/session_state.hpp"

#include "stillpoint/program.hpp"

namespace stillpoint {

std::string_view lineCaption(const Program& program, int step, int line) noexcept {
    if (!program.narration || step < 0 || line < 0) return {};
    const auto& steps = program.narration->steps;
    if (static_cast<std::size_t>(step) >= steps.size()) return {};
    const auto& lines = steps[static_cast<std::size_t>(step)];
    if (static_cast<std::size_t>(line) >= lines.size()) return {};
    return lines[static_cast<std::size_t>(line)].caption;
}

std::string_view lineCaption(const Program& program, const SessionState& state) noexcept {
    return lineCaption(program, state.lineStep, state.lineIndex);
}

}  // namespace stillpoint
