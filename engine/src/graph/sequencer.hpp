// Sequencer: walks a Program sample by sample in the audio thread.
//
// It owns the breath clock (BreathPacer) and the session timeline, and cues
// the MixGraph: it splits every block at the exact sample where something
// discrete happens (a phase boundary, a step or section start, the end), so
// each cue lands on its sample at any block size. Times are never
// precomputed into absolute positions at run time: a step ends when its
// breaths are done or its length has passed, so live commands (pace, stop)
// take effect at once.
//
// prepare() allocates; reset(), render() and apply() are real-time safe.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/event_sink.hpp"
#include "graph/mix_graph.hpp"
#include "stillpoint/breath_pacer.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint {

struct SequencerTiming {
    double fadeInSeconds = kSessionFadeInSeconds;
    double fadeOutSeconds = kSessionFadeOutSeconds;  ///< bells ring out under it
    double stopFadeSeconds = kStopFadeSeconds;
    double paceGlideSeconds = 8.0;///< a live pace change glides over this long
};

class Sequencer {
public:
    /// `program` must outlive the sequencer's use of it.
    void prepare(const Program& program, double sampleRate, int maxBlockFrames,
                 const SequencerTiming& timing = {});
    /// Rewind to the start of the session.
    void reset() noexcept;

    /// Render `n` frames through `graph` (writes, not adds), reporting events.
    void render(MixGraph& graph, float* left, float* right, int n, EventSink& events) noexcept;
    /// Apply a live command at the current position.
    void apply(const Command& command, MixGraph& graph) noexcept;

    bool finished() const noexcept { return stage_ == Stage::Finished; }
    std::int64_t position() const noexcept { return pos_; }
    /// Sample where the session went (or will go) silent for good.
    std::int64_t finishSample() const noexcept { return stage_ >= Stage::FadingOut ? finishAt_ : plannedLength_; }
    /// Length of the whole session, fades included, as planned (no live changes).
    std::int64_t plannedLengthFrames() const noexcept { return plannedLength_; }

private:
    enum class Stage : unsigned char {
        NotStarted,  ///< before sample 0's cue
        Playing,     ///< inside a step
        FadingOut,   ///< after the last step or a stop
        Finished,    ///< silent for good
    };

    std::int64_t nextCueSample() const noexcept;
    void onCue(MixGraph& graph, EventSink& events) noexcept;
    void beginStep(int index, MixGraph& graph, EventSink& events) noexcept;
    void endStep(MixGraph& graph, EventSink& events) noexcept;
    void beginFadeOut(MixGraph& graph, double seconds) noexcept;
    std::int64_t framesFor(double seconds) const noexcept;
    std::int64_t planLength() const noexcept;

    const Program* program_ = nullptr;
    double rate_ = 48000.0;
    SequencerTiming timing_;
    std::vector<float> fullness_;
    std::int64_t plannedLength_ = 0;

    Stage stage_ = Stage::NotStarted;
    std::int64_t pos_ = 0;
    int step_ = -1;
    bool breathing_ = false;
    std::int64_t stepEnd_ = 0;  // for steps that are not breath-driven
    std::int64_t finishAt_ = 0;
    BreathPacer pacer_;
};

}  // namespace stillpoint
