// Spoken lines under `avoid`: a line that names an avoided body region (by
// any of its words, see regionWords()) is said with the author's
// `if-avoided` alternative, or left out. Scans leave avoided regions out on
// their own (scan_phrases.hpp); this covers every other line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stillpoint/session.hpp"

namespace stillpoint::detail {

/// The rule a line naming an avoided region without an alternative is reported under.
inline constexpr std::string_view kAvoidedRegionSpokenRule = "care.avoided-region-spoken";

/// Said in place of a check-in prompt that is left out: the check-in itself,
/// the moment to ask how the listener is, is never lost.
inline constexpr std::string_view kNeutralCheckinPrompt =
    "How are you, right now? Take whatever time you need.";

struct LineUnderAvoid {
    std::optional<std::string> text;  ///< what is said; nullopt: the line is left out
    /// Set when the line is left out: the first avoided region it names.
    std::string unansweredRegion;
};

/// What `text` becomes when `avoid` is left out: the first alternative (in
/// the order written) for an avoided region that itself names no avoided
/// region; else the line itself when it names none; else nothing.
LineUnderAvoid lineUnderAvoid(const std::string& text,
                              const std::vector<RegionAlternative>& alternatives,
                              const std::vector<std::string>& avoid);

}  // namespace stillpoint::detail
