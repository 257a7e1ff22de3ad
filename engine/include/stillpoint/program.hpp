// Program: a planned session, ready for the sequencer.
//
// The Planner resolves names (patterns, defaults), turns `duration` into whole
// breath cycles, estimates spoken lengths and lays out the timeline. It runs
// off the audio thread and may allocate; the Program it returns is immutable
// and the sequencer only reads it.
#pragma once

#include <climits>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "stillpoint/diagnostic.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint {

enum class StepKind : unsigned char { Breathe, Pause, Bell, Say, Scan, Checkin };
std::string_view toString(StepKind kind);

struct PlannedStep {
    StepKind kind = StepKind::Pause;
    int section = 0;             ///< index into Program::sections
    SourcePos pos;               ///< where the step is written
    double startSeconds = 0.0;   ///< planned start
    double lengthSeconds = 0.0;  ///< planned length (breathe: exact at any rate, see cycles)

    // Breathe
    int pattern = -1;        ///< index into Program::patterns
    int cycles = 0;          ///< whole breath cycles the step runs
    double paceBpm = 0.0;    ///< starting pace
    double rampToBpm = 0.0;  ///< pace at the end of the glide (== paceBpm: no glide)
    double rampSeconds = 0.0;
    /// `pace: resonance`: the pace came from the listener's resonance; a live
    /// heart stream may steer it within the safety limits (heart_pace.hpp).
    bool resonancePace = false;
    ToneTimbre tone = ToneTimbre::None;
    /// Breathe with lines: `lineAnchors[i]` is the phase line i starts on;
    /// `cycles` includes the breaths the lines need, `writtenCycles` is what
    /// the session asked for (see anchoredLineLayout).
    std::vector<BreathPhase> lineAnchors;
    int writtenCycles = 0;

    // Bell
    BellKind bell = BellKind::Bowl;

    // Say, Scan (one planned line per region), Checkin (prompt), Breathe (its lines)
    std::vector<std::string> lines;  ///< the words to speak, in order
    /// `lineIds[i]`: the id a voice pack keys line i's clip by (empty: none);
    /// written (`id:`) or derived (scan phrases, the built-in grounding).
    std::vector<std::string> lineIds;
    LineVoice voice;             ///< Say, Checkin: the line's own voice and prosody
    double regionSeconds = 0.0;  ///< Scan: the time each region is given, at least
    double waitSeconds = 0.0;    ///< Checkin: the quiet after the prompt (render)
};

/// Whether a step has lines to speak (say, scan, checkin, breathe with lines).
inline bool speaks(const PlannedStep& step) {
    return (step.kind == StepKind::Say || step.kind == StepKind::Scan ||
            step.kind == StepKind::Checkin || step.kind == StepKind::Breathe) &&
           !step.lines.empty();
}

/// A silence inside a spoken line (after a sentence, `...`, `[pause 2s]`):
/// `frames` long, before sample `atSample` of the line's samples, both at the
/// clip's rate. Rests are lengths, never buffers of zeros, so a line's memory
/// is its words' alone.
struct LineRest {
    std::int64_t atSample = 0;
    std::int64_t frames = 0;
    friend bool operator==(const LineRest&, const LineRest&) = default;
};

/// Frames `count` frames at `fromRate` last at `toRate`: those whose read
/// position, k * fromRate / toRate, falls before `count`.
inline std::int64_t framesAtRate(std::int64_t count, double fromRate, double toRate) {
    if (count <= 0) return 0;
    return static_cast<std::int64_t>(std::ceil(static_cast<double>(count) * toRate / fromRate));
}

/// A line's sound, kept compact: 16-bit samples at the rate it was made at
/// (the synthesiser's own, or the recording's up to the engine rate), scaled
/// by `gain`, and its rests. The voice layer resamples it as it plays.
struct SpeechClip {
    double sampleRate = 16000.0;
    std::vector<std::int16_t> samples;  ///< the spoken sound, sentence after sentence
    float gain = 1.0f;                  ///< a sample's value is samples[i] * gain
    std::vector<LineRest> rests;        ///< in order of atSample

    friend bool operator==(const SpeechClip&, const SpeechClip&) = default;
    float value(std::size_t i) const { return gain * static_cast<float>(samples[i]); }
    /// Frames the clip lasts at its own rate: its samples and its rests.
    std::int64_t lengthFrames() const {
        auto frames = static_cast<std::int64_t>(samples.size());
        for (const LineRest& rest : rests) frames += rest.frames;
        return frames;
    }
    /// Bytes the clip holds in memory.
    std::size_t bytes() const {
        return samples.capacity() * sizeof(std::int16_t) + rests.capacity() * sizeof(LineRest);
    }
};

/// One spoken line, rendered.
struct SpokenLine {
    std::string caption;            ///< the words, markup removed
    std::int64_t offsetFrames = 0;  ///< from the step's start, at Narration::sampleRate
    SpeechClip clip;

    /// Frames the line lasts at `rate` (Narration::sampleRate, an engine's rate).
    std::int64_t lengthFramesAt(double rate) const {
        return framesAtRate(clip.lengthFrames(), clip.sampleRate, rate);
    }
};

/// The rendered voice of a program: `steps[i]` holds Program::steps[i]'s
/// lines (none for steps that do not speak, nor for the grounding section's
/// when it was not narrated). Immutable once attached.
struct Narration {
    double sampleRate = 48000.0;  ///< of the lines' offsets (each clip has its own rate)
    std::vector<std::vector<SpokenLine>> steps;

    /// Bytes every clip holds in memory.
    std::size_t clipBytes() const {
        std::size_t bytes = 0;
        for (const auto& lines : steps)
            for (const SpokenLine& line : lines) bytes += line.clip.bytes();
        return bytes;
    }
};

struct PlannedSection {
    std::string name;
    int firstStep = 0;
    int stepCount = 0;
    double startSeconds = 0.0;
};

struct Program {
    std::string title;
    std::string sourcePath;
    Language language = Language::English;  ///< the session's; picks the default voice
    SourcePos languagePos;                  ///< where `language:` is written, for errors
    SoundSettings sound;
    std::vector<BreathPattern> patterns;
    std::vector<PlannedSection> sections;
    std::vector<PlannedStep> steps;
    double lengthSeconds = 0.0;  ///< all steps of the normal flow, without the fade-out tail
    /// A section played only on a Grounding command, after the normal flow's
    /// steps (so it is always the last section); -1 when there is none.
    int groundingSection = -1;
    /// Steps of the normal flow: all of them, or those before the grounding section.
    int flowStepCount() const {
        return groundingSection < 0
                   ? static_cast<int>(steps.size())
                   : sections[static_cast<std::size_t>(groundingSection)].firstStep;
    }
    /// Steps whose audio is planned but not yet produced (e.g. `say` before
    /// narration exists): rendered as silence of the planned length.
    std::vector<int> silentSpeechSteps;
    /// While a worker is still narrating (SessionPreparation): the steps from
    /// this index on that speak have no lines yet. The sequencer waits at the
    /// first of them it reaches, the bed going on, until a newer program with
    /// its lines arrives (Engine::updateProgram). INT_MAX: none is pending.
    int pendingSpeechFrom = INT_MAX;
    /// The spoken lines, once narration has rendered them (null: speech is silent).
    std::shared_ptr<const Narration> narration;
};

struct PlanOptions {
    std::vector<std::string> avoid;  ///< extra body regions to leave out
    /// Replaces the session's default synthesised voice for this run (a
    /// listener's or therapist's choice); lines with their own voice keep it.
    /// parseVoiceName reads the `engine:name` or `name` form.
    std::optional<VoiceName> voice;
    /// The listener's resonance pace in breaths/min (a client profile's, or
    /// `stillpoint resonance`'s finding): what `pace: resonance` breathes.
    std::optional<double> resonanceBpm;
    /// The listener's own breathing pace in breaths/min, within
    /// kListenerPaceRange (pace_range.hpp): every breathe step of the flow
    /// breathes it steadily in place of its written pace or ramp, in whole
    /// cycles (a `duration` step keeps its length as near as whole breaths
    /// allow). `pace: resonance` steps keep the resonance pace, and the
    /// grounding section its own slower pace.
    std::optional<double> paceBpm;
};

struct PlanResult {
    std::optional<Program> program;
    Diagnostics diagnostics;
};

PlanResult planSession(const Session& session, const PlanOptions& options = {});

/// `engine:name` (`espeak:en-gb`, `flite:cmu_us_awb`), `engine:` alone (its
/// default voice) or a bare `name`; nullopt with `error` set for an unknown
/// engine. Whether the voice exists is checked by narration (checkVoices).
std::optional<VoiceName> parseVoiceName(std::string_view text, std::string& error);

/// Estimated spoken length of `text` at meditation pace (about 2 words/s,
/// longer pauses at sentence ends and `...`).
double estimateSpeechSeconds(std::string_view text);

/// Lay the timeline out again from each step's length (after narration
/// replaced the estimates with real lengths): step and section starts, and
/// the program's length.
void retimeProgram(Program& program);

}  // namespace stillpoint
