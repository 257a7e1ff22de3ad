#include "library_search.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>

namespace stillpoint::app {
namespace {

constexpr double kAboutMinutes = 1.5;  // "10m" matches 8.5 .. 11.5 minutes

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool parseNumber(std::string_view text, double& value) {
    if (text.empty()) return false;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end;
}

/// True when `term` is a length term; `matches` says whether `minutes` fits it.
bool lengthTerm(std::string_view term, double minutes, bool& matches) {
    double value = 0.0;
    if (term.size() > 1 && (term.front() == '<' || term.front() == '>')) {
        if (!parseNumber(term.substr(1), value)) return false;
        matches = term.front() == '<' ? minutes <= value : minutes >= value;
        return true;
    }
    for (std::string_view suffix : {"min", "m"}) {
        if (term.size() > suffix.size() && term.substr(term.size() - suffix.size()) == suffix &&
            parseNumber(term.substr(0, term.size() - suffix.size()), value)) {
            matches = std::fabs(minutes - value) <= kAboutMinutes;
            return true;
        }
    }
    return false;
}

}  // namespace

bool matchesQuery(const LibraryEntry& entry, const std::string& query) {
    const std::string title = lower(entry.title);
    const double minutes = entry.lengthSeconds / 60.0;
    std::istringstream words(lower(query));
    std::string term;
    while (words >> term) {
        bool fits = false;
        if (lengthTerm(term, minutes, fits)) {
            if (!fits) return false;
        } else if (title.find(term) == std::string::npos) {
            return false;
        }
    }
    return true;
}

std::vector<int> searchLibrary(const std::vector<LibraryEntry>& entries, const std::string& query) {
    std::vector<int> found;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (matchesQuery(entries[i], query)) found.push_back(static_cast<int>(i));
    return found;
}

}  // namespace stillpoint::app
