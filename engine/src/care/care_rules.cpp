#include <algorithm>
#include <array>

#include "stillpoint/care_check.hpp"

namespace stillpoint {
namespace {

constexpr std::string_view kTreleaven = "Treleaven 2018, Trauma-Sensitive Mindfulness";
constexpr std::string_view kSamhsa = "SAMHSA 2014, HHS Pub. SMA 14-4884";
constexpr std::string_view kPanic = "Meuret et al. on CO2 and panic; breath-holding literature";
constexpr std::string_view kLehrer = "Lehrer, Vaschillo & Vaschillo 2000; Lehrer & Gevirtz 2014";

constexpr std::array<CareRule, 12> kRules{{
    {"care.hold-optional", Severity::Error,
     "a breath hold is offered as optional, with a way to breathe without it", kPanic},
    {"care.long-hold", Severity::Warning, "no breath hold is longer than 5 s", kPanic},
    {"care.grounding-calm", Severity::Error,
     "grounding breathes without holds, at 7 breaths/min or slower, never speeding up", kPanic},
    {"care.pace-bounds", Severity::Warning,
     "resonance breathing stays in 4.5-7 breaths/min; the pace changes by at most 1 breath/min "
     "per minute",
     kLehrer},
    {"care.invite-not-command", Severity::Warning,
     "lines invite rather than command the body; 'close your eyes' comes with the choice to "
     "keep them open",
     kTreleaven},
    {"care.orient-first", Severity::Warning,
     "the session orients to the room before it turns inward", kTreleaven},
    {"care.scan-skip-offer", Severity::Warning,
     "before the first scan, the session says any area can be skipped", kSamhsa},
    {"care.scan-neutral-start", Severity::Warning,
     "the first scan starts at a neutral place: feet, ankles, calves, knees, hands or arms",
     kTreleaven},
    {"care.charged-regions-opt-in", Severity::Warning,
     "a scan reaches the pelvis, chest, throat or face only after a line offers it as a choice",
     kTreleaven},
    {"care.reminder-interval", Severity::Warning,
     "at most 5 min of inward focus go by without a check-in or a reminder that the eyes can "
     "open",
     kTreleaven},
    {"care.long-session-checkin", Severity::Warning,
     "a session longer than 20 min has at least one check-in", kSamhsa},
    {"care.avoided-region-spoken", Severity::Warning,
     "a line that names an avoided region has an if-avoided alternative", kSamhsa},
}};

}  // namespace

std::span<const CareRule> careRules() {
    return kRules;
}

const CareRule* findCareRule(std::string_view id) {
    const auto it = std::find_if(kRules.begin(), kRules.end(),
                                 [&](const CareRule& rule) { return rule.id == id; });
    return it == kRules.end() ? nullptr : &*it;
}

}  // namespace stillpoint
