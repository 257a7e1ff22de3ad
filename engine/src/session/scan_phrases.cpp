#include "session/scan_phrases.hpp"

#include <algorithm>

#include "session/session_vocabulary.hpp"
#include "session/spoken/spoken_words.hpp"

namespace stillpoint::detail {
namespace {

/// `frame` with its `{}` replaced by `part`.
std::string filled(std::string_view frame, std::string_view part) {
    std::string text(frame);
    if (const auto at = text.find("{}"); at != std::string::npos) text.replace(at, 2, part);
    return text;
}

/// Variant v's two choices from six each: every pair once in 36 variants,
/// and both change from one variant to the next.
std::size_t firstOf(int variant) {
    return static_cast<std::size_t>(variant % 6);
}
std::size_t secondOf(int variant) {
    return static_cast<std::size_t>((variant + variant / 6) % 6);
}

std::string_view regionWords(const SpokenWords& words, const std::string& region) {
    for (const auto& [name, spoken] : words.regions)
        if (name == region) return spoken;
    return region;  // bodyRegions() and the tables are tested to agree
}

/// Pendulation: a neutral place away from the region being scanned. The
/// legs, the pelvis and the back (which rest on the seat) come back to the hands; the
/// belly, chest, hands, arms and everything above to the feet on the floor.
ScanAnchor anchorFor(const std::string& region) {
    constexpr std::string_view toHands[] = {"feet", "ankles", "calves",     "knees",     "thighs",
                                            "hips", "pelvis", "lower_back", "upper_back"};
    return std::find(std::begin(toHands), std::end(toHands), region) != std::end(toHands)
               ? ScanAnchor::Hands
               : ScanAnchor::FeetOnFloor;
}

std::string_view lengthName(ScanLength length) {
    for (const auto& named : kScanLengthNames)
        if (named.value == length) return named.name;
    return "standard";
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string scanLineText(const ScanLineKey& key) {
    const SpokenWords& words = spokenWords(key.language);
    const int v = key.variant % kScanVariants;
    const auto k = static_cast<std::size_t>(key.leadVariant % kScanLeadVariants);
    std::string line;
    switch (key.lead) {
        case ScanLead::Plain:
            line = words.leads[firstOf(v)];
            break;
        case ScanLead::Start:
            line = std::string(words.skipOffers[k]) + " " + std::string(words.startLead);
            break;
        case ScanLead::Resume:
            line = words.resumeLeads[k];
            break;
    }
    line += filled(words.invitations[secondOf(v)], regionWords(words, key.region));
    if (key.length == ScanLength::Short) return line;
    // The closer's frame goes with the invitation, its sensations with the lead.
    line += " " + filled(words.noticeFrames[secondOf(v)], words.sensations[firstOf(v)]);
    if (key.length == ScanLength::Standard) return line;
    const auto anchor = static_cast<std::size_t>(anchorFor(key.region));
    line += " ... " + std::string(words.breathInvitations[firstOf(v)]) + " [pause 3s] " +
            filled(words.anchorFrames[secondOf(v)], words.anchors[anchor]);
    return line;
}

std::string scanLineId(const ScanLineKey& key) {
    std::string id = "scan." + std::string(languageCode(key.language)) + "." +
                     std::string(lengthName(key.length)) + "." + key.region + "." +
                     std::to_string(key.variant % kScanVariants + 1);
    const std::string k = std::to_string(key.leadVariant % kScanLeadVariants + 1);
    if (key.lead == ScanLead::Start) id += ".start" + k;
    if (key.lead == ScanLead::Resume) id += ".resume" + k;
    return id;
}

std::string spokenRegion(std::string region) {
    std::replace(region.begin(), region.end(), '_', ' ');
    return region;
}

std::vector<ScanLine> ScanPhrasing::linesFor(const std::vector<std::string>& regions,
                                             const std::vector<std::string>& avoid,
                                             ScanLength length) {
    std::vector<ScanLine> lines;
    bool gapBefore = false;
    for (const std::string& region : regions) {
        if (contains(avoid, region)) {
            gapBefore = !lines.empty();  // a gap at the very start needs no transition
            continue;
        }
        ScanLineKey key{language_, length, region, lines_ % kScanVariants, ScanLead::Plain, 0};
        if (lines.empty()) {
            key.lead = ScanLead::Start;
            key.leadVariant = scans_ % kScanLeadVariants;
        } else if (gapBefore) {
            key.lead = ScanLead::Resume;
            key.leadVariant = resumes_++ % kScanLeadVariants;
        }
        lines.push_back({scanLineText(key), scanLineId(key)});
        ++lines_;
        gapBefore = false;
    }
    if (!lines.empty()) ++scans_;
    return lines;
}

}  // namespace stillpoint::detail
