#include "care/care_context.hpp"

#include <algorithm>
#include <cmath>

#include "care/care_phrases.hpp"
#include "session/built_in_grounding.hpp"
#include "session/number_text.hpp"
#include "text/word_match.hpp"

namespace stillpoint::detail {
namespace {

CareLine lineOf(const std::string& text, SourcePos pos) {
    return {text, foldCase(text), pos};
}

/// The lines written for a step, as they are in the file.
std::vector<CareLine> linesOf(const Step& step) {
    std::vector<CareLine> lines;
    if (const auto* say = std::get_if<SayStep>(&step.body))
        lines.push_back(lineOf(say->text, step.pos));
    if (const auto* checkin = std::get_if<CheckinStep>(&step.body))
        lines.push_back(lineOf(checkin->prompt, step.pos));
    if (const auto* breathe = std::get_if<BreatheStep>(&step.body))
        for (const BreathLine& line : breathe->lines) lines.push_back(lineOf(line.text, line.pos));
    return lines;
}

}  // namespace

bool isInward(const CareStep& step) {
    return step.planned->kind == StepKind::Breathe || step.planned->kind == StepKind::Scan;
}

bool CareLine::says(std::span<const std::string_view> phrases) const {
    return containsAnyWords(folded, phrases);
}

bool CareStep::says(std::span<const std::string_view> phrases) const {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const CareLine& l) { return l.says(phrases); });
}

CareContext::CareContext(const Session& session, const Program& program,
                         const std::vector<std::string>& extraAvoid)
    : session_(session), program_(program), avoid_(session.avoid) {
    avoid_.insert(avoid_.end(), extraAvoid.begin(), extraAvoid.end());
    // The planner keeps one planned step per written step, sections in order,
    // then the grounding section.
    std::size_t next = 0;
    for (std::size_t s = 0; s < session.sections.size(); ++s)
        for (const Step& step : session.sections[s].steps)
            if (next < program.steps.size())
                flow_.push_back(
                    {&step, &program.steps[next++], static_cast<int>(s), linesOf(step)});
    if (program.groundingSection < 0) return;
    const Section& grounding =
        session.grounding ? *session.grounding : builtInGrounding(session.language);
    next = static_cast<std::size_t>(program.flowStepCount());
    for (const Step& step : grounding.steps)
        if (next < program.steps.size())
            grounding_.push_back({&step, &program.steps[next++], -1, linesOf(step)});
}

bool CareContext::isAvoided(std::string_view region) const {
    return std::find(avoid_.begin(), avoid_.end(), region) != avoid_.end();
}

void CareContext::report(std::string_view rule, SourcePos pos, std::string message,
                         std::string hint) {
    const CareRule* found = findCareRule(rule);
    diagnostics_.push_back({found ? found->severity : Severity::Warning, session_.sourcePath,
                            pos.line, pos.column, std::move(message), std::move(hint),
                            std::string(rule)});
}

std::string quoted(std::string_view text) {
    return "'" + std::string(text) + "'";
}

std::string shortNumber(double value) {
    return formatNumber(std::round(value * 10.0) / 10.0);
}

}  // namespace stillpoint::detail
