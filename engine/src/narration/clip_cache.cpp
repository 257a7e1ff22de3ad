#include "narration/clip_cache.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iomanip>
#include <sstream>
#include <string_view>

#include "io/atomic_file.hpp"
#include "io/audio_file_reader.hpp"
#include "io/regular_file.hpp"

namespace stillpoint::narration {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'S', 'P', 'C', 'L', 'I', 'P', '0', '3'};
constexpr std::uint64_t kDefaultCacheLimitBytes = 1ull << 30;
// A temporary this old belongs to a writer that died: it is removed with the trim.
constexpr auto kStaleTemporary = std::chrono::hours(1);
// No entry is larger than a clip from outside may be.
const std::uintmax_t kMaxEntryBytes = AudioClipLimits{}.maxFileBytes;

/// Holds an exclusive lock on a file in the cache folder, if it can get it at once.
class TrimLock {
  public:
    explicit TrimLock(const std::string& directory) {
        fd_ =
            ::open((fs::path(directory) / "trim.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd_);
            fd_ = -1;
        }
    }
    ~TrimLock() {
        if (fd_ >= 0) ::close(fd_);  // releases the lock
    }
    TrimLock(const TrimLock&) = delete;
    TrimLock& operator=(const TrimLock&) = delete;
    bool held() const { return fd_ >= 0; }

  private:
    int fd_ = -1;
};

struct Header {
    char magic[8];
    std::uint64_t keyBytes;
    std::uint64_t restCount;    ///< LineRests after the key, before the samples
    std::uint64_t sampleCount;  ///< 16-bit samples after the rests
    double sampleRate;
    float gain;
    float unused;
    std::uint64_t checksum;  ///< of the key, the rate, the gain, the rests and the samples
};

std::uint64_t checksumOf(const std::string& key, const SpeechClip& clip) {
    std::uint64_t h = fnv1a64(key.data(), key.size());
    h = fnv1a64(&clip.sampleRate, sizeof clip.sampleRate, h);
    h = fnv1a64(&clip.gain, sizeof clip.gain, h);
    h = fnv1a64(clip.rests.data(), clip.rests.size() * sizeof(LineRest), h);
    return fnv1a64(clip.samples.data(), clip.samples.size() * sizeof(std::int16_t), h);
}

/// A rate a clip from outside may have, and a gain that keeps every sample
/// finite and within full scale (the largest 16-bit value times the gain).
bool playable(double sampleRate, float gain) {
    const AudioClipLimits limits;
    return sampleRate >= limits.minSampleRate && sampleRate <= limits.maxSampleRate &&
           std::isfinite(gain) && gain > 0.0f && gain * 32767.0f <= 1.0f;
}

/// Rests in order, each inside the samples and of a positive length.
bool restsFit(const std::vector<LineRest>& rests, std::size_t sampleCount) {
    std::int64_t previous = 0;
    for (const LineRest& rest : rests) {
        if (rest.atSample < previous || rest.frames <= 0 ||
            rest.atSample > static_cast<std::int64_t>(sampleCount))
            return false;
        previous = rest.atSample;
    }
    return true;
}

}  // namespace

std::string ClipCache::pathFor(const std::string& key) const {
    std::ostringstream name;
    name << std::hex << std::setw(16) << std::setfill('0') << fnv1a64(key.data(), key.size())
         << ".clip";
    return (std::filesystem::path(directory_) / name.str()).string();
}

ClipCache::Lookup ClipCache::load(const std::string& key, SpeechClip& clip) const {
    const std::string path = pathFor(key);
    // An entry is a regular file this class wrote: a link, a FIFO or a device
    // under its name is damage, refused before a byte is read.
    const auto file = readRegularFile(path, kMaxEntryBytes, SymbolicLinks::Refuse);
    if (file.problem == RegularFile::Problem::Missing ||
        file.problem == RegularFile::Problem::Unreadable)  // a permission: not ours to remove
        return Lookup::Miss;
    auto damaged = [&] {
        std::error_code ignored;
        fs::remove(path, ignored);
        return Lookup::Damaged;
    };
    if (file.problem != RegularFile::Problem::None) return damaged();
    // The size is the file's that was opened, not whatever the path names
    // now: another process may have trimmed or replaced the entry since.
    const std::string_view bytes = file.bytes;
    Header header{};
    if (bytes.size() < sizeof header) return damaged();
    std::memcpy(&header, bytes.data(), sizeof header);
    const std::uintmax_t size = bytes.size();
    if (std::string_view(header.magic, 8) != std::string_view(kMagic, 8) ||
        header.keyBytes > size || header.sampleCount > size / sizeof(std::int16_t) ||
        header.restCount > size / sizeof(LineRest) ||
        sizeof header + header.keyBytes + header.restCount * sizeof(LineRest) +
                header.sampleCount * sizeof(std::int16_t) !=
            size)
        return damaged();
    if (bytes.substr(sizeof header, header.keyBytes) != key)
        return Lookup::Miss;  // another key with the same hash
    SpeechClip stored;
    stored.sampleRate = header.sampleRate;
    stored.gain = header.gain;
    stored.rests.resize(header.restCount);
    stored.samples.resize(header.sampleCount);
    const char* body = bytes.data() + sizeof header + header.keyBytes;
    // An empty vector's data() may be null, which memcpy may not take.
    if (!stored.rests.empty())
        std::memcpy(stored.rests.data(), body, stored.rests.size() * sizeof(LineRest));
    if (!stored.samples.empty())
        std::memcpy(stored.samples.data(), body + stored.rests.size() * sizeof(LineRest),
                    stored.samples.size() * sizeof(std::int16_t));
    if (checksumOf(key, stored) != header.checksum ||
        !restsFit(stored.rests, stored.samples.size()))
        return damaged();
    // The checksum tells damage from chance, not a sound entry from a
    // planted one: the folder is the user's, and its samples must be
    // playable as any clip's from outside must.
    if (!playable(stored.sampleRate, stored.gain)) return damaged();
    clip = std::move(stored);
    std::error_code ignored;  // marks it used, for trim(); a read-only cache still works
    fs::last_write_time(path, fs::file_time_type::clock::now(), ignored);
    return Lookup::Hit;
}

void ClipCache::store(const std::string& key, const SpeechClip& clip) const {
    std::error_code failed;
    std::filesystem::create_directories(directory_, failed);
    if (failed) return;
    const std::string path = pathFor(key);
    Header header{};
    std::copy(std::begin(kMagic), std::end(kMagic), header.magic);
    header.keyBytes = key.size();
    header.restCount = clip.rests.size();
    header.sampleCount = clip.samples.size();
    header.sampleRate = clip.sampleRate;
    header.gain = clip.gain;
    header.checksum = checksumOf(key, clip);
    const auto bytesOf = [](const auto& items) {
        return std::string_view(reinterpret_cast<const char*>(items.data()),
                                items.size() * sizeof(items[0]));
    };
    const std::string_view pieces[] = {{reinterpret_cast<const char*>(&header), sizeof header},
                                       key,
                                       bytesOf(clip.rests),
                                       bytesOf(clip.samples)};
    // Readers open either the old entry or this whole one, never a part; an
    // entry can be made again, so it is not flushed to disk (a catalogue
    // render stores thousands), and whatever stood under its name (a FIFO,
    // a link) is replaced, never written through.
    std::string ignored;
    writeFileAtomically(path, pieces, ignored, {AtomicTarget::OwnEntry, Durability::Renamed});
}

ClipCache::LineLock::LineLock(const std::string& path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd_ < 0) return;
    int locked = 0;
    while ((locked = ::flock(fd_, LOCK_EX)) != 0 && errno == EINTR) {
    }
    if (locked != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

ClipCache::LineLock::~LineLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
}

ClipCache::LineLock ClipCache::lockLine(const std::string& key) const {
    std::error_code failed;
    const fs::path folder = fs::path(directory_) / "locks";
    fs::create_directories(folder, failed);
    char name[16];
    std::snprintf(name, sizeof name, "%02x.lock",
                  static_cast<unsigned>(fnv1a64(key.data(), key.size()) % kLineLocks));
    return LineLock((folder / name).string());
}

int ClipCache::trim(std::uint64_t maxBytes) const {
    const TrimLock lock(directory_);
    if (!lock.held()) return 0;  // another process is trimming the same folder
    struct Entry {
        fs::path path;
        fs::file_time_type used;
        std::uint64_t bytes;
    };
    std::vector<Entry> entries;
    std::uint64_t total = 0;
    const auto now = fs::file_time_type::clock::now();
    std::error_code ec;
    for (auto it = fs::directory_iterator(directory_, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        std::error_code gone;  // another process may remove an entry meanwhile
        const fs::path& path = it->path();
        const auto used = fs::last_write_time(path, gone);
        const auto bytes = fs::file_size(path, gone);
        if (gone) continue;
        if (path.extension() == ".clip") {
            entries.push_back({path, used, bytes});
            total += bytes;
        } else if (path.filename().string().find(".clip" + std::string(kTemporaryInfix)) !=
                       std::string::npos &&
                   now - used > kStaleTemporary) {
            fs::remove(path, gone);
        }
    }
    if (total <= maxBytes) return 0;
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.used != b.used ? a.used < b.used : a.path < b.path;
    });
    int removed = 0;
    for (const Entry& entry : entries) {
        if (total <= maxBytes) break;
        std::error_code gone;
        if (fs::remove(entry.path, gone)) ++removed;
        total -= entry.bytes;  // removed by us or by another process: gone either way
    }
    return removed;
}

std::uint64_t cacheLimitBytes(std::uint64_t configured) {
    if (configured > 0) return configured;
    if (const char* text = std::getenv("STILLPOINT_CACHE_MAX_MB"); text != nullptr) {
        char* end = nullptr;
        const double megabytes = std::strtod(text, &end);
        if (end != text && *end == '\0' && megabytes > 0.0 && megabytes < 1e9)
            return static_cast<std::uint64_t>(megabytes * 1024.0 * 1024.0);
    }
    return kDefaultCacheLimitBytes;
}

}  // namespace stillpoint::narration
