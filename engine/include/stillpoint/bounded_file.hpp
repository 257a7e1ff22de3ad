// Reading a whole file that has a size limit: sessions, voice-pack manifests
// and audio clips. The limit is checked before anything is read where the
// file has a size, and enforced while reading where it has none (a pipe, a
// device), so a 1 GB line or /dev/zero never fills memory.
#pragma once

#include <cstdint>
#include <string>

namespace stillpoint {

struct BoundedFile {
    enum class Problem { None, Missing, Folder, TooLarge, Unreadable };

    std::string bytes;  ///< the whole file, when problem is None
    Problem problem = Problem::None;
    std::uintmax_t sizeBytes = 0;  ///< the size found, when TooLarge
    std::string systemMessage;     ///< the system's words, when Missing or Unreadable
};

/// `path` read whole, or why not. Callers word the problem for their file kind.
BoundedFile readBoundedFile(const std::string& path, std::uintmax_t maxBytes);

/// "N MB", rounded up, for limit messages.
std::string megabytes(std::uintmax_t bytes);

}  // namespace stillpoint
