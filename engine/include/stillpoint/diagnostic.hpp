// Diagnostics: what went wrong in a session file, where, and how to fix it.
//
// Errors are values at module edges: parsers and planners return them, the
// command line prints them as `file:line:column: error: message (hint)`.
#pragma once

#include <string>
#include <vector>

namespace stillpoint {

enum class Severity : unsigned char {
    Error,    ///< the session cannot be played
    Warning,  ///< it plays, but something will differ from what the author meant
};

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    int line = 0;         ///< 1-based; 0 when the problem has no position (e.g. file too large)
    int column = 0;       ///< 1-based
    std::string message;  ///< what is wrong
    std::string hint;     ///< what would be right; may be empty
    /// The rule that found it, e.g. `care.hold-optional` (docs/care-rules.md); may be empty.
    std::string rule = {};

    /// `file:line:column: error: message; hint [rule]` (the position parts
    /// and the rule only when known).
    std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics& diagnostics);

}  // namespace stillpoint
