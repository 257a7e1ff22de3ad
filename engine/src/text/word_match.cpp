#include "text/word_match.hpp"

#include <cctype>

namespace stillpoint::detail {
namespace {

bool isWordCharacter(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

std::string foldCase(std::string_view text) {
    std::string folded(text);
    for (char& c : folded)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return folded;
}

std::optional<std::size_t> findWords(std::string_view text, std::string_view phrase) {
    if (phrase.empty()) return std::nullopt;
    for (std::size_t at = text.find(phrase); at != std::string_view::npos;
         at = text.find(phrase, at + 1)) {
        const std::size_t end = at + phrase.size();
        const bool startsWord = at == 0 || !isWordCharacter(text[at - 1]);
        const bool endsWord = end == text.size() || !isWordCharacter(text[end]);
        if (startsWord && endsWord) return at;
    }
    return std::nullopt;
}

bool containsAnyWords(std::string_view text, std::span<const std::string_view> phrases) {
    for (std::string_view phrase : phrases)
        if (findWords(text, phrase)) return true;
    return false;
}

}  // namespace stillpoint::detail
