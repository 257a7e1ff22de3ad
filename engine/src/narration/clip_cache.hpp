// ClipCache: rendered lines on disk, so a second render of a session does not
// synthesise again.
//
// One file per clip, named by a 64-bit hash of its key (the text, voice,
// parameters and the cache format version), holding the line's compact clip:
// its rate, gain, 16-bit samples and rests (lengths, not zeros). The file repeats the whole
// key, so a hash collision is a miss, not a wrong line, and carries a
// checksum of the samples, so a damaged entry is detected and rendered
// again.
//
// Shared by processes and threads (a catalogue render on many cores or
// cluster nodes): each store goes through the atomic writer
// (io/atomic_file.hpp: its own temporary, renamed into place), so a reader
// opens the old entry or the whole new one, never a part; lockLine() lets one writer make a line
// while others wait and then read it, so each distinct line is synthesised once. The folder is the
// user's, so an entry is read as audio from outside is: only a regular file (a FIFO or a link under
// an entry's name is never opened for reading), at most as large as a clip may be, and every sample
// finite and within full scale, checksum or not. Files are written to a
// temporary and renamed: a crash never leaves a half-written entry under
// its name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "stillpoint/fnv1a.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint::narration {

/// Part of every key: bump when the way a line is rendered changes.
inline constexpr int kClipCacheFormatVersion = 4;

class ClipCache {
  public:
    explicit ClipCache(std::string directory) : directory_(std::move(directory)) {}

    enum class Lookup : unsigned char {
        Hit,      ///< samples read and checked
        Miss,     ///< no entry for the key
        Damaged,  ///< an entry exists but fails its checks; it is removed, never played
    };
    /// The entry's clip into `clip` (left as it was unless a Hit).
    Lookup load(const std::string& key, SpeechClip& clip) const;
    /// Best effort: a cache that cannot be written only costs time.
    void store(const std::string& key, const SpeechClip& clip) const;

    std::string pathFor(const std::string& key) const;

    /// An exclusive lock on a key's line (an flock on one of kLineLocks lock
    /// files in locks/, shared by the keys that hash alike), held until the
    /// object is destroyed. Blocks while another thread or process holds it.
    /// Without a writable folder it holds nothing: lines are then made twice
    /// at worst, never wrong.
    class LineLock {
      public:
        explicit LineLock(const std::string& path);
        ~LineLock();
        LineLock(LineLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
        LineLock(const LineLock&) = delete;
        LineLock& operator=(const LineLock&) = delete;
        LineLock& operator=(LineLock&&) = delete;
        bool held() const { return fd_ >= 0; }

      private:
        int fd_ = -1;
    };
    static constexpr unsigned kLineLocks = 256;
    LineLock lockLine(const std::string& key) const;

    /// Removes entries, the ones used longest ago first, until the folder
    /// holds at most `maxBytes` of them. A hit marks its entry as used (its
    /// modification time; access times are often not kept). Safe while other
    /// processes use the folder: one trims at a time (a lock file), an entry
    /// removed while another process reads it is still read whole (POSIX
    /// keeps an open file), and one removed before it is opened is a miss.
    /// Returns the entries removed.
    int trim(std::uint64_t maxBytes) const;

  private:
    std::string directory_;
};

/// The cache size limit: `configured` when set, else $STILLPOINT_CACHE_MAX_MB
/// megabytes when that is a positive number, else 1 GiB.
std::uint64_t cacheLimitBytes(std::uint64_t configured);

}  // namespace stillpoint::narration
