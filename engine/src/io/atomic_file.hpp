// Writing files so that nothing is ever lost: the new content goes to a
// temporary beside the target, is flushed to disk, and is renamed over the
// target in one step. A kill or power cut at any moment leaves either the old
// file or the complete new one under the target's name, never half of one.
//
// Every file the project writes for keeps (renders, profiles, caches) goes
// through here: check the target (checkOutputFile, stillpoint/output_file.hpp)
// and write to the path it gives, create the temporary with createTemporary()
// and write it (directly, or with a library such as libsndfile through the
// descriptor), then commitTemporary(); on failure removeTemporary().
// A replaced file keeps its permission bits and, where allowed, its owner.
#pragma once

#include <string>
#include <string_view>

namespace stillpoint {

/// "<target>.partial-<pid>-<n>": beside the target (same file system, so the
/// rename is atomic), unique per process and call.
std::string temporaryPathBeside(const std::string& target);

/// Creates `temporary` (which must not exist) for writing, with the usual
/// mode (0666 less the umask). The descriptor, or -1 with errno set.
int createTemporary(const std::string& temporary);

/// Checks `target` again (checkOutputFile: never a pipe, device, folder or a
/// write-protected file), gives `temporary` the mode and owner of the file
/// it replaces, flushes it to disk, renames it to `target` and flushes the
/// folder. False with `error` set (naming the target) when any step fails;
/// the temporary is then removed and the target untouched.
bool commitTemporary(const std::string& temporary, const std::string& target, std::string& error);

/// Removes a temporary that will not be committed; a missing one is fine.
void removeTemporary(const std::string& temporary);

/// Writes `bytes` to `target` (checked by checkOutputFile) through a
/// temporary. False with `error` set.
bool writeFileAtomically(const std::string& target, std::string_view bytes, std::string& error);

}  // namespace stillpoint
