#include "status.hpp"

#include <algorithm>
#include <cstring>

#include "stillpoint/session_timeline.hpp"

namespace stillpoint::capi {

static_assert(sizeof(sp_status{}.section_name) == kSessionStateNameBytes);

void fillStatus(const SessionState& s, const Program& program, sp_status& status) noexcept {
    sp_status full{};
    full.struct_size =
        static_cast<std::uint32_t>(std::min<std::size_t>(status.struct_size, sizeof(sp_status)));
    full.generation = s.generation;
    full.sample_rate = s.sampleRate;
    full.output_sample = s.outputSample;
    full.session_sample = s.sessionSample;
    full.section = s.section;
    full.step = s.step;
    std::memcpy(full.section_name, s.sectionName, sizeof full.section_name);
    full.section_start = s.sectionStart;
    full.section_length = s.sectionLength;
    full.remaining_frames = s.remainingFrames;
    full.end_sample = s.endSample;
    full.remaining_at_least = s.remainingAtLeast ? 1 : 0;
    full.line_step = s.lineStep;
    full.line_index = s.lineIndex;
    full.breath_phase = s.breathPhase;
    full.line_start = s.lineStart;
    full.line_end = s.lineEnd;
    // A caption views a whole std::string of the Program: NUL-terminated.
    const std::string_view caption = lineCaption(program, s);
    full.caption = caption.empty() ? "" : caption.data();
    full.started = s.started ? 1 : 0;
    full.waiting_for_continue = s.waitingForContinue ? 1 : 0;
    full.grounding_active = s.groundingActive ? 1 : 0;
    full.paused = s.paused ? 1 : 0;
    full.holding = s.holding ? 1 : 0;
    full.finished = s.finished ? 1 : 0;
    full.pace_bpm = s.paceBpm;
    full.pattern = s.patternChoice;
    full.preparing = s.preparing ? 1 : 0;
    full.lines_ready = s.linesReady;
    full.lines_total = s.linesTotal;
    full.waiting_for_narration = s.waitingForNarration ? 1 : 0;
    full.heart_connected = s.heart.connected ? 1 : 0;
    full.heart_live = s.heart.live ? 1 : 0;
    full.heart_rate_bpm = s.heart.heartRateBpm;
    full.coherence_valid = s.heart.coherenceValid ? 1 : 0;
    full.coherence = s.heart.coherence;
    full.heart_beats = s.heart.beats;
    full.heart_artefacts = s.heart.artefacts;
    full.heart_followed_pace_bpm = s.heart.followedPaceBpm;
    std::memcpy(&status, &full, full.struct_size);
}

CTimeline::CTimeline(const Program& program, double sampleRate) {
    const SessionTimeline timeline = planTimeline(program, sampleRate);
    length_ = timeline.lengthFrames;
    names_.reserve(timeline.sections.size());
    captions_.reserve(timeline.lines.size());
    for (const TimelineSection& section : timeline.sections) {
        names_.push_back(section.name);
        sections_.push_back({section.index, section.grounding ? 1 : 0, names_.back().c_str(),
                             section.start, section.length});
    }
    for (const TimelineLine& line : timeline.lines) {
        captions_.push_back(line.caption);
        lines_.push_back({line.step, line.line, line.section, line.grounding ? 1 : 0,
                          captions_.back().c_str(), line.start, line.end});
    }
}

}  // namespace stillpoint::capi
