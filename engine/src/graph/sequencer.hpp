// Sequencer: walks a Program sample by sample in the audio thread.
//
// It owns the breath clock (BreathPacer) and the session timeline, and cues
// the MixGraph: it splits every block at the exact sample where something
// discrete happens (a phase boundary, a step or section start, a fade's end),
// so each cue lands on its sample at any block size. Nothing is precomputed
// into absolute times: a step ends when its breaths are done or its length
// has passed, so live commands (pause, hold, skip, pace, stop) take effect at
// once and every one of them is faded.
//
// Two clocks: the session clock (`sessionPosition`) stops while paused; the
// output clock (`outputPosition`) counts every sample rendered. Events carry
// both.
//
// Looking ahead: project() runs the same cue logic ahead from a copy of the
// sequencer's position (SequencerCursor) with silent cues, so the plan as it
// stands (where the section and the session end) is exactly what playing on
// without further commands would do; walkPlan() lays out a whole program the
// same way, for the planned timeline.
//
// prepare() allocates; reset(), render(), apply() and project() are real-time safe.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/cue_target.hpp"
#include "graph/event_sink.hpp"
#include "graph/mix_graph.hpp"
#include "stillpoint/breath_pacer.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/session_state.hpp"

namespace stillpoint {

struct SequencerTiming {
    double fadeInSeconds = kSessionFadeInSeconds;
    double fadeOutSeconds = kSessionFadeOutSeconds;  ///< bells ring out under it
    double stopFadeSeconds = kStopFadeSeconds;
    double pauseFadeSeconds = 1.5;  ///< pause and resume
    double jumpFadeSeconds = 1.0;   ///< each side of a section skip
    double paceGlideSeconds = 8.0;  ///< a live pace change glides over this long
    double restartSectionSeconds =
        5.0;  ///< PrevSection within this of a section's start goes back one
};

/// Length of `program`'s whole session at `rate`, fades included, as
/// planned (no live changes): the walk render() makes, without sound.
std::int64_t plannedSessionFrames(const Program& program, double rate,
                                  const SequencerTiming& timing = {});

/// Where a sequencer is in its program: everything its timing depends on.
/// Trivially copyable, so project() can run ahead from here and come back.
struct SequencerCursor {
    enum class Stage : unsigned char {
        NotStarted,  ///< before sample 0's cue
        Playing,     ///< inside a step
        Pausing,     ///< fading out before the clock stops; steps still run
        Paused,      ///< clock stopped, silent
        Jumping,     ///< fading out before a section skip; steps still run
        FadingOut,   ///< after the last step or a stop
        Finished,    ///< silent for good
    };

    Stage stage_ = Stage::NotStarted;
    std::int64_t clock_ = 0;   // session clock
    std::int64_t output_ = 0;  // output clock
    int step_ = -1;
    bool breathing_ = false;
    bool holding_ = false;
    double paceOverrideBpm_ = 0.0;  // a pace the listener chose; 0: each step's own
    int patternOverride_ = 0;       // a preset the listener chose (1 + index); 0: each step's own
    int pacerPattern_ =
        0;  // the choice the pacer breathes now (SetPattern waits for a whole breath)
    std::int64_t cyclesBefore_ = 0;  // breaths of this step before the pacer's last start
    std::int64_t stepEnd_ = 0;       // for steps that are not breath-driven
    std::int64_t fadeEnd_ = 0;       // Pausing, Jumping: where the fade reaches silence
    int jumpTarget_ = 0;             // Jumping: first step to play after the fade
    std::int64_t finishAt_ = 0;      // FadingOut: session clock at the end
    std::int64_t fadeOutStart_ = 0;  // FadingOut: session clock where the final fade began
    std::int64_t finishedAtOutput_ = 0;
    std::int64_t sectionStartClock_ = 0;  // session clock where the current section began
    BreathPacer pacer_;

    // Checkins: live, the step's end is its prompt's end, and there it waits
    // until Continue; a Continue during the prompt lets it go on right after.
    bool continued_ = false;
    bool waitingForContinue_ = false;
    std::int64_t promptEnd_ = 0;   // session clock where the current checkin's prompt ends
    std::int64_t checkinEnd_ = 0;  // ... and where its set wait ends (a render)

    // Narration of the current step: its lines start at their offsets from
    // the step's start; each line's end is a cue too (the duck's release).
    const std::vector<SpokenLine>* lines_ = nullptr;
    int nextLine_ = 0;
    std::int64_t stepStartClock_ = 0;
    std::int64_t lineStart_ = 0;  // session clock where the line sounding now began
    std::int64_t lineEnd_ = 0;

    // A speaking step whose lines have not arrived: entered, not yet begun (-1: none).
    int awaitedStep_ = -1;
    std::int64_t narrationWait_ = 0;
};

class Sequencer : private SequencerCursor {
  public:
    /// `program` must outlive the sequencer's use of it.
    void prepare(const Program& program, double sampleRate, int maxBlockFrames,
                 const SequencerTiming& timing = {});
    /// Go on with a newer version of the same program (more of its lines
    /// narrated; only steps not yet reached differ), of `plannedLength`
    /// (plannedSessionFrames). A step waiting for its lines begins at the
    /// next cue once they are there. Real-time safe; `program` must outlive its use.
    void updateProgram(const Program& program, std::int64_t plannedLength) noexcept;
    /// Rewind to the start of the session.
    void reset() noexcept;

    /// Render `n` frames through `graph` (writes, not adds), reporting events.
    void render(MixGraph& graph, float* left, float* right, int n, EventSink& events) noexcept;
    /// Live play: a checkin waits after its prompt until Continue (see
    /// EngineConfig::waitAtCheckins). Read where a checkin's prompt ends.
    void setWaitAtCheckins(bool wait) noexcept { waitAtCheckins_ = wait; }
    bool waitsAtCheckins() const noexcept { return waitAtCheckins_; }
    /// Apply a live command at the current position.
    void apply(const Command& command, MixGraph& graph, EventSink& events) noexcept;

    bool finished() const noexcept { return stage_ == Stage::Finished; }
    /// Session samples spent waiting at speaking steps whose lines had not
    /// arrived yet (Program::pendingSpeechFrom), since prepare or reset.
    std::int64_t narrationWaitFrames() const noexcept { return narrationWait_; }
    /// Waiting now for a step's lines.
    bool waitingForNarration() const noexcept { return awaitedStep_ >= 0; }
    std::int64_t sessionPosition() const noexcept { return clock_; }
    std::int64_t outputPosition() const noexcept { return output_; }
    /// Output sample where the session ends (planned, until it has ended).
    std::int64_t finishSample() const noexcept;
    /// Length of the whole session, fades included, as planned (no live changes).
    std::int64_t plannedLengthFrames() const noexcept { return plannedLength_; }

    /// The plan as it stands, from the current position with no further command.
    struct Projection {
        std::int64_t finishClock = 0;      ///< session clock where the session ends
        std::int64_t sectionEndClock = 0;  ///< ... where the current section ends
        /// A hold or a checkin waiting for Continue is the listener's to end: the
        /// ends are as if it ended now (or, ahead, right after the prompt).
        bool atLeast = false;
    };
    /// Run ahead silently and come back. Cost: the cues left (a few per breath).
    Projection project() noexcept;
    /// Fill the timing fields of `state` (section, step, line, flags, pace, pattern).
    void describe(SessionState& state) const noexcept;
    /// From the start of step `firstStep` at clock 0 (0: the session from its
    /// start, fade-in included) to the end, silently, reporting every event.
    /// Returns the clock where it ended. Leaves the sequencer rewound.
    std::int64_t walkPlan(int firstStep, EventSink& events) noexcept;

  private:
    std::int64_t stepCueSample() const noexcept;
    std::int64_t nextCueSample() const noexcept;
    void onCue(CueTarget& graph, EventSink& events) noexcept;
    void onStepCue(CueTarget& graph, EventSink& events) noexcept;
    void beginStep(int index, CueTarget& graph, EventSink& events) noexcept;
    void startLine(CueTarget& graph, EventSink& events) noexcept;
    /// Breathe steps: start the next line when the phase just begun is its anchor.
    void startAnchoredLine(CueTarget& graph, EventSink& events) noexcept;
    bool linesDone() const noexcept;
    std::int64_t lineCueSample() const noexcept;
    void endStep(CueTarget& graph, EventSink& events) noexcept;
    /// A non-breathing step reached its end: false when it stays (held, or a checkin waiting).
    bool stepMayEnd(EventSink& events) noexcept;
    void continueCheckin() noexcept;
    void beginFadeOut(CueTarget& graph, double seconds) noexcept;
    void beginJump(int section, CueTarget& graph) noexcept;
    void emit(EventSink& events, EventType type, int index = 0, double value = 0.0) const noexcept;
    /// What a breathe step breathes: the chosen preset, or the step's own pattern.
    const BreathPattern& patternFor(const PlannedStep& step) const noexcept;
    /// Its pace from `elapsed` seconds into the step: the chosen pace, the
    /// chosen pattern's own, or the rest of the step's planned law.
    PaceLaw paceLawFor(const PlannedStep& step, double elapsed) const noexcept;
    /// At a whole breath: start breathing the chosen pattern.
    void switchPattern(const PlannedStep& step) noexcept;
    std::int64_t framesFor(double seconds) const noexcept;
    std::int64_t planLength() const noexcept;
    /// Step `index` speaks, and its lines have not arrived yet.
    bool narrationPending(int index) const noexcept;
    /// Play on silently until finished (at most `maxCues` cues), as if a hold
    /// were released and every checkin answered at once.
    struct WalkEnd {
        std::int64_t fadeOutClock = -1;  ///< where the final fade began
        std::int64_t finishClock = -1;   ///< where it ended (-1: not within maxCues)
        bool assumedAnswer = false;      ///< a hold or a checkin wait was taken as ended
    };
    WalkEnd walkToEnd(EventSink& events, int maxCues) noexcept;
    int currentSection() const noexcept;

    const Program* program_ = nullptr;
    double rate_ = 48000.0;
    SequencerTiming timing_;
    std::vector<float> fullness_;
    std::int64_t plannedLength_ = 0;

    bool waitAtCheckins_ = false;
    bool projecting_ = false;     // inside walkToEnd: no checkin waits
    bool assumedAnswer_ = false;  // ... and one was taken as answered
};

}  // namespace stillpoint
