// Scan rules: orient outward before turning inward; before the first scan,
// say any area can be skipped and start somewhere neutral; reach the places
// that are often charged only after offering them as a choice.
#include <algorithm>

#include "care/care_context.hpp"
#include "care/care_phrases.hpp"
#include "session/scan_phrases.hpp"

namespace stillpoint::detail {
namespace {

bool isInward(const PlannedStep& planned) {
    return planned.kind == StepKind::Scan || planned.kind == StepKind::Breathe;
}

bool anySays(const std::vector<const CareLine*>& lines, std::span<const std::string_view> phrases) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const CareLine* l) { return l->says(phrases); });
}

/// "chest", "chest and face", "chest, throat and face"
std::string listed(const std::vector<std::string>& regions) {
    std::string text;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        if (i > 0) text += i + 1 == regions.size() ? " and " : ", ";
        text += spokenRegion(regions[i]);
    }
    return text;
}

const ScanStep& scanOf(const CareStep& step) {
    return std::get<ScanStep>(step.step->body);
}

void checkOrientFirst(CareContext& context) {
    const auto& flow = context.flow();
    for (std::size_t i = 0; i < flow.size(); ++i) {
        if (!isInward(*flow[i].planned)) continue;
        if (anySays(context.linesBefore(i), kOrientingPhrases)) return;
        context.report("care.orient-first", flow[i].step->pos,
                       std::string("the session turns inward (") +
                           std::string(toString(flow[i].planned->kind)) +
                           ") before it orients to the room",
                       "begin outside the body: a line about the room, its sounds, or the support "
                       "beneath the listener, e.g. 'Notice the room around you, and what is "
                       "holding you up.'");
        return;
    }
}

void checkFirstScan(CareContext& context, std::size_t index) {
    const CareStep& step = context.flow()[index];
    if (!anySays(context.linesBefore(index), kSkipOfferPhrases))
        context.report("care.scan-skip-offer", step.step->pos,
                       "the first scan begins and no line before it says a place may be skipped",
                       "say so first, e.g. 'Any place you would rather not notice, you can skip, "
                       "and rest with your breath or your feet on the floor.'");
    for (const std::string& region : scanOf(step).regions) {
        if (context.isAvoided(region)) continue;
        if (std::find(kNeutralRegions.begin(), kNeutralRegions.end(), region) ==
            kNeutralRegions.end())
            context.report(
                "care.scan-neutral-start", step.step->pos,
                "the first scan begins at the " + spokenRegion(region) + ", not at a neutral place",
                "start at the feet or the hands, where the body meets its support, e.g. "
                "regions: [feet, ...] or direction: up");
        return;
    }
}

/// Whether a line before `index` names `region` together with a choice about it.
bool optedIn(const CareContext& context, std::size_t index, const std::string& region) {
    for (const CareLine* line : context.linesBefore(index)) {
        const auto named = regionsNamedIn(line->text);
        const bool names = std::find(named.begin(), named.end(), region) != named.end();
        if (names && (line->says(kChoicePhrases) || line->says(kSkipOfferPhrases))) return true;
    }
    return false;
}

void checkChargedRegions(CareContext& context, std::size_t index) {
    const CareStep& step = context.flow()[index];
    std::vector<std::string> unasked;
    for (const std::string& region : scanOf(step).regions) {
        const bool charged = std::find(kChargedRegions.begin(), kChargedRegions.end(), region) !=
                             kChargedRegions.end();
        if (charged && !context.isAvoided(region) && !optedIn(context, index, region))
            unasked.push_back(region);
    }
    if (unasked.empty()) return;
    context.report("care.charged-regions-opt-in", step.step->pos,
                   "this scan reaches the " + listed(unasked) +
                       " without a line before it offering " +
                       (unasked.size() > 1 ? "them" : "it") + " as a choice",
                   "name " + std::string(unasked.size() > 1 ? "them" : "it") +
                       " first, e.g. 'When we come to the " + listed(unasked) +
                       ", stay with your hands instead if you like.', or leave " +
                       (unasked.size() > 1 ? "them" : "it") + " out of the regions");
}

}  // namespace

void checkScanRules(CareContext& context) {
    checkOrientFirst(context);
    const auto& flow = context.flow();
    bool first = true;
    for (std::size_t i = 0; i < flow.size(); ++i) {
        if (flow[i].planned->kind != StepKind::Scan) continue;
        if (first) checkFirstScan(context, i);
        first = false;
        checkChargedRegions(context, i);
    }
}

}  // namespace stillpoint::detail
