// Sessions by name: the folders `stillpoint sessions` lists, and where
// `render` and `play` look up a session named instead of a path. First
// folder wins for a name, so a user's own session shadows a bundled one:
//   $XDG_DATA_HOME/stillpoint/sessions   the user's (~/.local/share/...)
//   $XDG_DATA_DIRS/stillpoint/sessions   each entry (/usr/local/share:/usr/share)
//   PREFIX/share/stillpoint/sessions     beside the installed command
//   assets/sessions, assets/programs     the source tree's, when the command
//                                        runs from its build folder
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace stillpoint::cli {

enum class SessionOrigin : unsigned char { User, Bundled };

struct SessionFolder {
    std::filesystem::path path;
    SessionOrigin origin = SessionOrigin::Bundled;
};

/// The folders in the order above, each once; folders that do not exist too.
std::vector<SessionFolder> sessionFolders();

struct FoundSession {
    std::string name;  ///< the file name without .yaml: what `render NAME` takes
    std::filesystem::path path;
    SessionOrigin origin = SessionOrigin::Bundled;
};

/// Every *.yaml in those folders, one per name (the first folder's), sorted by name.
std::vector<FoundSession> findSessions();

/// The session file `argument` means: an existing path as given (a path
/// always wins), else the session of that name. Otherwise prints
/// "stillpoint COMMAND: ..." with the nearest names to `err` and is nullopt.
std::optional<std::string> sessionPathFor(const std::string& argument, std::string_view command,
                                          std::ostream& err);

}  // namespace stillpoint::cli
