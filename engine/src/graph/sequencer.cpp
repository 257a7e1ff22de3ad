#include "graph/sequencer.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint {
namespace {

constexpr std::int64_t kNever = INT64_MAX;

PaceLaw paceLawOf(const PlannedStep& step) {
    return {step.paceBpm, step.rampToBpm, step.rampSeconds};
}

}  // namespace

std::int64_t plannedSessionFrames(const Program& program, double rate,
                                  const SequencerTiming& timing) {
    // Breath steps end on the pacer's own boundaries, so this is exact at any rate.
    const auto framesFor = [rate](double seconds) { return std::llround(seconds * rate); };
    std::int64_t at = 0;
    BreathPacer pacer;
    for (int i = 0; i < program.flowStepCount(); ++i) {
        const auto& step = program.steps[static_cast<std::size_t>(i)];
        if (step.kind == StepKind::Breathe) {
            pacer.start(program.patterns[static_cast<std::size_t>(step.pattern)], rate, at,
                        paceLawOf(step));
            while (pacer.completedCycles() < step.cycles) pacer.advanceSegment();
            at = pacer.segmentStartSample();
        } else {
            at += framesFor(step.lengthSeconds);
        }
    }
    return at + framesFor(timing.fadeOutSeconds);
}

void Sequencer::prepare(const Program& program, double sampleRate, int maxBlockFrames,
                        const SequencerTiming& timing) {
    program_ = &program;
    rate_ = sampleRate;
    breathPresets();  // built here, so SetPattern on the audio thread only reads the table
    timing_ = timing;
    fullness_.assign(static_cast<std::size_t>(std::max(maxBlockFrames, 1)), 0.0f);
    plannedLength_ = plannedSessionFrames(program, sampleRate, timing);
    reset();
}

void Sequencer::updateProgram(const Program& program, std::int64_t plannedLength) noexcept {
    // Lines already begun live in the shared Narration, which every version holds.
    program_ = &program;
    plannedLength_ = plannedLength;
}

bool Sequencer::narrationPending(int index) const noexcept {
    return index >= program_->pendingSpeechFrom &&
           speaks(program_->steps[static_cast<std::size_t>(index)]);
}

void Sequencer::reset() noexcept {
    stage_ = Stage::NotStarted;
    clock_ = output_ = 0;
    step_ = -1;
    breathing_ = holding_ = false;
    paceOverrideBpm_ = 0.0;
    patternOverride_ = pacerPattern_ = 0;
    cyclesBefore_ = 0;
    stepEnd_ = fadeEnd_ = finishAt_ = fadeOutStart_ = finishedAtOutput_ = sectionStartClock_ = 0;
    jumpTarget_ = 0;
    lines_ = nullptr;
    nextLine_ = 0;
    stepStartClock_ = 0;
    lineStart_ = 0;
    lineEnd_ = kNever;
    continued_ = waitingForContinue_ = false;
    promptEnd_ = checkinEnd_ = 0;
    awaitedStep_ = -1;
    narrationWait_ = 0;
}

std::int64_t Sequencer::framesFor(double seconds) const noexcept {
    return std::llround(seconds * rate_);
}

std::int64_t Sequencer::finishSample() const noexcept {
    if (stage_ == Stage::Finished) return finishedAtOutput_;
    const std::int64_t end = stage_ == Stage::FadingOut ? finishAt_ : plannedLength_;
    return end + (output_ - clock_);
}

void Sequencer::emit(EventSink& events, EventType type, int index, double value) const noexcept {
    Event e;
    e.type = type;
    e.sample = output_;
    e.sessionSample = clock_;
    e.index = index;
    e.value = value;
    events.emit(e);
}

std::int64_t Sequencer::stepCueSample() const noexcept {
    if (awaitedStep_ >= 0) return narrationPending(awaitedStep_) ? kNever : clock_;
    return breathing_ ? std::min(pacer_.nextBoundarySample(), lineEnd_)
                      : std::min({stepEnd_, lineCueSample(), lineEnd_});
}

bool Sequencer::linesDone() const noexcept {
    return lineEnd_ == kNever &&
           (lines_ == nullptr || nextLine_ >= static_cast<int>(lines_->size()));
}

void Sequencer::startAnchoredLine(CueTarget& graph, EventSink& events) noexcept {
    if (lineEnd_ != kNever || linesDone()) return;  // a line still sounds, or none is left
    const auto& anchors = program_->steps[static_cast<std::size_t>(step_)].lineAnchors;
    const auto next = static_cast<std::size_t>(nextLine_);
    if (next < anchors.size() && anchors[next] == pacer_.phase()) startLine(graph, events);
}

std::int64_t Sequencer::lineCueSample() const noexcept {
    if (lines_ == nullptr || nextLine_ >= static_cast<int>(lines_->size())) return kNever;
    const auto& line = (*lines_)[static_cast<std::size_t>(nextLine_)];
    return stepStartClock_ + std::llround(static_cast<double>(line.offsetFrames) * rate_ /
                                          program_->narration->sampleRate);
}

void Sequencer::startLine(CueTarget& graph, EventSink& events) noexcept {
    const auto& line = (*lines_)[static_cast<std::size_t>(nextLine_)];
    graph.startLine(line);
    emit(events, EventType::LineSpoken, step_, static_cast<double>(nextLine_));
    lineStart_ = clock_;
    lineEnd_ = clock_ + line.lengthFramesAt(rate_);
    ++nextLine_;
}

std::int64_t Sequencer::nextCueSample() const noexcept {
    switch (stage_) {
        case Stage::NotStarted:
            return 0;
        case Stage::Playing:
            return stepCueSample();
        case Stage::Pausing:
        case Stage::Jumping:
            return std::min(stepCueSample(), fadeEnd_);
        case Stage::FadingOut:
            return finishAt_;
        case Stage::Paused:
        case Stage::Finished:
            break;
    }
    return kNever;
}

void Sequencer::render(MixGraph& graph, float* left, float* right, int n,
                       EventSink& events) noexcept {
    MixGraphCues cues(graph);
    int done = 0;
    while (done < n) {
        // Several cues may share a sample (e.g. a step that ends where the next begins).
        while (stage_ != Stage::Finished && stage_ != Stage::Paused && clock_ >= nextCueSample())
            onCue(cues, events);
        if (stage_ == Stage::Finished || stage_ == Stage::Paused) {
            // Silence; a paused session's clock and sound stay where they were.
            std::fill(left + done, left + n, 0.0f);
            std::fill(right + done, right + n, 0.0f);
            output_ += n - done;
            return;
        }
        const auto chunk =
            static_cast<int>(std::min<std::int64_t>(n - done, nextCueSample() - clock_));
        if (breathing_)
            pacer_.fillFullness(clock_, fullness_.data(), chunk);
        else
            std::fill(fullness_.begin(), fullness_.begin() + chunk, 0.0f);
        graph.render(fullness_.data(), left + done, right + done, chunk);
        if (awaitedStep_ >= 0) narrationWait_ += chunk;
        clock_ += chunk;
        output_ += chunk;
        done += chunk;
    }
}

void Sequencer::onCue(CueTarget& graph, EventSink& events) noexcept {
    switch (stage_) {
        case Stage::NotStarted:
            emit(events, EventType::SessionStarted);
            graph.fadeMaster(1.0f, framesFor(timing_.fadeInSeconds));
            stage_ = Stage::Playing;
            if (program_->flowStepCount() == 0)
                beginFadeOut(graph, timing_.fadeOutSeconds);
            else
                beginStep(0, graph, events);
            return;
        case Stage::Pausing:
            if (clock_ >= fadeEnd_) {
                stage_ = Stage::Paused;
                emit(events, EventType::Paused);
                return;
            }
            onStepCue(graph, events);
            return;
        case Stage::Jumping:
            if (clock_ >= fadeEnd_) {
                stage_ = Stage::Playing;
                graph.fadeMaster(1.0f, framesFor(timing_.jumpFadeSeconds));
                if (jumpTarget_ < static_cast<int>(program_->steps.size())) {
                    breathing_ = false;
                    beginStep(jumpTarget_, graph, events);
                } else {
                    beginFadeOut(graph, 0.0);
                }
                return;
            }
            onStepCue(graph, events);
            return;
        case Stage::Playing:
            onStepCue(graph, events);
            return;
        case Stage::FadingOut:
            stage_ = Stage::Finished;
            finishedAtOutput_ = output_;
            emit(events, EventType::Finished);
            return;
        case Stage::Paused:
        case Stage::Finished:
            return;
    }
}

void Sequencer::onStepCue(CueTarget& graph, EventSink& events) noexcept {
    if (awaitedStep_ >= 0) {  // its lines are here now
        beginStep(awaitedStep_, graph, events);
        return;
    }
    if (clock_ >= lineEnd_) {
        graph.endLine();
        lineEnd_ = kNever;
        return;
    }
    if (!breathing_ && clock_ >= lineCueSample()) {
        startLine(graph, events);
        return;
    }
    if (!breathing_) {
        if (stepMayEnd(events)) endStep(graph, events);
        return;
    }
    pacer_.advanceSegment();
    const auto& step = program_->steps[static_cast<std::size_t>(step_)];
    const bool wholeBreath = pacer_.segmentIndex() == 0;
    // A breath step ends only on a whole breath, never while held, and never
    // before its lines are said.
    if (!holding_ && wholeBreath && cyclesBefore_ + pacer_.completedCycles() >= step.cycles &&
        linesDone()) {
        endStep(graph, events);
        return;
    }
    // A chosen pattern starts on a whole breath: the lungs are empty in every pattern there.
    if (wholeBreath && pacerPattern_ != patternOverride_) switchPattern(step);
    emit(events, EventType::PhaseChanged, static_cast<int>(pacer_.phase()),
         static_cast<double>(cyclesBefore_ + pacer_.completedCycles()));
    graph.onPhaseChange(pacer_.phase());
    startAnchoredLine(graph, events);
}

bool Sequencer::stepMayEnd(EventSink& events) noexcept {
    if (holding_) {
        stepEnd_ = kNever;  // stay in this step until Release
        return false;
    }
    const bool checkin = program_->steps[static_cast<std::size_t>(step_)].kind == StepKind::Checkin;
    if (checkin && !continued_ && waitAtCheckins_ && projecting_) {
        assumedAnswer_ = true;  // looking ahead: the wait is the listener's, not counted
        return true;
    }
    if (checkin && !continued_ && waitAtCheckins_) {
        // However long it takes: the listener says when to go on.
        stepEnd_ = kNever;
        if (!waitingForContinue_) emit(events, EventType::WaitingForContinue, step_);
        waitingForContinue_ = true;
        return false;
    }
    if (checkin && !continued_ && clock_ < checkinEnd_) {
        stepEnd_ = checkinEnd_;  // the prompt is said; now its set wait
        return false;
    }
    return true;
}

void Sequencer::continueCheckin() noexcept {
    if (step_ < 0 || program_->steps[static_cast<std::size_t>(step_)].kind != StepKind::Checkin)
        return;
    continued_ = true;
    waitingForContinue_ = false;
    // Never before the prompt has been said; a held checkin stays held.
    if (!holding_) stepEnd_ = std::max(clock_, promptEnd_);
}

void Sequencer::endStep(CueTarget& graph, EventSink& events) noexcept {
    breathing_ = false;
    // The normal flow stops where the grounding section begins; grounding
    // itself runs to the end of the program.
    const int last = step_ < program_->flowStepCount() ? program_->flowStepCount()
                                                       : static_cast<int>(program_->steps.size());
    if (step_ + 1 < last)
        beginStep(step_ + 1, graph, events);
    else
        beginFadeOut(graph, timing_.fadeOutSeconds);
}

void Sequencer::beginStep(int index, CueTarget& graph, EventSink& events) noexcept {
    step_ = index;
    awaitedStep_ = -1;
    if (narrationPending(index)) {
        // As at a checkin: the bed goes on, the breath tone rests, until the lines arrive.
        awaitedStep_ = index;
        breathing_ = false;
        graph.setToneActive(false);
        graph.endLine();
        lineEnd_ = kNever;
        lines_ = nullptr;
        nextLine_ = 0;
        return;
    }
    const auto& step = program_->steps[static_cast<std::size_t>(index)];
    const auto& section = program_->sections[static_cast<std::size_t>(step.section)];
    if (section.firstStep == index) {
        sectionStartClock_ = clock_;
        emit(events, EventType::SectionStarted, step.section);
    }
    emit(events, EventType::StepStarted, index);

    // A line still sounding here was cut by a jump, under its fade.
    graph.endLine();
    lineEnd_ = kNever;
    stepStartClock_ = clock_;
    nextLine_ = 0;
    const auto& narration = program_->narration;
    lines_ = narration && static_cast<std::size_t>(index) < narration->steps.size()
                 ? &narration->steps[static_cast<std::size_t>(index)]
                 : nullptr;

    breathing_ = step.kind == StepKind::Breathe;
    graph.setToneActive(breathing_ && step.tone != ToneTimbre::None);
    if (breathing_) {
        if (step.tone != ToneTimbre::None) graph.setTimbre(step.tone);
        // A pace or pattern the listener chose outlasts the step it was chosen in.
        cyclesBefore_ = 0;
        pacerPattern_ = patternOverride_;
        pacer_.start(patternFor(step), rate_, clock_, paceLawFor(step, 0.0));
        emit(events, EventType::PhaseChanged, static_cast<int>(pacer_.phase()), 0.0);
        graph.onPhaseChange(pacer_.phase());
        startAnchoredLine(graph, events);
        return;
    }
    if (step.kind == StepKind::Bell) {
        graph.strikeBell(step.bell);
        emit(events, EventType::BellStruck, static_cast<int>(step.bell));
    }
    stepEnd_ = clock_ + framesFor(step.lengthSeconds);
    continued_ = waitingForContinue_ = false;
    if (step.kind == StepKind::Checkin) {
        // A cue where the prompt ends: there the checkin waits, live or for its set time.
        checkinEnd_ = stepEnd_;
        promptEnd_ = stepEnd_ = clock_ + framesFor(step.lengthSeconds - step.waitSeconds);
    }
}

const BreathPattern& Sequencer::patternFor(const PlannedStep& step) const noexcept {
    return pacerPattern_ > 0 ? breathPresets()[static_cast<std::size_t>(pacerPattern_ - 1)]
                             : program_->patterns[static_cast<std::size_t>(step.pattern)];
}

PaceLaw Sequencer::paceLawFor(const PlannedStep& step, double elapsed) const noexcept {
    if (paceOverrideBpm_ > 0.0) return PaceLaw::constant(paceOverrideBpm_);
    if (pacerPattern_ > 0) return PaceLaw::constant(patternFor(step).breathsPerMinute());
    const PaceLaw planned = paceLawOf(step);
    return {planned.bpmAt(elapsed), planned.toBpm, std::max(0.0, planned.glideSeconds - elapsed)};
}

void Sequencer::switchPattern(const PlannedStep& step) noexcept {
    cyclesBefore_ += pacer_.completedCycles();
    pacerPattern_ = patternOverride_;
    pacer_.start(patternFor(step), rate_, clock_,
                 paceLawFor(step, static_cast<double>(clock_ - stepStartClock_) / rate_));
}

void Sequencer::beginFadeOut(CueTarget& graph, double seconds) noexcept {
    breathing_ = false;
    awaitedStep_ = -1;
    lines_ = nullptr;  // a line already sounding plays on under the fade
    graph.setToneActive(false);
    graph.fadeMaster(0.0f, framesFor(seconds));
    stage_ = Stage::FadingOut;
    fadeOutStart_ = clock_;
    finishAt_ = clock_ + framesFor(seconds);
}

void Sequencer::beginJump(int section, CueTarget& graph) noexcept {
    // Skipping past the last section of the flow (or of grounding) ends the session.
    const int flowSections = program_->groundingSection < 0
                                 ? static_cast<int>(program_->sections.size())
                                 : program_->groundingSection;
    const bool valid =
        section < flowSections || (section == program_->groundingSection &&
                                   section < static_cast<int>(program_->sections.size()));
    jumpTarget_ = valid ? program_->sections[static_cast<std::size_t>(section)].firstStep
                        : static_cast<int>(program_->steps.size());
    holding_ = false;
    graph.fadeMaster(0.0f, framesFor(timing_.jumpFadeSeconds));
    fadeEnd_ = clock_ + framesFor(timing_.jumpFadeSeconds);
    stage_ = Stage::Jumping;
}

void Sequencer::apply(const Command& command, MixGraph& mixGraph, EventSink& events) noexcept {
    MixGraphCues graph(mixGraph);
    const bool live =
        stage_ == Stage::Playing || stage_ == Stage::Pausing || stage_ == Stage::Jumping;
    const int section = step_ >= 0 ? program_->steps[static_cast<std::size_t>(step_)].section : 0;
    switch (command.type) {
        case CommandType::Pause:
            if (stage_ != Stage::Playing) return;
            graph.fadeMaster(0.0f, framesFor(timing_.pauseFadeSeconds));
            fadeEnd_ = clock_ + framesFor(timing_.pauseFadeSeconds);
            stage_ = Stage::Pausing;
            return;
        case CommandType::Resume:
            if (stage_ != Stage::Paused && stage_ != Stage::Pausing) return;
            graph.fadeMaster(1.0f, framesFor(timing_.pauseFadeSeconds));
            stage_ = Stage::Playing;
            emit(events, EventType::Resumed);
            return;
        case CommandType::Hold:
            holding_ = live;
            return;
        case CommandType::Release:
            if (!holding_) return;
            holding_ = false;
            if (!breathing_ && stepEnd_ == kNever) stepEnd_ = clock_;
            return;
        case CommandType::NextSection:
            if (stage_ == Stage::Playing)
                beginJump(section == program_->groundingSection ? INT32_MAX : section + 1, graph);
            return;
        case CommandType::Grounding:
            if (program_->groundingSection >= 0 && section != program_->groundingSection &&
                (stage_ == Stage::Playing || stage_ == Stage::Pausing || stage_ == Stage::Paused)) {
                if (stage_ != Stage::Playing)
                    graph.fadeMaster(0.0f, 0);  // already silent or nearly
                stage_ = Stage::Playing;
                mixGraph.haptics().soften();  // care: a softer touch from here on
                beginJump(program_->groundingSection, graph);
            }
            return;
        case CommandType::PrevSection: {
            if (stage_ != Stage::Playing) return;
            // Back to this section's start, or to the previous one when just past the start.
            const bool nearStart =
                clock_ - sectionStartClock_ < framesFor(timing_.restartSectionSeconds);
            beginJump(nearStart ? std::max(section - 1, 0) : section, graph);
            return;
        }
        case CommandType::SetPace: {
            if (!std::isfinite(command.value)) return;
            // 0 hands the pace back to the session; anything else holds until changed.
            const double chosen = command.value > 0.0 ? std::clamp(command.value, 1.0, 30.0) : 0.0;
            if (chosen == 0.0 && paceOverrideBpm_ == 0.0) return;  // already the session's own
            paceOverrideBpm_ = chosen;
            if (!breathing_) return;
            const auto& step = program_->steps[static_cast<std::size_t>(step_)];
            const double home =
                pacerPattern_ > 0 ? patternFor(step).breathsPerMinute() : step.rampToBpm;
            pacer_.glideTo(paceOverrideBpm_ > 0.0 ? paceOverrideBpm_ : home, clock_,
                           framesFor(timing_.paceGlideSeconds));
            return;
        }
        case CommandType::SetPattern:
            // Takes effect at the next whole breath (onStepCue) or breathe step.
            if (command.index >= 0 && command.index <= static_cast<int>(breathPresets().size()))
                patternOverride_ = command.index;
            return;
        case CommandType::SetLayerGain:
            if (command.index >= 0 && command.index < static_cast<int>(LayerId::Count) &&
                std::isfinite(command.value))
                mixGraph.setLayerGainDb(static_cast<LayerId>(command.index), command.value);
            return;
        case CommandType::Continue:
            if (live || stage_ == Stage::Paused) continueCheckin();
            return;
        case CommandType::Stop:
            if (live) beginFadeOut(graph, timing_.stopFadeSeconds);
            if (stage_ == Stage::Paused) beginFadeOut(graph, 0.0);  // already silent
            return;
    }
}

int Sequencer::currentSection() const noexcept {
    return step_ >= 0 ? program_->steps[static_cast<std::size_t>(step_)].section : -1;
}

Sequencer::WalkEnd Sequencer::walkToEnd(EventSink& events, int maxCues) noexcept {
    SilentCues cues;
    WalkEnd end;
    projecting_ = true;
    assumedAnswer_ = false;
    // As if the listener let go now: a hold ends (Release), a waiting checkin goes on (Continue).
    if (holding_) {
        holding_ = false;
        assumedAnswer_ = true;
        if (!breathing_ && stepEnd_ == kNever) stepEnd_ = clock_;
    }
    if (waitingForContinue_) {
        continueCheckin();
        assumedAnswer_ = true;
    }
    for (int cue = 0; cue < maxCues && stage_ != Stage::Finished; ++cue) {
        // Paused time is not on the session clock: looking ahead, it resumes at once.
        if (stage_ == Stage::Paused) stage_ = Stage::Playing;
        const std::int64_t next = nextCueSample();
        if (next == kNever) break;
        clock_ = std::max(clock_, next);
        onCue(cues, events);
        if (stage_ == Stage::FadingOut && end.fadeOutClock < 0) end.fadeOutClock = clock_;
    }
    if (stage_ == Stage::Finished) end.finishClock = clock_;
    end.assumedAnswer = assumedAnswer_;
    projecting_ = false;
    return end;
}

namespace {

// Looking ahead: where the current section ends, i.e. where any section
// starts next (a jump back to the same one included).
class SectionEndSink final : public EventSink {
  public:
    void emit(const Event& event) noexcept override {
        if (event.type == EventType::SectionStarted && nextSectionClock < 0)
            nextSectionClock = event.sessionSample;
    }
    std::int64_t nextSectionClock = -1;
};

// Far more cues than any session has (a breath is four), so a walk that
// reaches it is one that never ends: reported as a lower bound.
constexpr int kMaxProjectedCues = 200000;

}  // namespace

Sequencer::Projection Sequencer::project() noexcept {
    const SequencerCursor here = *this;
    SectionEndSink sink;
    const WalkEnd end = walkToEnd(sink, kMaxProjectedCues);
    Projection projection;
    const std::int64_t last = end.finishClock >= 0 ? end.finishClock : clock_;
    projection.finishClock = last;
    projection.sectionEndClock = sink.nextSectionClock >= 0 ? sink.nextSectionClock
                                 : end.fadeOutClock >= 0    ? end.fadeOutClock
                                                            : last;
    // Fading out already: the section ended where the final fade began (as a
    // walk that reaches the fade says), not at this block's end.
    if (here.stage_ == Stage::FadingOut || here.stage_ == Stage::Finished)
        projection.sectionEndClock = here.fadeOutStart_;
    projection.atLeast = end.assumedAnswer || end.finishClock < 0;
    static_cast<SequencerCursor&>(*this) = here;
    return projection;
}

std::int64_t Sequencer::walkPlan(int firstStep, EventSink& events) noexcept {
    // As planned: each checkin takes its written wait.
    const bool live = waitAtCheckins_;
    waitAtCheckins_ = false;
    reset();
    SilentCues cues;
    if (firstStep > 0 && firstStep < static_cast<int>(program_->steps.size())) {
        stage_ = Stage::Playing;
        beginStep(firstStep, cues, events);
    }
    const std::int64_t end = walkToEnd(events, kMaxProjectedCues).finishClock;
    reset();
    waitAtCheckins_ = live;
    return end;
}

void Sequencer::describe(SessionState& s) const noexcept {
    s.sessionSample = clock_;
    s.started = stage_ != Stage::NotStarted;
    s.finished = stage_ == Stage::Finished;
    s.paused = stage_ == Stage::Pausing || stage_ == Stage::Paused;
    s.holding = holding_;
    s.waitingForContinue = waitingForContinue_;
    s.waitingForNarration = awaitedStep_ >= 0;
    s.step = step_;
    s.section = currentSection();
    s.sectionStart = sectionStartClock_;
    const int grounding = program_->groundingSection;
    const bool toGrounding =
        stage_ == Stage::Jumping && grounding >= 0 &&
        jumpTarget_ == program_->sections[static_cast<std::size_t>(grounding)].firstStep;
    s.groundingActive = grounding >= 0 && (s.section == grounding || toGrounding);
    const bool speaking = stage_ != Stage::Finished && lineEnd_ != kNever && clock_ < lineEnd_ &&
                          step_ >= 0 && nextLine_ > 0;
    s.lineStep = speaking ? step_ : -1;
    s.lineIndex = speaking ? nextLine_ - 1 : -1;
    s.lineStart = speaking ? lineStart_ : 0;
    s.lineEnd = speaking ? lineEnd_ : 0;
    const bool breathingNow = breathing_ && (stage_ == Stage::Playing || stage_ == Stage::Pausing ||
                                             stage_ == Stage::Paused || stage_ == Stage::Jumping);
    s.paceBpm = breathingNow ? pacer_.bpmAt(clock_) : 0.0;
    s.breathPhase = breathingNow ? static_cast<int>(pacer_.phase()) : -1;
    s.patternChoice = patternOverride_;
    s.patternIndex = breathingNow && pacerPattern_ == 0
                         ? program_->steps[static_cast<std::size_t>(step_)].pattern
                         : -1;
}

}  // namespace stillpoint
