#include "stillpoint/diagnostic.hpp"

#include <algorithm>

#include "stillpoint/unsafe_characters.hpp"

namespace stillpoint {

std::string Diagnostic::format() const {
    std::string out;
    // Paths, and values quoted from a file, are shown: never sent raw to a terminal.
    if (!file.empty()) out += escapeForDisplay(file) + ":";
    if (line > 0) {
        out += std::to_string(line) + ":";
        if (column > 0) out += std::to_string(column) + ":";
    }
    if (!out.empty()) out += " ";
    out += severity == Severity::Error ? "error: " : "warning: ";
    out += escapeForDisplay(message);
    if (!hint.empty()) out += "; " + escapeForDisplay(hint);
    if (!rule.empty()) out += " [" + rule + "]";
    return out;
}

bool hasErrors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace stillpoint
