#include "session/speech_markup.hpp"

#include <algorithm>
#include <cctype>

#include "session/duration_text.hpp"
#include "session/session_limits.hpp"

namespace stillpoint::detail {
namespace {

constexpr std::string_view kPauseOpen = "[pause ";
constexpr std::string_view kEllipsisCharacter = "\u2026";

bool isSentenceEnd(char c) {
    return c == '.' || c == '!' || c == '?';
}
bool isSpace(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return std::string(text);
}

/// Seconds a well-formed `[pause 2s]` at the front of `text` asks for, and its length.
std::optional<std::pair<double, std::size_t>> pauseAt(std::string_view text) {
    if (!text.starts_with(kPauseOpen)) return std::nullopt;
    const std::size_t close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view amount = text.substr(kPauseOpen.size(), close - kPauseOpen.size());
    while (!amount.empty() && amount.back() == ' ') amount.remove_suffix(1);
    const auto seconds = parseDurationSeconds(amount);
    if (!seconds || *seconds < 0.0) return std::nullopt;
    return std::pair{*seconds, close + 1};
}

/// `[pause 2s]`: the markup as written, up to its `]`; unclosed, up to the next space.
std::string markupAt(std::string_view text) {
    const std::size_t close = text.find(']');
    if (close != std::string_view::npos) return std::string(text.substr(0, close + 1));
    return std::string(text.substr(0, text.find(' ')));
}

}  // namespace

std::vector<SpeechSegment> splitSpeech(std::string_view text) {
    std::vector<SpeechSegment> segments;
    std::string words;
    auto close = [&](double rest) {
        std::string sentence = trimmed(words);
        words.clear();
        if (sentence.empty() && !segments.empty()) {
            segments.back().restSeconds += rest;  // rests in a row add up
            return;
        }
        segments.push_back({std::move(sentence), rest});
    };
    for (std::size_t i = 0; i < text.size();) {
        const std::string_view rest = text.substr(i);
        if (const auto pause = pauseAt(rest)) {
            close(std::min(pause->first, kMaxMarkupPauseSeconds));  // checked by the reader
            i += pause->second;
        } else if (rest.starts_with("...") || rest.starts_with(kEllipsisCharacter)) {
            close(kEllipsisRestSeconds);
            i += rest.starts_with("...") ? 3 : kEllipsisCharacter.size();
            while (i < text.size() && text[i] == '.') ++i;
        } else if (isSentenceEnd(rest[0]) &&
                   (rest.size() == 1 || isSpace(rest[1]) || rest[1] == '"' || rest[1] == '\'')) {
            // "3.5" and "e.g." inside a word end no sentence.
            words += rest[0];
            close(kSentenceRestSeconds);
            ++i;
        } else {
            words += rest[0];
            ++i;
        }
    }
    if (!trimmed(words).empty()) close(0.0);  // no sentence end: no rest after
    return segments;
}

std::string captionText(std::string_view text) {
    std::string caption;
    for (std::size_t i = 0; i < text.size();) {
        if (const auto pause = pauseAt(text.substr(i))) {
            i += pause->second;
            continue;
        }
        const bool space = isSpace(text[i]);
        if (!space || (!caption.empty() && caption.back() != ' ')) caption += space ? ' ' : text[i];
        ++i;
    }
    return trimmed(caption);
}

std::optional<MarkupError> findMarkupError(std::string_view text) {
    double lineSeconds = 0.0;
    for (std::size_t open = text.find('['); open != std::string_view::npos;
         open = text.find('[', open + 1)) {
        const std::string_view rest = text.substr(open);
        const std::string markup = markupAt(rest);
        if (const auto pause = pauseAt(rest)) {
            lineSeconds += pause->first;
            if (pause->first > kMaxMarkupPauseSeconds)
                return MarkupError{open, markup,
                                   "'" + markup + "' is longer than the " +
                                       formatDuration(kMaxMarkupPauseSeconds) +
                                       " a rest inside a line may be",
                                   "use at most [pause " + formatDuration(kMaxMarkupPauseSeconds) +
                                       "]; for a longer rest, end the line and add a pause step"};
            if (lineSeconds > kMaxLineMarkupPauseSeconds)
                return MarkupError{open, markup,
                                   "the rests written in this line add up to " +
                                       formatDuration(lineSeconds) + " here, more than the " +
                                       formatDuration(kMaxLineMarkupPauseSeconds) + " allowed",
                                   "split the line, with a pause step between the parts"};
            continue;
        }
        if (!rest.starts_with(kPauseOpen))
            return MarkupError{open, markup, "unknown markup '" + markup + "' in spoken text",
                               "the only markup is a rest, written like [pause 2s]"};
        if (rest.find(']') == std::string_view::npos)
            return MarkupError{open, markup, "'[pause' is not closed", "close it: [pause 2s]"};
        return MarkupError{open, markup, "'" + markup + "' has no valid length",
                           "write a length like [pause 2s] or [pause 0.5s]"};
    }
    return std::nullopt;
}

}  // namespace stillpoint::detail
