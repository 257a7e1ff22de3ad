// The words the engine itself speaks, one table per language: the body
// scan's phrases (scan_phrases.hpp puts them together) and the built-in
// grounding. Every language fills the same slots, so each variant means the
// same in each: a translation keeps the slot's intent (an invitation, a
// sensation, a place to come back to), not its word order.
//
// `{}` in a slot marks where the region, the sensations or the anchor go.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "stillpoint/session.hpp"

namespace stillpoint::detail {

/// A neutral place to rest attention between regions (pendulation).
enum class ScanAnchor : unsigned char { Hands, FeetOnFloor };

struct SpokenWords {
    /// Each body region as the invitations name it ("your lower back"), by
    /// its bodyRegions() name.
    std::array<std::pair<std::string_view, std::string_view>, 19> regions;
    std::array<std::string_view, 6> leads;        ///< "Now, "
    std::array<std::string_view, 6> invitations;  ///< "you might notice {}."
    std::string_view startLead;                   ///< "To begin, "
    std::array<std::string_view, 6> skipOffers;   ///< said before a scan's first line
    std::array<std::string_view, 6> resumeLeads;  ///< "Letting that go, "
    /// "Perhaps there is {}.": frame k follows invitation k, so each pair is
    /// written to read well together (no word said twice in one line).
    std::array<std::string_view, 6> noticeFrames;
    std::array<std::string_view, 6> sensations;  ///< "warmth, weight, or nothing at all"
    std::array<std::string_view, 6> breathInvitations;
    std::array<std::string_view, 6> anchorFrames;  ///< "... come back to {}."
    std::array<std::string_view, 2> anchors;       ///< by ScanAnchor, as anchorFrames take them
    /// The built-in grounding's lines, in order (built_in_grounding.cpp).
    std::array<std::string_view, 7> grounding;
};

const SpokenWords& spokenWords(Language language);

extern const SpokenWords kEnglishWords;
extern const SpokenWords kGermanWords;
extern const SpokenWords kFrenchWords;
extern const SpokenWords kSpanishWords;

}  // namespace stillpoint::detail
