#include <algorithm>
#include <cctype>

#include "session/speech_markup.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint {
namespace {

// A calm guiding voice: a little over two words a second, plus the rests
// the markup asks for (sentence ends, "...", [pause 2s]).
constexpr double kWordsPerSecond = 2.2;
constexpr double kShortestSeconds = 1.0;

bool startsWord(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80u;
}

std::size_t countWords(std::string_view text) {
    std::size_t words = 0;
    bool inWord = false;
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            inWord = false;
        } else if (!inWord && startsWord(c)) {
            ++words;
            inWord = true;
        }
    }
    return words;
}

}  // namespace

double detail::wordsSeconds(std::string_view words) {
    return static_cast<double>(countWords(words)) / kWordsPerSecond;
}

double estimateSpeechSeconds(std::string_view text) {
    double seconds = 0.0;
    for (const auto& segment : detail::splitSpeech(text))
        seconds += detail::wordsSeconds(segment.words) + segment.restSeconds;
    return std::max(seconds, kShortestSeconds);
}

}  // namespace stillpoint
