// Paths named inside a folder (a voice pack's clips, a pack's manifest) that
// must stay inside it: "../../etc/passwd", "/etc/passwd" and a link that
// points out are refused with a message naming the folder and the fix.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace stillpoint {

struct ContainedPath {
    std::optional<std::filesystem::path> path;  ///< inside the folder, when accepted
    std::string error;                          ///< why it was refused, when it was
};

/// `relative` resolved inside `folder`. Refuses empty and absolute paths, NUL
/// bytes, ".." that climbs out, and (for what exists) links leading out.
ContainedPath resolveInsideFolder(const std::filesystem::path& folder, std::string_view relative);

}  // namespace stillpoint
