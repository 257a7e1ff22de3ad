// ClipCache: rendered lines on disk, so a second render of a session does not
// synthesise again.
//
// One file per clip, named by a 64-bit hash of its key (the text, voice,
// parameters, rate and the cache format version). The file repeats the whole
// key, so a hash collision is a miss, not a wrong line, and carries a
// checksum of the samples, so a damaged entry is detected and rendered
// again. Files are written to a temporary and renamed: a crash never leaves
// a half-written entry under its name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stillpoint::narration {

/// Part of every key: bump when the way a line is rendered changes.
inline constexpr int kClipCacheFormatVersion = 2;

class ClipCache {
  public:
    explicit ClipCache(std::string directory) : directory_(std::move(directory)) {}

    enum class Lookup : unsigned char {
        Hit,      ///< samples read and checked
        Miss,     ///< no entry for the key
        Damaged,  ///< an entry exists but fails its checks; it is removed
    };
    Lookup load(const std::string& key, std::vector<float>& samples) const;
    /// Best effort: a cache that cannot be written only costs time.
    void store(const std::string& key, const std::vector<float>& samples) const;

    std::string pathFor(const std::string& key) const;

  private:
    std::string directory_;
};

/// FNV-1a, 64 bits, continuing from `seed`.
std::uint64_t fnv1a64(const void* data, std::size_t size,
                      std::uint64_t seed = 0xcbf29ce484222325ull);

}  // namespace stillpoint::narration
