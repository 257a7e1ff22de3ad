#include "stillpoint/nearest_name.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace stillpoint {
namespace {

char folded(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

/// Optimal string alignment distance, case-insensitive.
std::size_t editDistance(std::string_view a, std::string_view b) {
    const std::size_t rows = a.size() + 1, cols = b.size() + 1;
    std::vector<std::size_t> d(rows * cols);
    const auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * cols + j]; };
    for (std::size_t i = 0; i < rows; ++i) at(i, 0) = i;
    for (std::size_t j = 0; j < cols; ++j) at(0, j) = j;
    for (std::size_t i = 1; i < rows; ++i) {
        for (std::size_t j = 1; j < cols; ++j) {
            const std::size_t cost = folded(a[i - 1]) == folded(b[j - 1]) ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && folded(a[i - 1]) == folded(b[j - 2]) &&
                folded(a[i - 2]) == folded(b[j - 1]))
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(a.size(), b.size());
}

}  // namespace

std::optional<std::string> nearestName(std::string_view word,
                                       std::span<const std::string_view> candidates) {
    // Long misspellings are only compared by their first 64 characters: names are short.
    word = word.substr(0, 64);
    // A typo changes a few letters; more than a third of the word is another word.
    const std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
    std::optional<std::string> best;
    std::size_t bestDistance = allowed + 1;
    for (const std::string_view candidate : candidates) {
        const std::size_t distance = editDistance(word, candidate);
        if (distance < bestDistance && distance < std::max(word.size(), candidate.size())) {
            best = std::string(candidate);
            bestDistance = distance;
        }
    }
    return best;
}

std::vector<std::string> nearestNames(std::string_view word,
                                      std::span<const std::string_view> candidates,
                                      std::size_t count) {
    word = word.substr(0, 64);
    std::vector<std::pair<std::size_t, std::string_view>> ranked;
    for (const std::string_view candidate : candidates) {
        const bool contains = !word.empty() && candidate.find(word) != std::string_view::npos;
        ranked.emplace_back(contains ? 0 : editDistance(word, candidate.substr(0, 64)), candidate);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> names;
    for (std::size_t i = 0; i < ranked.size() && i < count; ++i)
        names.emplace_back(ranked[i].second);
    return names;
}

std::string joinNames(std::span<const std::string_view> names) {
    std::string out;
    for (const std::string_view name : names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

std::string suggestionHint(std::string_view word, std::span<const std::string_view> candidates,
                           std::string_view listLabel) {
    std::string hint;
    if (const auto nearest = nearestName(word, candidates))
        hint = "did you mean '" + *nearest + "'? ";
    hint += std::string(listLabel) + ": " + joinNames(candidates);
    return hint;
}

}  // namespace stillpoint
