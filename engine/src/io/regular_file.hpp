// Reading a whole file that must be an ordinary file of bounded size: audio
// clips, voice-pack manifests, clip-cache entries. Whatever else a path may
// name (a FIFO, /dev/zero, a terminal, a socket) is refused at once: the file
// is opened without blocking and checked with fstat before a byte is read,
// so a FIFO never hangs the reader and a device never fills memory. The size
// is checked on the file opened, not on the path, so a file swapped in
// between is still bounded.
//
// Not real-time: file I/O.
#pragma once

#include <cstdint>
#include <string>

namespace stillpoint {

struct RegularFile {
    enum class Problem : unsigned char {
        None,
        Missing,     ///< nothing at the path (or a folder on the way is missing)
        Folder,      ///< a folder, not a file
        NotRegular,  ///< a FIFO, device or socket (or a link, where links are refused)
        TooLarge,    ///< larger than the limit: nothing was read
        Unreadable,  ///< open or read failed (permissions, I/O error)
    };

    std::string bytes;  ///< the whole file, when problem is None
    Problem problem = Problem::None;
    std::uintmax_t sizeBytes = 0;  ///< the size found, when TooLarge
    std::string whatItIs;          ///< "a named pipe (FIFO)", "a device"..., when NotRegular
    std::string systemMessage;     ///< the system's words, when Missing or Unreadable
};

enum class SymbolicLinks : unsigned char {
    Follow,  ///< a link to a regular file is read (a pack's clips, already contained)
    Refuse,  ///< the path itself must not be a link (cache entries, which are never links)
};

/// `path` read whole, or why not. Callers word the problem for their file kind.
RegularFile readRegularFile(const std::string& path, std::uintmax_t maxBytes,
                            SymbolicLinks links = SymbolicLinks::Follow);

}  // namespace stillpoint
