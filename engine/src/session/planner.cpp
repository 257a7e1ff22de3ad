#include <algorithm>
#include <cmath>

#include "session/anchored_lines.hpp"
#include "session/avoided_lines.hpp"
#include "session/built_in_grounding.hpp"
#include "session/duration_text.hpp"
#include "session/pattern_lookup.hpp"
#include "session/scan_phrases.hpp"
#include "session/session_limits.hpp"
#include "stillpoint/nearest_name.hpp"
#include "stillpoint/pace_law.hpp"
#include "stillpoint/pace_range.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/resonance.hpp"

namespace stillpoint {
namespace {

constexpr double kEmptyScanPauseSeconds = 5.0;
// The rate the planner's estimates are laid out at; narration lays the
// timeline out again at the engine's rate from the real lines.
constexpr double kEstimateRate = 48000.0;

double secondsPerRegion(ScanLength length) {
    switch (length) {
        case ScanLength::Short:
            return 10.0;
        case ScanLength::Standard:
            return 20.0;
        case ScanLength::Long:
            return 40.0;
    }
    return 20.0;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// Lays out a Session's steps on one timeline.
class Planner {
  public:
    Planner(const Session& session, const PlanOptions& options)
        : session_(session), options_(options), scanPhrasing_(session.language) {
        avoid_ = session.avoid;
        for (const std::string& region : options.avoid) {
            if (contains(bodyRegions(), region)) {
                avoid_.push_back(region);
                continue;
            }
            const std::vector<std::string_view> known(bodyRegions().begin(), bodyRegions().end());
            diagnostics_.push_back({Severity::Error, "", 0, 0,
                                    "unknown body region '" + region + "' to avoid",
                                    suggestionHint(region, known, "body regions")});
        }
        if (options.paceBpm && kListenerPaceRange.contains(*options.paceBpm))
            listenerPace_ = options.paceBpm;
        else if (options.paceBpm)
            diagnostics_.push_back({Severity::Error, "", 0, 0,
                                    "the listener's pace " + paceText(*options.paceBpm) +
                                        " breaths/min is outside the safe range",
                                    "give a pace from " + rangeText(kListenerPaceRange) +
                                        ", e.g. " + paceText(kListenerPaceExample)});
    }

    PlanResult plan() {
        program_.title = session_.title;
        program_.sourcePath = session_.sourcePath;
        program_.language = session_.language;
        program_.languagePos = session_.languagePos;
        program_.sound = session_.defaults;
        if (options_.voice) program_.sound.voice.synthesized = *options_.voice;
        double now = 0.0;
        for (const Section& section : session_.sections) now = planSection(section, now, true);
        program_.lengthSeconds = now;
        inGrounding_ = true;
        // Grounding sits after the flow, on its own clock from 0: it is only
        // ever reached by a jump.
        program_.groundingSection = static_cast<int>(program_.sections.size());
        planSection(
            session_.grounding ? *session_.grounding : detail::builtInGrounding(session_.language),
            0.0, false);

        PlanResult result;
        result.diagnostics = std::move(diagnostics_);
        if (!hasErrors(result.diagnostics)) result.program = std::move(program_);
        return result;
    }

  private:
    /// Plans one section from `now`; returns its end. `inFlow`: part of a
    /// render (grounding is not, so its speech is not listed as silent).
    double planSection(const Section& section, double now, bool inFlow) {
        const auto sectionIndex = static_cast<int>(program_.sections.size());
        program_.sections.push_back({section.name, static_cast<int>(program_.steps.size()),
                                     static_cast<int>(section.steps.size()), now});
        for (const Step& step : section.steps) {
            PlannedStep planned = planStep(step);
            planned.section = sectionIndex;
            planned.pos = step.pos;
            planned.startSeconds = now;
            now += planned.lengthSeconds;
            checkLength(now, step.pos, inFlow);
            if (inFlow && (planned.kind == StepKind::Say || planned.kind == StepKind::Scan ||
                           planned.kind == StepKind::Checkin))
                program_.silentSpeechSteps.push_back(static_cast<int>(program_.steps.size()));
            program_.steps.push_back(std::move(planned));
        }
        return now;
    }

    /// The step that takes the flow (or the grounding section) past
    /// kMaxSessionSeconds is an error, reported once for each.
    void checkLength(double end, SourcePos pos, bool inFlow) {
        bool& reported = inFlow ? flowTooLong_ : groundingTooLong_;
        if (reported || end <= detail::kMaxSessionSeconds) return;
        reported = true;
        const std::string limit = detail::formatDuration(detail::kMaxSessionSeconds);
        report(Severity::Error, pos,
               std::string(inFlow ? "the session" : "the grounding section") + " runs " +
                   detail::formatDuration(std::round(end)) +
                   " by the end of this step, longer than the " + limit + " allowed",
               "keep a session to at most " + limit +
                   " (shorten steps, or split it into several sessions)");
    }

    void report(Severity severity, SourcePos pos, std::string message, std::string hint,
                std::string rule = {}) {
        diagnostics_.push_back({severity, session_.sourcePath, pos.line, pos.column,
                                std::move(message), std::move(hint), std::move(rule)});
    }

    /// What a spoken line says under the avoid list: itself, its `if-avoided`
    /// alternative, or nothing (then a warning, for lines written in the file).
    std::optional<std::string> spoken(const std::string& text,
                                      const std::vector<RegionAlternative>& alternatives,
                                      SourcePos pos) {
        detail::LineUnderAvoid line = detail::lineUnderAvoid(text, alternatives, avoid_);
        if (!line.text && pos.line > 0) {
            const std::string region = detail::spokenRegion(line.unansweredRegion);
            report(Severity::Warning, pos,
                   "this line names the " + region +
                       ", an avoided region, and has no if-avoided text for it",
                   "it is left out when played; to say something else, add e.g. "
                   "if-avoided: {" +
                       line.unansweredRegion + ": Notice the support beneath you.}",
                   std::string(detail::kAvoidedRegionSpokenRule));
        }
        return std::move(line.text);
    }

    PlannedStep planStep(const Step& step) {
        PlannedStep planned;
        std::visit([&](const auto& body) { plan(body, step.pos, planned); }, step.body);
        return planned;
    }

    void plan(const BreatheStep& breathe, SourcePos pos, PlannedStep& planned) {
        planned.kind = StepKind::Breathe;
        planned.tone = breathe.tone.value_or(session_.defaults.tone);
        const std::string& name =
            breathe.pattern.empty() ? session_.defaults.pattern : breathe.pattern;
        planned.pattern = patternIndex(name);
        if (planned.pattern < 0) {
            std::vector<std::string> own;
            for (const BreathPattern& p : session_.patterns) own.push_back(p.name);
            report(Severity::Error, pos, "unknown pattern '" + name + "'",
                   detail::unknownPatternHint(name, own));
            return;
        }
        const BreathPattern& pattern = program_.patterns[static_cast<std::size_t>(planned.pattern)];
        if (!(pattern.cycleSeconds() > 0.0)) {
            report(Severity::Error, pos, "zero-length pattern '" + name + "'",
                   "give inhale and exhale a length");
            return;
        }
        if (breathe.resonancePace) {
            if (!options_.resonanceBpm) {
                report(Severity::Error, *breathe.resonancePace,
                       "pace: resonance needs the listener's resonance pace",
                       "give it with --resonance BPM (found by `stillpoint resonance`) or a client "
                       "profile, or write a number, e.g. pace: 5.5");
                return;
            }
            planned.resonancePace = true;
        }
        planned.paceBpm = breathe.resonancePace
                              ? std::clamp(*options_.resonanceBpm, heart::kMinResonancePace,
                                           heart::kMaxResonancePace)
                          : breathe.paceBpm ? *breathe.paceBpm
                          : breathe.ramp    ? breathe.ramp->fromBpm
                                            : pattern.breathsPerMinute();
        planned.rampToBpm = breathe.ramp ? breathe.ramp->toBpm : planned.paceBpm;
        const bool listenersPace = listenerPace_ && !breathe.resonancePace && !inGrounding_;
        if (listenersPace) planned.paceBpm = planned.rampToBpm = *listenerPace_;
        if (!(planned.paceBpm > 0.0) || !(planned.rampToBpm > 0.0)) {
            report(Severity::Error, pos, "breathe step has no positive pace",
                   "use a pace from " + rangeText(kEnginePaceRange));
            return;
        }
        if (breathe.ramp && !listenersPace) planned.rampSeconds = rampSeconds(breathe, planned);
        const PaceLaw law{planned.paceBpm, planned.rampToBpm, planned.rampSeconds};
        if (breathe.cycles) {
            planned.cycles = *breathe.cycles;
        } else if (breathe.durationSeconds) {
            // The listener always finishes the breath: whole cycles, nearest to the time asked for.
            planned.cycles = static_cast<int>(
                std::max(1LL, std::llround(law.cyclesAfter(*breathe.durationSeconds))));
        } else {
            report(Severity::Error, pos, "breathe step needs cycles or duration",
                   "add e.g. cycles: 6 or duration: 3m");
            return;
        }
        planned.writtenCycles = planned.cycles;
        if (!breathe.lines.empty()) planLines(breathe, pattern, law, planned);
        planned.lengthSeconds = law.secondsFor(planned.cycles);
    }

    /// A breathe step's lines: checked, and given the breaths they need at their estimated length.
    void planLines(const BreatheStep& breathe, const BreathPattern& pattern, const PaceLaw& law,
                   PlannedStep& planned) {
        std::vector<std::int64_t> frames;
        for (const BreathLine& line : breathe.lines) {
            auto text = spoken(line.text, line.ifAvoided, line.pos);
            if (!text) continue;  // left out; the breathing goes on
            frames.push_back(std::llround(estimateSpeechSeconds(*text) * kEstimateRate));
            // A recorded clip keyed by the line id says the written line, not its alternative.
            planned.lineIds.push_back(*text == line.text ? line.id : std::string());
            planned.lines.push_back(std::move(*text));
            planned.lineAnchors.push_back(line.at);
        }
        if (planned.lines.empty()) return;
        planned.cycles = detail::anchoredLineLayout(pattern, kEstimateRate, law, planned.cycles,
                                                    planned.lineAnchors, frames)
                             .cycles;
    }

    /// A ramp without `over` glides across the whole step.
    static double rampSeconds(const BreatheStep& breathe, const PlannedStep& planned) {
        if (breathe.ramp->overSeconds > 0.0) return breathe.ramp->overSeconds;
        if (breathe.durationSeconds) return *breathe.durationSeconds;
        // N cycles at a pace gliding linearly from a to b take 120 N / (a + b) seconds.
        return 120.0 * breathe.cycles.value_or(1) / (planned.paceBpm + planned.rampToBpm);
    }

    void plan(const PauseStep& pause, SourcePos, PlannedStep& planned) {
        planned.kind = StepKind::Pause;
        planned.lengthSeconds = pause.seconds;
    }

    void plan(const BellStep& bell, SourcePos, PlannedStep& planned) {
        planned.kind = StepKind::Bell;
        planned.bell = bell.kind;
        planned.lengthSeconds = bell.ringSeconds;
    }

    void plan(const SayStep& say, SourcePos pos, PlannedStep& planned) {
        auto text = spoken(say.text, say.ifAvoided, pos);
        if (!text) {
            // Left out: a quiet pause as long as the line, so what follows
            // comes when the session says it will.
            planned.kind = StepKind::Pause;
            planned.lengthSeconds = estimateSpeechSeconds(say.text);
            return;
        }
        planned.kind = StepKind::Say;
        planned.lengthSeconds = estimateSpeechSeconds(*text);
        // A recorded clip keyed by the line id says the written line, not its alternative.
        planned.lineIds = {*text == say.text ? say.id : std::string()};
        planned.lines = {std::move(*text)};
        planned.voice = say.voice;
    }

    void plan(const CheckinStep& checkin, SourcePos pos, PlannedStep& planned) {
        const std::string prompt = spoken(checkin.prompt, checkin.ifAvoided, pos)
                                       .value_or(std::string(detail::kNeutralCheckinPrompt));
        planned.kind = StepKind::Checkin;
        planned.lines = {prompt};
        planned.lineIds = {prompt == checkin.prompt ? checkin.id : std::string()};
        planned.waitSeconds = checkin.waitSeconds;
        planned.voice = checkin.voice;
        planned.lengthSeconds = estimateSpeechSeconds(prompt) + checkin.waitSeconds;
    }

    void plan(const ScanStep& scan, SourcePos pos, PlannedStep& planned) {
        for (detail::ScanLine& line : scanPhrasing_.linesFor(scan.regions, avoid_, scan.length)) {
            planned.lines.push_back(std::move(line.text));
            planned.lineIds.push_back(std::move(line.id));
        }
        if (planned.lines.empty()) {
            report(Severity::Warning, pos, "every region of this scan is left out by avoid",
                   "the scan becomes a " +
                       std::to_string(static_cast<int>(kEmptyScanPauseSeconds)) + " s pause");
            planned.kind = StepKind::Pause;
            planned.lengthSeconds = kEmptyScanPauseSeconds;
            return;
        }
        planned.kind = StepKind::Scan;
        planned.regionSeconds = secondsPerRegion(scan.length);
        for (const std::string& line : planned.lines)
            planned.lengthSeconds += std::max(planned.regionSeconds, estimateSpeechSeconds(line));
    }

    /// Index into Program::patterns, adding the pattern the first time; -1 when unknown.
    int patternIndex(const std::string& name) {
        for (std::size_t i = 0; i < program_.patterns.size(); ++i)
            if (program_.patterns[i].name == name) return static_cast<int>(i);
        auto pattern = detail::findPattern(session_.patterns, name);
        if (!pattern) return -1;
        program_.patterns.push_back(std::move(*pattern));
        return static_cast<int>(program_.patterns.size() - 1);
    }

    const Session& session_;
    const PlanOptions& options_;
    std::vector<std::string> avoid_;
    detail::ScanPhrasing scanPhrasing_;  ///< one for the session: phrases do not repeat
    Program program_;
    Diagnostics diagnostics_;
    std::optional<double> listenerPace_;  ///< PlanOptions::paceBpm, when it is a safe one
    bool inGrounding_ = false;  ///< planning the grounding section, which keeps its own pace
    bool flowTooLong_ = false;
    bool groundingTooLong_ = false;
};

}  // namespace

std::string_view toString(StepKind kind) {
    switch (kind) {
        case StepKind::Breathe:
            return "breathe";
        case StepKind::Pause:
            return "pause";
        case StepKind::Bell:
            return "bell";
        case StepKind::Say:
            return "say";
        case StepKind::Scan:
            return "scan";
        case StepKind::Checkin:
            return "checkin";
    }
    return "?";
}

PlanResult planSession(const Session& session, const PlanOptions& options) {
    return Planner(session, options).plan();
}

}  // namespace stillpoint
