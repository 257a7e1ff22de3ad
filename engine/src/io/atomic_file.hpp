// Writing files so that nothing is ever lost: the new content goes to a
// temporary beside the target, is flushed to disk, and is renamed over the
// target in one step. A kill or power cut at any moment leaves either the old
// file or the complete new one under the target's name, never half of one.
//
// Every file the project writes for keeps (renders, captions, haptic
// exports, batch summaries, the app's profiles, the narration cache's
// entries) goes through here: check the target (checkOutputFile, stillpoint/output_file.hpp)
// and write to the path it gives, create the temporary with createTemporary()
// and write it (directly, or with a library such as libsndfile through the
// descriptor), then commitTemporary(); on failure removeTemporary().
// A replaced file keeps its permission bits and, where allowed, its owner.
// (Streamed logs, `play --events`, are not files for keeps: they may be a
// pipe, and are written as they come.)
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace stillpoint {

/// What stands under the target's name, and what a write may do to it.
enum class AtomicTarget : unsigned char {
    /// A file a user named: checked by checkOutputFile (a link is followed to
    /// the file it names; never a pipe, device, folder or write-protected file).
    UserFile,
    /// An entry in a folder the program keeps (a cache): the name itself is
    /// replaced whatever stands there (a link or a FIFO is never followed).
    OwnEntry,
};

/// How far a write goes before it counts as done.
enum class Durability : unsigned char {
    /// Flushed to disk before the rename, the folder after: a power cut
    /// leaves the old file or the whole new one.
    Flushed,
    /// Renamed only: a crash or kill leaves the old or the whole new one, a
    /// power cut may lose the new one. For what can be made again (caches).
    Renamed,
};

struct AtomicWrite {
    AtomicTarget target = AtomicTarget::UserFile;
    Durability durability = Durability::Flushed;
};

/// The part of a temporary's name after the target's: cleaners find
/// temporaries a killed writer left by it.
inline constexpr std::string_view kTemporaryInfix = ".partial-";

/// "<target>.partial-<pid>-<n>": beside the target (same file system, so the
/// rename is atomic), unique per process and call.
std::string temporaryPathBeside(const std::string& target);

/// Creates `temporary` (which must not exist) for writing, with the usual
/// mode (0666 less the umask). The descriptor, or -1 with errno set.
int createTemporary(const std::string& temporary);

/// Checks `target` again (a UserFile by checkOutputFile: never a pipe,
/// device, folder or a write-protected file), gives `temporary` the mode and
/// owner of the regular file it replaces, flushes it to disk (Flushed),
/// renames it to `target` and flushes the folder (Flushed). False with
/// `error` set (naming the target) when any step fails; the temporary is
/// then removed and the target untouched.
bool commitTemporary(const std::string& temporary, const std::string& target, std::string& error,
                     AtomicWrite how = {});

/// Removes a temporary that will not be committed; a missing one is fine.
void removeTemporary(const std::string& temporary);

/// Writes `bytes` to `target` (checked by checkOutputFile) through a
/// temporary. False with `error` set.
bool writeFileAtomically(const std::string& target, std::string_view bytes, std::string& error);

/// Writes `pieces`, one after the other, to `target` through a temporary,
/// as `how` says. A name taken by something else (a FIFO left under a
/// temporary's name) is passed over for the next. False with `error` set.
bool writeFileAtomically(const std::string& target, std::span<const std::string_view> pieces,
                         std::string& error, AtomicWrite how);

}  // namespace stillpoint
