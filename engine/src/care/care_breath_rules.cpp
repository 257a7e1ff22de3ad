// Breath rules: holds are offered, never forced, and kept short; grounding
// only calms; resonance breathing stays in its range and pace glides slowly.
#include <algorithm>
#include <cmath>

#include "care/care_context.hpp"
#include "care/care_phrases.hpp"

namespace stillpoint::detail {
namespace {

/// Holds this long or longer need an offered way around them; the gentle
/// pattern's 1 s rests at the turn do not.
constexpr double kHoldNeedsChoiceSeconds = 2.0;
constexpr double kLongHoldSeconds = 5.0;
constexpr double kResonanceLowBpm = 4.5, kResonanceHighBpm = 7.0;
constexpr double kGroundingFastestBpm = 7.0;
/// Breaths/min the pace may change per minute (the live "slower" key glides 0.5 in 8 s, once).
constexpr double kMaxPaceChangePerMinute = 1.0;
constexpr double kMaxPaceJumpBpm = 1.0;

struct Hold {
    BreathPhase phase = BreathPhase::HoldIn;
    double seconds = 0.0;  ///< at the step's slowest pace
};

/// The longest hold of a planned breathe step, at its slowest pace.
std::optional<Hold> longestHold(const Program& program, const PlannedStep& planned) {
    if (planned.pattern < 0) return std::nullopt;
    const BreathPattern& pattern = program.patterns[static_cast<std::size_t>(planned.pattern)];
    const double slowest = std::min(planned.paceBpm, planned.rampToBpm);
    const double stretch = slowest > 0.0 ? pattern.breathsPerMinute() / slowest : 1.0;
    std::optional<Hold> longest;
    for (const PhaseSegment& segment : pattern.segments) {
        if (segment.phase != BreathPhase::HoldIn && segment.phase != BreathPhase::HoldOut) continue;
        const double seconds = segment.seconds * stretch;
        if (seconds > 0.0 && (!longest || seconds > longest->seconds))
            longest = Hold{segment.phase, seconds};
    }
    return longest;
}

std::string describe(const Hold& hold) {
    return shortNumber(hold.seconds) + " s " +
           (hold.phase == BreathPhase::HoldIn ? "after the inhale" : "after the exhale");
}

const std::string& patternName(const Program& program, const PlannedStep& planned) {
    return program.patterns[static_cast<std::size_t>(planned.pattern)].name;
}

/// `offered`: a way without the hold was said in this step's lines, or in
/// the lines just before it (in its section, since the last breathe or scan step).
void checkHoldsOffered(CareContext& context, const CareStep& step, bool offered) {
    if (step.planned->kind == StepKind::Breathe) {
        const auto hold = longestHold(context.program(), *step.planned);
        if (hold && hold->seconds >= kHoldNeedsChoiceSeconds && !offered)
            context.report(
                "care.hold-optional", step.step->pos,
                "this breathe step holds the breath (" +
                    patternName(context.program(), *step.planned) + ": " + describe(*hold) +
                    ") and no line before it offers a way without the hold",
                "say first that the hold is a choice, e.g. 'If the hold is too long, let "
                "the breath keep moving.'");
    }
    if (offered) return;
    for (const CareLine& line : step.lines)
        if (line.says(kHoldCuePhrases))
            context.report("care.hold-optional", line.pos,
                           "this line asks for a breath hold without offering a way to breathe "
                           "without it",
                           "add the choice, e.g. 'hold, if that is comfortable, or simply keep the "
                           "breath moving'");
}

void checkLongHold(CareContext& context, const CareStep& step) {
    const auto hold = longestHold(context.program(), *step.planned);
    if (!hold || hold->seconds <= kLongHoldSeconds) return;
    context.report("care.long-hold", step.step->pos,
                   "a breath hold of " + describe(*hold) + " is long for an anxious listener",
                   "keep holds to " + shortNumber(kLongHoldSeconds) +
                       " s or less, or make a gentler default the main practice (extended-exhale, "
                       "resonance) and offer the long hold as an option");
}

void checkGroundingCalm(CareContext& context, const CareStep& step) {
    const PlannedStep& planned = *step.planned;
    if (planned.kind != StepKind::Breathe) return;
    if (const auto hold = longestHold(context.program(), planned)) {
        context.report("care.grounding-calm", step.step->pos,
                       "grounding holds the breath (" + patternName(context.program(), planned) +
                           ": " + describe(*hold) + ")",
                       "breathe without holds in grounding: pattern extended-exhale or resonance");
        return;
    }
    const double fastest = std::max(planned.paceBpm, planned.rampToBpm);
    if (fastest > kGroundingFastestBpm) {
        context.report("care.grounding-calm", step.step->pos,
                       "grounding breathes at " + shortNumber(fastest) +
                           " breaths/min, faster than " + shortNumber(kGroundingFastestBpm),
                       "breathe at " + shortNumber(kGroundingFastestBpm) +
                           " breaths/min or slower in grounding; it is there to slow things down");
        return;
    }
    if (planned.rampToBpm > planned.paceBpm)
        context.report("care.grounding-calm", step.step->pos,
                       "grounding speeds the breath up, from " + shortNumber(planned.paceBpm) +
                           " to " + shortNumber(planned.rampToBpm) + " breaths/min",
                       "let grounding only keep or slow the pace");
}

bool isResonance(const std::string& pattern) {
    return pattern == "coherent" || pattern.find("resonance") != std::string::npos;
}

void checkPaceBounds(CareContext& context, const CareStep& step, const CareStep* before) {
    const PlannedStep& planned = *step.planned;
    const SourcePos pos = step.step->pos;
    const std::string& pattern = patternName(context.program(), planned);
    // A glide is on its way to a pace; a steady step is the practice itself.
    const double bpm = planned.paceBpm;
    const bool steady = planned.rampSeconds <= 0.0;
    if (steady && isResonance(pattern) && (bpm < kResonanceLowBpm || bpm > kResonanceHighBpm))
        context.report(
            "care.pace-bounds", pos,
            pattern + " breathing at " + shortNumber(bpm) +
                " breaths/min is outside the resonance range " + shortNumber(kResonanceLowBpm) +
                "-" + shortNumber(kResonanceHighBpm) + "/min",
            "pace it from " + shortNumber(kResonanceLowBpm) + " to " +
                shortNumber(kResonanceHighBpm) + " breaths/min (5.5 is the usual default)");
    const double change = std::abs(planned.rampToBpm - planned.paceBpm);
    if (planned.rampSeconds > 0.0 &&
        change / (planned.rampSeconds / 60.0) > kMaxPaceChangePerMinute)
        context.report("care.pace-bounds", pos,
                       "the pace glides from " + shortNumber(planned.paceBpm) + " to " +
                           shortNumber(planned.rampToBpm) + " breaths/min in " +
                           shortNumber(planned.rampSeconds) + " s, faster than " +
                           shortNumber(kMaxPaceChangePerMinute) + " breath/min per minute",
                       "glide over at least " + shortNumber(change / kMaxPaceChangePerMinute) +
                           " min (ramp over: " + shortNumber(change / kMaxPaceChangePerMinute) +
                           "m)");
    if (!before || before->planned->kind != StepKind::Breathe) return;
    const double jump = std::abs(planned.paceBpm - before->planned->rampToBpm);
    if (jump > kMaxPaceJumpBpm)
        context.report("care.pace-bounds", pos,
                       "the pace jumps from " + shortNumber(before->planned->rampToBpm) + " to " +
                           shortNumber(planned.paceBpm) + " breaths/min between two breathe steps",
                       "glide there: ramp: {from: " + shortNumber(before->planned->rampToBpm) +
                           ", to: " + shortNumber(planned.paceBpm) +
                           ", over: " + shortNumber(std::ceil(jump / kMaxPaceChangePerMinute)) +
                           "m}, or say what changes between them");
}

}  // namespace

void checkBreathRules(CareContext& context) {
    const auto& flow = context.flow();
    bool offeredBefore = false;  // in the lines since the last inward step of this section
    for (std::size_t i = 0; i < flow.size(); ++i) {
        if (i > 0 && flow[i].section != flow[i - 1].section) offeredBefore = false;
        const bool offered = offeredBefore || flow[i].says(kHoldAlternativePhrases);
        checkHoldsOffered(context, flow[i], offered);
        offeredBefore = !isInward(flow[i]) && offered;
        if (flow[i].planned->kind != StepKind::Breathe) continue;
        checkLongHold(context, flow[i]);
        checkPaceBounds(context, flow[i], i > 0 ? &flow[i - 1] : nullptr);
    }
    for (const CareStep& step : context.grounding()) checkGroundingCalm(context, step);
}

}  // namespace stillpoint::detail
