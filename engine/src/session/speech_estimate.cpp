#include <algorithm>
#include <cctype>

#include "session/duration_text.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint {
namespace {

// A calm guiding voice: a little over two words a second, with room after
// each sentence and a longer rest at "...".
constexpr double kWordsPerSecond = 2.2;
constexpr double kSentenceEndSeconds = 0.7;
constexpr double kEllipsisSeconds = 1.5;
constexpr double kShortestSeconds = 1.0;
constexpr std::string_view kPauseMarkup = "[pause ";
constexpr std::string_view kEllipsisCharacter = "\u2026";

bool isSentenceEnd(char c) {
    return c == '.' || c == '!' || c == '?';
}
bool startsWord(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80u;
}

/// Seconds a `[pause 2s]` at the front of `text` asks for, and its length in bytes.
std::optional<std::pair<double, std::size_t>> pauseMarkup(std::string_view text) {
    if (!text.starts_with(kPauseMarkup)) return std::nullopt;
    const std::size_t close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view amount = text.substr(kPauseMarkup.size(), close - kPauseMarkup.size());
    while (!amount.empty() && amount.back() == ' ') amount.remove_suffix(1);
    const auto seconds = detail::parseDurationSeconds(amount);
    if (!seconds || *seconds < 0.0) return std::nullopt;
    return std::pair{std::min(*seconds, detail::kMaxDurationSeconds), close + 1};
}

}  // namespace

double estimateSpeechSeconds(std::string_view text) {
    double seconds = 0.0;
    std::size_t words = 0;
    bool inWord = false;
    for (std::size_t i = 0; i < text.size();) {
        const std::string_view rest = text.substr(i);
        if (const auto pause = pauseMarkup(rest)) {
            seconds += pause->first;
            i += pause->second;
            inWord = false;
        } else if (rest.starts_with("...") || rest.starts_with(kEllipsisCharacter)) {
            seconds += kEllipsisSeconds;
            i += rest.starts_with("...") ? 3 : kEllipsisCharacter.size();
            while (i < text.size() && text[i] == '.') ++i;
            inWord = false;
        } else if (isSentenceEnd(rest[0]) && !(rest.size() > 1 && inWord &&
                                               std::isdigit(static_cast<unsigned char>(rest[1])))) {
            // "?!" ends one sentence; "3.5" ends none.
            seconds += kSentenceEndSeconds;
            while (i < text.size() && isSentenceEnd(text[i]) && !text.substr(i).starts_with("..."))
                ++i;
            inWord = false;
        } else {
            if (std::isspace(static_cast<unsigned char>(rest[0]))) {
                inWord = false;
            } else if (!inWord && startsWord(rest[0])) {
                ++words;
                inWord = true;
            }
            ++i;
        }
    }
    seconds += static_cast<double>(words) / kWordsPerSecond;
    return std::max(seconds, kShortestSeconds);
}

}  // namespace stillpoint
