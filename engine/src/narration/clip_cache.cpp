#include "narration/clip_cache.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace stillpoint::narration {
namespace {

constexpr char kMagic[8] = {'S', 'P', 'C', 'L', 'I', 'P', '0', '1'};

struct Header {
    char magic[8];
    std::uint64_t keyBytes;
    std::uint64_t sampleCount;
    std::uint64_t checksum;  ///< of the key and the samples
};

std::uint64_t checksumOf(const std::string& key, const std::vector<float>& samples) {
    const std::uint64_t h = fnv1a64(key.data(), key.size());
    return fnv1a64(samples.data(), samples.size() * sizeof(float), h);
}

}  // namespace

std::uint64_t fnv1a64(const void* data, std::size_t size, std::uint64_t seed) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::uint64_t h = seed;
    for (std::size_t i = 0; i < size; ++i) {
        h ^= bytes[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

std::string ClipCache::pathFor(const std::string& key) const {
    std::ostringstream name;
    name << std::hex << std::setw(16) << std::setfill('0') << fnv1a64(key.data(), key.size())
         << ".clip";
    return (std::filesystem::path(directory_) / name.str()).string();
}

ClipCache::Lookup ClipCache::load(const std::string& key, std::vector<float>& samples) const {
    const std::string path = pathFor(key);
    std::ifstream in(path, std::ios::binary);
    if (!in) return Lookup::Miss;
    auto damaged = [&] {
        in.close();
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
        return Lookup::Damaged;
    };
    Header header{};
    if (!in.read(reinterpret_cast<char*>(&header), sizeof header) ||
        std::string_view(header.magic, 8) != std::string_view(kMagic, 8))
        return damaged();
    const auto size = std::filesystem::file_size(path);
    if (header.keyBytes > size || header.sampleCount > size / sizeof(float) ||
        sizeof header + header.keyBytes + header.sampleCount * sizeof(float) != size)
        return damaged();
    std::string storedKey(header.keyBytes, '\0');
    if (!in.read(storedKey.data(), static_cast<std::streamsize>(storedKey.size())))
        return damaged();
    if (storedKey != key) return Lookup::Miss;  // another key with the same hash
    samples.resize(header.sampleCount);
    if (!in.read(reinterpret_cast<char*>(samples.data()),
                 static_cast<std::streamsize>(samples.size() * sizeof(float))) ||
        checksumOf(key, samples) != header.checksum) {
        samples.clear();
        return damaged();
    }
    return Lookup::Hit;
}

void ClipCache::store(const std::string& key, const std::vector<float>& samples) const {
    std::error_code failed;
    std::filesystem::create_directories(directory_, failed);
    if (failed) return;
    const std::string path = pathFor(key);
    const std::string temporary = path + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        Header header{};
        std::copy(std::begin(kMagic), std::end(kMagic), header.magic);
        header.keyBytes = key.size();
        header.sampleCount = samples.size();
        header.checksum = checksumOf(key, samples);
        out.write(reinterpret_cast<const char*>(&header), sizeof header);
        out.write(key.data(), static_cast<std::streamsize>(key.size()));
        out.write(reinterpret_cast<const char*>(samples.data()),
                  static_cast<std::streamsize>(samples.size() * sizeof(float)));
        if (!out.flush()) {
            out.close();
            std::filesystem::remove(temporary, failed);
            return;
        }
    }
    std::filesystem::rename(temporary, path, failed);
    if (failed) std::filesystem::remove(temporary, failed);
}

}  // namespace stillpoint::narration
