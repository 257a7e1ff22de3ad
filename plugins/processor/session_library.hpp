// SessionLibrary: the sessions the plugin offers, bundled in its binary
// (assets/sessions and assets/programs), and loading any session text into
// a Program with the first error spelled as `file:line:column: error: ...`,
// and its care notes (docs/care-rules.md), which never stop it playing.
//
// Message thread (parses and plans).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "stillpoint/program.hpp"

namespace stillpoint::plugin {

struct SessionText {
    std::string name;  ///< file name, as errors and the state name it
    std::string text;
};

/// The bundled sessions, the default (arrive-and-breathe) first, then by name.
const std::vector<SessionText>& bundledSessions();
/// Index of a bundled session by file name, -1 when it is not one.
int bundledIndexOf(const std::string& name);

struct LoadedSession {
    std::shared_ptr<const Program> program;  ///< null on error
    std::string error;                       ///< every error, one per line
    /// What the care checker (and the planner's avoid rule) found, in file
    /// order: shown beside the session, never blocking it.
    Diagnostics careNotes;
};

/// `options`: the listener's regions to leave out.
LoadedSession planSessionText(const SessionText& session, const PlanOptions& options = {});

/// Every error in `diagnostics`, one `file:line:column: error: ...` per line.
std::string formatErrors(const Diagnostics& diagnostics);

/// One line for a window: "Care: 2 notes. Line 27: <message> [<rule>]" (the
/// first note), or "" when there is none.
std::string careSummary(const Diagnostics& notes);
/// Every note in the checker's form, one per line (a tooltip's text).
std::string careDetails(const Diagnostics& notes);

}  // namespace stillpoint::plugin
