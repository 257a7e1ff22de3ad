#include "stillpoint/diagnostic.hpp"

#include <algorithm>

namespace stillpoint {

std::string Diagnostic::format() const {
    std::string out;
    if (!file.empty()) out += file + ":";
    if (line > 0) {
        out += std::to_string(line) + ":";
        if (column > 0) out += std::to_string(column) + ":";
    }
    if (!out.empty()) out += " ";
    out += severity == Severity::Error ? "error: " : "warning: ";
    out += message;
    if (!hint.empty()) out += "; " + hint;
    if (!rule.empty()) out += " [" + rule + "]";
    return out;
}

bool hasErrors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace stillpoint
