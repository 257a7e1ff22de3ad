// Timing rules, read from the planned Program: the listener is reminded
// every few minutes of inward focus that they can come out, and a long
// session asks how they are at least once.
#include <algorithm>
#include <cmath>

#include "care/care_context.hpp"
#include "care/care_phrases.hpp"

namespace stillpoint::detail {
namespace {

constexpr double kMaxInwardSeconds = 5.0 * 60.0;
constexpr double kCheckinSessionSeconds = 20.0 * 60.0;

std::string minutesAndSeconds(double seconds) {
    const auto whole = static_cast<long>(std::lround(seconds));
    std::string text = std::to_string(whole / 60) + " min";
    if (whole % 60 != 0) text += " " + std::to_string(whole % 60) + " s";
    return text;
}

void checkReminderInterval(CareContext& context) {
    double inward = 0.0;
    for (const CareStep& step : context.flow()) {
        const StepKind kind = step.planned->kind;
        if (kind == StepKind::Checkin || step.says(kReminderPhrases)) inward = 0.0;
        if (kind != StepKind::Scan && kind != StepKind::Breathe) continue;
        inward += step.planned->lengthSeconds;
        if (inward <= kMaxInwardSeconds) continue;
        context.report("care.reminder-interval", step.step->pos,
                       minutesAndSeconds(inward) +
                           " of inward focus go by here without a check-in or a reminder that the "
                           "eyes can open",
                       "add a checkin step, or a line such as 'You can open your eyes at any "
                       "time.', at least every " +
                           minutesAndSeconds(kMaxInwardSeconds) +
                           " of inward focus; split long breathe or scan steps to make room");
        inward = 0.0;
    }
}

void checkLongSessionCheckin(CareContext& context) {
    const Program& program = context.program();
    if (program.lengthSeconds <= kCheckinSessionSeconds) return;
    const auto& flow = context.flow();
    const bool asks = std::any_of(flow.begin(), flow.end(), [](const CareStep& step) {
        return step.planned->kind == StepKind::Checkin;
    });
    if (asks) return;
    const auto& sections = context.session().sections;
    const SourcePos pos = sections.empty() ? SourcePos{1, 1} : sections.front().pos;
    context.report("care.long-session-checkin", pos,
                   "this " + minutesAndSeconds(program.lengthSeconds) + " session has no check-in",
                   "sessions over " + minutesAndSeconds(kCheckinSessionSeconds) +
                       " ask how the listener is at least once: add e.g. - checkin: {prompt: "
                       "\"How is this for you, right now?\", wait: 10s} about halfway");
}

}  // namespace

void checkTimingRules(CareContext& context) {
    checkReminderInterval(context);
    checkLongSessionCheckin(context);
}

}  // namespace stillpoint::detail
