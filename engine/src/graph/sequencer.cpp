#include "graph/sequencer.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint {
namespace {

PaceLaw paceLawOf(const PlannedStep& step) {
    return {step.paceBpm, step.rampToBpm, step.rampSeconds};
}

}  // namespace

void Sequencer::prepare(const Program& program, double sampleRate, int maxBlockFrames,
                        const SequencerTiming& timing) {
    program_ = &program;
    rate_ = sampleRate;
    timing_ = timing;
    fullness_.assign(static_cast<std::size_t>(std::max(maxBlockFrames, 1)), 0.0f);
    plannedLength_ = planLength();
    reset();
}

void Sequencer::reset() noexcept {
    stage_ = Stage::NotStarted;
    pos_ = 0;
    step_ = -1;
    breathing_ = false;
    stepEnd_ = 0;
    finishAt_ = 0;
}

std::int64_t Sequencer::framesFor(double seconds) const noexcept {
    return std::llround(seconds * rate_);
}

std::int64_t Sequencer::planLength() const noexcept {
    // The same walk render() makes, without sound: breath steps end on the
    // pacer's own boundaries, so this is exact at any rate.
    std::int64_t at = 0;
    BreathPacer pacer;
    for (const auto& step : program_->steps) {
        if (step.kind == StepKind::Breathe) {
            pacer.start(program_->patterns[static_cast<std::size_t>(step.pattern)], rate_, at,
                        paceLawOf(step));
            while (pacer.completedCycles() < step.cycles) pacer.advanceSegment();
            at = pacer.segmentStartSample();
        } else {
            at += framesFor(step.lengthSeconds);
        }
    }
    return at + framesFor(timing_.fadeOutSeconds);
}

std::int64_t Sequencer::nextCueSample() const noexcept {
    switch (stage_) {
        case Stage::NotStarted: return 0;
        case Stage::Playing: return breathing_ ? pacer_.nextBoundarySample() : stepEnd_;
        case Stage::FadingOut: return finishAt_;
        case Stage::Finished: break;
    }
    return INT64_MAX;
}

void Sequencer::render(MixGraph& graph, float* left, float* right, int n,
                       EventSink& events) noexcept {
    int done = 0;
    while (done < n) {
        // Several cues may share a sample (e.g. a step that ends where the next begins).
        while (stage_ != Stage::Finished && pos_ >= nextCueSample()) onCue(graph, events);
        if (stage_ == Stage::Finished) {
            std::fill(left + done, left + n, 0.0f);
            std::fill(right + done, right + n, 0.0f);
            pos_ += n - done;
            return;
        }
        const auto chunk =
            static_cast<int>(std::min<std::int64_t>(n - done, nextCueSample() - pos_));
        if (breathing_)
            pacer_.fillFullness(pos_, fullness_.data(), chunk);
        else
            std::fill(fullness_.begin(), fullness_.begin() + chunk, 0.0f);
        graph.render(fullness_.data(), left + done, right + done, chunk);
        pos_ += chunk;
        done += chunk;
    }
}

void Sequencer::onCue(MixGraph& graph, EventSink& events) noexcept {
    switch (stage_) {
        case Stage::NotStarted:
            events.emit({EventType::SessionStarted, pos_, 0, 0.0});
            graph.fadeMaster(1.0f, framesFor(timing_.fadeInSeconds));
            stage_ = Stage::Playing;
            if (program_->steps.empty())
                beginFadeOut(graph, timing_.fadeOutSeconds);
            else
                beginStep(0, graph, events);
            return;
        case Stage::Playing:
            if (breathing_) {
                pacer_.advanceSegment();
                const auto& step = program_->steps[static_cast<std::size_t>(step_)];
                if (pacer_.completedCycles() >= step.cycles) {
                    endStep(graph, events);
                    return;
                }
                events.emit({EventType::PhaseChanged, pos_, static_cast<int>(pacer_.phase()),
                             static_cast<double>(pacer_.completedCycles())});
                graph.onPhaseChange(pacer_.phase());
                return;
            }
            endStep(graph, events);
            return;
        case Stage::FadingOut:
            stage_ = Stage::Finished;
            events.emit({EventType::Finished, pos_, 0, 0.0});
            return;
        case Stage::Finished: return;
    }
}

void Sequencer::endStep(MixGraph& graph, EventSink& events) noexcept {
    breathing_ = false;
    if (step_ + 1 < static_cast<int>(program_->steps.size()))
        beginStep(step_ + 1, graph, events);
    else
        beginFadeOut(graph, timing_.fadeOutSeconds);
}

void Sequencer::beginStep(int index, MixGraph& graph, EventSink& events) noexcept {
    step_ = index;
    const auto& step = program_->steps[static_cast<std::size_t>(index)];
    const auto& section = program_->sections[static_cast<std::size_t>(step.section)];
    if (section.firstStep == index) events.emit({EventType::SectionStarted, pos_, step.section, 0.0});
    events.emit({EventType::StepStarted, pos_, index, 0.0});

    breathing_ = step.kind == StepKind::Breathe;
    graph.setToneActive(breathing_ && step.tone != ToneTimbre::None);
    if (breathing_) {
        if (step.tone != ToneTimbre::None) graph.setTimbre(step.tone);
        pacer_.start(program_->patterns[static_cast<std::size_t>(step.pattern)], rate_, pos_,
                     paceLawOf(step));
        events.emit({EventType::PhaseChanged, pos_, static_cast<int>(pacer_.phase()), 0.0});
        graph.onPhaseChange(pacer_.phase());
        return;
    }
    if (step.kind == StepKind::Bell) {
        graph.strikeBell(step.bell);
        events.emit({EventType::BellStruck, pos_, static_cast<int>(step.bell), 0.0});
    }
    stepEnd_ = pos_ + framesFor(step.lengthSeconds);
}

void Sequencer::beginFadeOut(MixGraph& graph, double seconds) noexcept {
    breathing_ = false;
    graph.setToneActive(false);
    graph.fadeMaster(0.0f, framesFor(seconds));
    stage_ = Stage::FadingOut;
    finishAt_ = pos_ + framesFor(seconds);
}

void Sequencer::apply(const Command& command, MixGraph& graph) noexcept {
    switch (command.type) {
        case CommandType::SetPace:
            if (breathing_ && std::isfinite(command.value))
                pacer_.glideTo(std::clamp(command.value, 1.0, 30.0), pos_,
                               framesFor(timing_.paceGlideSeconds));
            return;
        case CommandType::SetLayerGain:
            if (command.index >= 0 && command.index < static_cast<int>(LayerId::Count) &&
                std::isfinite(command.value))
                graph.setLayerGainDb(static_cast<LayerId>(command.index), command.value);
            return;
        case CommandType::Stop:
            if (stage_ == Stage::Playing) beginFadeOut(graph, timing_.stopFadeSeconds);
            return;
    }
}

}  // namespace stillpoint
