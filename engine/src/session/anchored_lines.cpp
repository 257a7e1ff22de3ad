#include "session/anchored_lines.hpp"

#include <algorithm>

#include "stillpoint/breath_pacer.hpp"

namespace stillpoint::detail {

AnchoredLineLayout anchoredLineLayout(const BreathPattern& pattern, double sampleRate,
                                      const PaceLaw& law, int writtenCycles,
                                      const std::vector<BreathPhase>& anchors,
                                      const std::vector<std::int64_t>& lineFrames) {
    AnchoredLineLayout layout;
    const bool everyPhaseThere = std::all_of(anchors.begin(), anchors.end(), [&](BreathPhase p) {
        return std::any_of(pattern.segments.begin(), pattern.segments.end(),
                           [&](const PhaseSegment& s) { return s.phase == p; });
    });
    const std::size_t count = everyPhaseThere ? std::min(anchors.size(), lineFrames.size()) : 0;

    BreathPacer pacer;
    pacer.start(pattern, sampleRate, 0, law);
    std::size_t next = 0;
    std::int64_t lineEnd = 0;  // where the line before the next one has ended
    const auto tryStart = [&](std::int64_t at) {
        if (next >= count || at < lineEnd || pacer.phase() != anchors[next]) return;
        layout.onsets.push_back(at);
        lineEnd = at + lineFrames[next];
        ++next;
    };
    tryStart(0);
    for (;;) {
        const std::int64_t at = pacer.nextBoundarySample();
        pacer.advanceSegment();
        if (pacer.segmentIndex() == 0 && pacer.completedCycles() >= writtenCycles &&
            next == count && at >= lineEnd)
            break;
        tryStart(at);
    }
    layout.cycles = static_cast<int>(pacer.completedCycles());
    return layout;
}

}  // namespace stillpoint::detail
