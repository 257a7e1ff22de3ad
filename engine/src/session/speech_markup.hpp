// Speech markup: how a spoken line is split into what is said and the rests
// between. Sentences end in a short rest, `...` (or the ellipsis character)
// in a longer one, and `[pause 2s]` asks for exactly that long. The planner's
// estimate, `check`'s validation and the narration renderer all read lines
// through this one parser; the reader refuses lines whose markup is wrong or
// asks for more rest than session_limits.hpp allows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stillpoint::detail {

inline constexpr double kSentenceRestSeconds = 0.8;
inline constexpr double kEllipsisRestSeconds = 1.6;

struct SpeechSegment {
    std::string words;         ///< one sentence or phrase, markup removed (may be empty)
    double restSeconds = 0.0;  ///< silence after it
};

/// `text` as sentences and rests, in order.
std::vector<SpeechSegment> splitSpeech(std::string_view text);

/// Estimated seconds the words of one segment take to say, rests aside
/// (estimateSpeechSeconds' pace).
double wordsSeconds(std::string_view words);

/// The words of `text` as a caption shows them: `[pause ...]` removed, spaces collapsed.
std::string captionText(std::string_view text);

struct MarkupError {
    std::size_t offset = 0;  ///< byte offset of the bad markup in the text
    std::string markup;      ///< the markup as written, e.g. `[pause 24h]`
    std::string message;
    std::string hint;
};
/// The first malformed `[...]` markup in `text`, if any: unknown, unclosed,
/// without a valid length, longer than kMaxMarkupPauseSeconds, or the pause
/// that takes the line's past kMaxLineMarkupPauseSeconds.
std::optional<MarkupError> findMarkupError(std::string_view text);

}  // namespace stillpoint::detail
