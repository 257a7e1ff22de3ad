#include "session/scan_phrases.hpp"

#include <algorithm>
#include <array>

namespace stillpoint::detail {
namespace {

// Openers rotate so a long scan does not repeat itself line after line.
constexpr std::array<std::string_view, 3> kOpeners = {
    "Bring a gentle attention to your ",
    "Now, if it feels right, notice your ",
    "Let your attention rest on your ",
};
constexpr std::string_view kFirstOpener = "Begin by bringing your attention to your ";
constexpr std::string_view kAfterGap = "Letting that go, and moving on to your ";
constexpr std::string_view kNoticing = " You might notice warmth, weight, or nothing at all.";
constexpr std::string_view kLongInvitation =
    " ... If you like, let the breath move softly around this place. [pause 3s] "
    "And if your attention wanders, your feet on the floor are always there to come back to.";

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string spokenRegion(std::string region) {
    std::replace(region.begin(), region.end(), '_', ' ');
    return region;
}

std::vector<std::string> scanLines(const std::vector<std::string>& regions,
                                   const std::vector<std::string>& avoid, ScanLength length) {
    std::vector<std::string> lines;
    bool gapBefore = false;
    for (const std::string& region : regions) {
        if (contains(avoid, region)) {
            gapBefore = !lines.empty();  // a gap at the very start needs no transition
            continue;
        }
        std::string line(lines.empty() ? kFirstOpener
                         : gapBefore   ? kAfterGap
                                       : kOpeners[lines.size() % kOpeners.size()]);
        line += spokenRegion(region) + ".";
        if (length != ScanLength::Short) line += kNoticing;
        if (length == ScanLength::Long) line += kLongInvitation;
        lines.push_back(std::move(line));
        gapBefore = false;
    }
    return lines;
}

}  // namespace stillpoint::detail
