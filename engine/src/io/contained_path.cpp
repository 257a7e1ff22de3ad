#include "stillpoint/contained_path.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

ContainedPath refuse(std::string_view relative, const fs::path& folder, const std::string& why) {
    return {std::nullopt, "'" + std::string(relative) + "' " + why + "; name a file inside " +
                              folder.string() +
                              " with a path relative to it, like clips/intro.wav"};
}

/// True when `inner` is `outer` or below it; both lexically normal.
bool isWithin(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
        if (o->empty()) continue;  // a trailing separator
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

}  // namespace

ContainedPath resolveInsideFolder(const fs::path& folder, std::string_view relative) {
    if (relative.empty()) return refuse(relative, folder, "is empty");
    if (relative.find('\0') != std::string_view::npos)
        return refuse(relative, folder, "contains a NUL byte");
    const fs::path written{std::string(relative)};
    if (written.is_absolute() || written.has_root_name() || written.has_root_directory())
        return refuse(relative, folder, "is an absolute path");
    const fs::path base = fs::absolute(folder).lexically_normal();
    const fs::path joined = (base / written).lexically_normal();
    if (!isWithin(joined, base)) return refuse(relative, folder, "leads outside the folder");

    // Links: compare where the path really leads with where the folder really is.
    std::error_code error;
    const fs::path realBase = fs::weakly_canonical(base, error);
    if (error) return {joined, {}};  // the folder itself cannot be resolved: the read will say so
    const fs::path realTarget = fs::weakly_canonical(joined, error);
    if (!error && !isWithin(realTarget, realBase))
        return refuse(relative, folder, "leads outside the folder through a link");
    return {joined, {}};
}

}  // namespace stillpoint
