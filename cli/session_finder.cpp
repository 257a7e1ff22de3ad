#include "session_finder.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "stillpoint/nearest_name.hpp"

namespace stillpoint::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kNearestShown = 3;

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

std::vector<std::string> splitPaths(const std::string& list) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    while (from <= list.size()) {
        const auto colon = std::min(list.find(':', from), list.size());
        if (colon > from) parts.push_back(list.substr(from, colon - from));
        from = colon + 1;
    }
    return parts;
}

fs::path runningProgramFolder() {
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    return error ? fs::path() : self.parent_path();
}

bool sameFolder(const fs::path& a, const fs::path& b) {
    std::error_code error;
    return fs::equivalent(a, b, error);
}

}  // namespace

std::vector<SessionFolder> sessionFolders() {
    std::vector<SessionFolder> folders;
    const fs::path relative = fs::path("stillpoint") / "sessions";
    // XDG base directories: a relative path in these variables is ignored.
    std::string dataHome = environment("XDG_DATA_HOME");
    if (dataHome.empty() || dataHome.front() != '/')
        dataHome = environment("HOME").empty() ? "" : environment("HOME") + "/.local/share";
    if (!dataHome.empty()) folders.push_back({dataHome / relative, SessionOrigin::User});
    std::string dataDirs = environment("XDG_DATA_DIRS");
    if (dataDirs.empty()) dataDirs = "/usr/local/share:/usr/share";
    for (const std::string& dir : splitPaths(dataDirs))
        if (dir.front() == '/') folders.push_back({dir / relative, SessionOrigin::Bundled});
    const fs::path program = runningProgramFolder();
    if (!program.empty())
        folders.push_back({program.parent_path() / "share" / relative, SessionOrigin::Bundled});
    if (!program.empty() && sameFolder(program, STILLPOINT_CLI_BUILD_DIR)) {
        folders.push_back({fs::path(STILLPOINT_ASSETS_DIR) / "sessions", SessionOrigin::Bundled});
        folders.push_back({fs::path(STILLPOINT_ASSETS_DIR) / "programs", SessionOrigin::Bundled});
    }
    // Each folder once (an install under /usr is both in XDG_DATA_DIRS and beside the command).
    std::vector<SessionFolder> distinct;
    for (const SessionFolder& folder : folders) {
        const bool seen = std::any_of(distinct.begin(), distinct.end(), [&](const auto& earlier) {
            return earlier.path == folder.path || sameFolder(earlier.path, folder.path);
        });
        if (!seen) distinct.push_back(folder);
    }
    return distinct;
}

std::vector<FoundSession> findSessions() {
    std::vector<FoundSession> found;
    std::set<std::string> names;
    for (const SessionFolder& folder : sessionFolders()) {
        std::error_code error;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(folder.path, error))
            if (entry.path().extension() == ".yaml" && entry.is_regular_file(error))
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files)
            if (names.insert(file.stem().string()).second)
                found.push_back({file.stem().string(), file, folder.origin});
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return found;
}

std::optional<std::string> sessionPathFor(const std::string& argument, std::string_view command,
                                          std::ostream& err) {
    std::error_code error;
    if (fs::exists(argument, error)) return argument;
    const auto sessions = findSessions();
    for (const FoundSession& session : sessions)
        if (session.name == argument) return session.path.string();
    err << "stillpoint " << command << ": " << argument
        << ": no such file, and no session of that name";
    std::vector<std::string_view> names;
    for (const FoundSession& session : sessions) names.push_back(session.name);
    const auto nearest = nearestNames(argument, names, kNearestShown);
    if (!nearest.empty()) {
        err << "; the nearest: ";
        for (std::size_t i = 0; i < nearest.size(); ++i) err << (i ? ", " : "") << nearest[i];
    }
    err << "\n`stillpoint sessions` lists them all\n";
    return std::nullopt;
}

}  // namespace stillpoint::cli
