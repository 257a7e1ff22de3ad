// SessionLibrary: the sessions the plugin offers, bundled in its binary
// (assets/sessions and assets/programs), and loading any session text into
// a Program with the first error spelled as `file:line:column: error: ...`.
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
};

/// `options`: the listener's regions to leave out.
LoadedSession planSessionText(const SessionText& session, const PlanOptions& options = {});

/// Every error in `diagnostics`, one `file:line:column: error: ...` per line.
std::string formatErrors(const Diagnostics& diagnostics);

}  // namespace stillpoint::plugin
