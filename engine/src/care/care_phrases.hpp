// The words the care rules listen for, one list per meaning, folded to
// lower case and matched on word boundaries (text/word_match.hpp). Adding a
// phrase here teaches every rule that uses the list.
#pragma once

#include <array>
#include <string_view>

namespace stillpoint::detail {

/// A way through a breath hold without holding.
inline constexpr std::array<std::string_view, 17> kHoldAlternativePhrases{
    "without holding",         "without a hold",     "skip the hold",       "skip the pause",
    "no need to hold",         "don't have to hold", "do not have to hold", "keep moving",
    "keep the breath moving",  "keep breathing",     "keep flowing",        "breathe through",
    "gently through",          "instead of holding", "your own way",        "let the breath keep",
    "breathing gently through"};

/// A line asking for a breath hold.
inline constexpr std::array<std::string_view, 7> kHoldCuePhrases{
    "hold it",  "hold your breath", "hold the breath", "and hold",
    "hold for", "hold here",        "hold at the top"};

/// An offer to leave any place of the body out.
inline constexpr std::array<std::string_view, 8> kSkipOfferPhrases{
    "skip",         "skipped",   "pass over",  "leave out",
    "leave it out", "move past", "rather not", "let it go by"};

/// A choice offered about a place (a skip offer is one too).
inline constexpr std::array<std::string_view, 9> kChoicePhrases{
    "if you like",  "if you wish", "if you want", "if it feels right", "only if",
    "you can stay", "instead",     "choose",      "optional"};

/// Attention turned outward: the room, sounds, the support under the body.
inline constexpr std::array<std::string_view, 16> kOrientingPhrases{
    "room",        "sounds",     "hear",         "look around", "light", "around you",
    "support",     "supporting", "floor",        "ground",      "chair", "seat",
    "beneath you", "under you",  "space around", "see"};

/// A reminder that the listener may come out of the practice.
inline constexpr std::array<std::string_view, 10> kReminderPhrases{
    "open your eyes", "eyes open",    "open the eyes", "look around",  "at any time",
    "any time",       "you can stop", "you can pause", "take a break", "come back to the room"};

/// What makes a sentence an invitation rather than an order.
inline constexpr std::array<std::string_view, 19> kSoftenerPhrases{
    // clang-format off
    "if you like", "if you wish", "if you want", "if it feels right", "if that feels",
    "if it is comfortable", "if that is comfortable", "if comfortable", "you might", "you may",
    "you can", "perhaps", "maybe", "if you would like", "when you are ready", "only if",
    "or not", "invite", "invitation",
    // clang-format on
};

/// Verbs that, opening a sentence, order the body about.
inline constexpr std::array<std::string_view, 17> kBodyImperatives{
    "feel",   "relax",       "close",      "tense",   "tighten", "squeeze",
    "clench", "hold",        "release",    "breathe", "inhale",  "exhale",
    "focus",  "concentrate", "straighten", "drop",    "soften"};

/// Of those, the verbs that are about the body whatever follows them.
inline constexpr std::array<std::string_view, 7> kBodilyVerbs{"breathe", "inhale", "exhale", "hold",
                                                              "relax",   "tense",  "clench"};

/// Breath cues: a breathe step's own lines may give them plainly ("Breathe in").
inline constexpr std::array<std::string_view, 3> kBreathCueVerbs{"breathe", "inhale", "exhale"};

/// Words that make a sentence about the body besides region names.
inline constexpr std::array<std::string_view, 8> kBodyWords{
    "body", "breath", "breathing", "eyes", "muscles", "muscle", "posture", "spine"};

/// Words that may come before a sentence's verb without softening it.
inline constexpr std::array<std::string_view, 9> kLeadWords{
    "now", "and", "then", "gently", "slowly", "softly", "just", "simply", "so"};

/// Asking for the eyes to close.
inline constexpr std::array<std::string_view, 5> kEyesClosingPhrases{
    "close your eyes", "close the eyes", "shut your eyes", "eyes closed", "let your eyes close"};

/// The other choice for the eyes.
inline constexpr std::array<std::string_view, 3> kEyesAlternativePhrases{"open", "gaze", "or not"};

/// Regions where a scan starts gently: where the body meets support, or its edges.
inline constexpr std::array<std::string_view, 6> kNeutralRegions{"feet",  "ankles", "calves",
                                                                 "knees", "hands",  "arms"};

/// Regions commonly charged for people with trauma: a scan visits them by choice.
inline constexpr std::array<std::string_view, 4> kChargedRegions{"pelvis", "chest", "throat",
                                                                 "face"};

}  // namespace stillpoint::detail
