#include "stillpoint/session_timeline.hpp"

#include <algorithm>

#include "graph/sequencer.hpp"

namespace stillpoint {
namespace {

// Records a silent walk: section starts and line starts.
class TimelineRecorder final : public EventSink {
  public:
    TimelineRecorder(const Program& program, double rate, bool grounding, SessionTimeline& out)
        : program_(program), rate_(rate), grounding_(grounding), out_(out) {}

    void emit(const Event& e) noexcept override {
        switch (e.type) {
            case EventType::SectionStarted:
                closeSection(e.sessionSample);
                openSection(e);
                break;
            case EventType::LineSpoken:
                addLine(e);
                break;
            default:
                break;
        }
    }
    void finish(std::int64_t fadeOutAt) { closeSection(fadeOutAt); }

  private:
    void openSection(const Event& e) {
        TimelineSection section;
        section.index = e.index;
        section.name = program_.sections[static_cast<std::size_t>(e.index)].name;
        section.start = e.sessionSample;
        section.grounding = grounding_;
        out_.sections.push_back(std::move(section));
        open_ = true;
    }
    void closeSection(std::int64_t at) {
        if (!open_) return;
        out_.sections.back().length = at - out_.sections.back().start;
        open_ = false;
    }
    void addLine(const Event& e) {
        TimelineLine line;
        line.step = e.index;
        line.line = static_cast<int>(e.value);
        line.section = program_.steps[static_cast<std::size_t>(line.step)].section;
        const auto& spoken =
            program_.narration
                ->steps[static_cast<std::size_t>(line.step)][static_cast<std::size_t>(line.line)];
        line.caption = spoken.caption;
        line.start = e.sessionSample;
        line.end = line.start + spoken.lengthFramesAt(rate_);
        line.grounding = grounding_;
        out_.lines.push_back(std::move(line));
    }

    const Program& program_;
    double rate_;
    bool grounding_;
    SessionTimeline& out_;
    bool open_ = false;
};

}  // namespace

SessionTimeline planTimeline(const Program& program, double sampleRate) {
    SessionTimeline timeline;
    timeline.sampleRate = sampleRate;
    Sequencer sequencer;
    sequencer.prepare(program, sampleRate, 1);
    const auto fadeOut =
        static_cast<std::int64_t>(std::llround(kSessionFadeOutSeconds * sampleRate));
    {
        TimelineRecorder flow(program, sampleRate, false, timeline);
        timeline.lengthFrames = sequencer.walkPlan(0, flow);
        flow.finish(timeline.lengthFrames - fadeOut);
    }
    if (program.groundingSection >= 0) {
        TimelineRecorder grounding(program, sampleRate, true, timeline);
        const int first =
            program.sections[static_cast<std::size_t>(program.groundingSection)].firstStep;
        const std::int64_t end = sequencer.walkPlan(first, grounding);
        grounding.finish(end - fadeOut);
    }
    return timeline;
}

std::int64_t plannedSessionLength(const Program& program, double sampleRate) {
    return plannedSessionFrames(program, sampleRate);
}

}  // namespace stillpoint
