// Checking a file the project is about to write, before anything is written,
// and writing small files through the atomic writer.
//
// Every command that writes a file (`render`, `captions`, `haptics`,
// `play --callback-stats`) checks its outputs here before it starts work, and
// the atomic writer checks again just before it replaces the target. A target
// is refused when it is the same file as one of the command's inputs (by
// device and inode, so hard links, symlinks and ../ paths are seen through),
// lies inside a folder the command reads, exists but is not a regular file (a
// named pipe, a device, a folder: never replaced by a file; a streamed log
// may go into a pipe or a terminal), or is
// write-protected (no write bit for its owner, or not writable by this user).
// A replaced file keeps its permission bits (and owner, where the system
// allows); a new file gets the usual mode (0666 less the umask).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stillpoint {

enum class OutputWrite : unsigned char {
    Replace,  ///< a whole file, through a temporary renamed over the target: regular files only
    Stream,   ///< written as it happens (a live event log): a named pipe or a terminal is fine
};

struct OutputFileCheck {
    /// Where to write: the target, or the file a symbolic link there leads
    /// to (the link is kept, its file replaced).
    std::string path;
    /// Empty when the target may be written; otherwise
    /// "TARGET: what is wrong; what to do".
    std::string problem;
    bool ok() const { return problem.empty(); }
};

/// Whether `target` may be written by a command that reads `inputs` (files
/// or folders; ones that do not exist are passed over).
OutputFileCheck checkOutputFile(const std::string& target,
                                const std::vector<std::string>& inputs = {},
                                OutputWrite write = OutputWrite::Replace);

/// Writes `text` to `path` through a temporary renamed into place (see
/// io/atomic_file.hpp), after checkOutputFile. False with `error` set.
bool writeTextFile(const std::string& path, std::string_view text, std::string& error);

}  // namespace stillpoint
