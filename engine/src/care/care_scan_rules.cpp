// Scan rules: orient outward before turning inward; before the first scan,
// say any area can be skipped and start somewhere neutral; reach the places
// that are often charged only after offering them as a choice.
#include <algorithm>

#include "care/care_context.hpp"
#include "care/care_phrases.hpp"
#include "session/scan_phrases.hpp"

namespace stillpoint::detail {
namespace {

/// What the listener has been told so far, read line by line in play order.
struct Heard {
    bool oriented = false;             ///< a line turned attention outward
    bool skipOffered = false;          ///< a line said a place may be skipped
    std::vector<std::string> offered;  ///< regions a line named together with a choice

    void take(const CareLine& line) {
        oriented = oriented || line.says(kOrientingPhrases);
        const bool skip = line.says(kSkipOfferPhrases);
        skipOffered = skipOffered || skip;
        if (!skip && !line.says(kChoicePhrases)) return;
        for (std::string& region : regionsNamedIn(line.text)) offered.push_back(std::move(region));
    }
    bool wasOffered(const std::string& region) const {
        return std::find(offered.begin(), offered.end(), region) != offered.end();
    }
};

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

void checkOrientFirst(CareContext& context, const CareStep& step, const Heard& heard) {
    if (heard.oriented) return;
    context.report("care.orient-first", step.step->pos,
                   std::string("the session turns inward (") +
                       std::string(toString(step.planned->kind)) +
                       ") before it orients to the room",
                   "begin outside the body: a line about the room, its sounds, or the support "
                   "beneath the listener, e.g. 'Notice the room around you, and what is "
                   "holding you up.'");
}

void checkFirstScan(CareContext& context, const CareStep& step, const Heard& heard) {
    if (!heard.skipOffered)
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

void checkChargedRegions(CareContext& context, const CareStep& step, const Heard& heard) {
    std::vector<std::string> unasked;
    for (const std::string& region : scanOf(step).regions) {
        const bool charged = std::find(kChargedRegions.begin(), kChargedRegions.end(), region) !=
                             kChargedRegions.end();
        if (charged && !context.isAvoided(region) && !heard.wasOffered(region))
            unasked.push_back(region);
    }
    if (unasked.empty()) return;
    const std::string them = unasked.size() > 1 ? "them" : "it";
    context.report("care.charged-regions-opt-in", step.step->pos,
                   "this scan reaches the " + listed(unasked) +
                       " without a line before it offering " + them + " as a choice",
                   "name " + them + " first, e.g. 'When we come to the " + listed(unasked) +
                       ", stay with your hands instead if you like.', or leave " + them +
                       " out of the regions");
}

}  // namespace

void checkScanRules(CareContext& context) {
    Heard heard;
    bool inwardYet = false, scannedYet = false;
    for (const CareStep& step : context.flow()) {
        if (isInward(step) && !inwardYet) checkOrientFirst(context, step, heard);
        inwardYet = inwardYet || isInward(step);
        if (step.planned->kind == StepKind::Scan) {
            if (!scannedYet) checkFirstScan(context, step, heard);
            scannedYet = true;
            checkChargedRegions(context, step, heard);
        }
        for (const CareLine& line : step.lines) heard.take(line);
    }
}

}  // namespace stillpoint::detail
