#include "io/ogg_serial.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

#include "stillpoint/fnv1a.hpp"

namespace stillpoint {
namespace {

// The page header (RFC 3533): "OggS", version, flags, granule position (8),
// serial (4), sequence (4), CRC (4), segment count, then the lacing values.
constexpr std::size_t kHeaderBytes = 27;
constexpr std::size_t kSerialAt = 14;
constexpr std::size_t kCrcAt = 22;
constexpr std::size_t kSegmentsAt = 26;

/// Ogg's CRC-32: polynomial 0x04c11db7, not reflected, starting at 0.
std::uint32_t oggCrc(const unsigned char* data, std::size_t size) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t r = i << 24;
            for (int bit = 0; bit < 8; ++bit)
                r = (r & 0x80000000u) ? (r << 1) ^ 0x04c11db7u : r << 1;
            t[i] = r;
        }
        return t;
    }();
    std::uint32_t crc = 0;
    for (std::size_t i = 0; i < size; ++i) crc = (crc << 8) ^ table[((crc >> 24) ^ data[i]) & 0xff];
    return crc;
}

void putLittleEndian(unsigned char* at, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) at[i] = static_cast<unsigned char>(value >> (8 * i));
}

struct Page {
    std::size_t start = 0;
    std::size_t size = 0;  ///< header, lacing and body
    std::size_t bodyStart = 0;
};

/// The file's pages, or empty when it is not one Ogg stream page after page.
std::vector<Page> pagesOf(const std::vector<unsigned char>& bytes) {
    std::vector<Page> pages;
    std::uint32_t serial = 0;
    for (std::size_t at = 0; at < bytes.size();) {
        if (bytes.size() - at < kHeaderBytes || std::memcmp(&bytes[at], "OggS", 4) != 0) return {};
        const std::size_t segments = bytes[at + kSegmentsAt];
        if (bytes.size() - at < kHeaderBytes + segments) return {};
        std::size_t body = 0;
        for (std::size_t s = 0; s < segments; ++s) body += bytes[at + kHeaderBytes + s];
        const Page page{at, kHeaderBytes + segments + body, at + kHeaderBytes + segments};
        if (bytes.size() - at < page.size) return {};
        std::uint32_t pageSerial = 0;
        std::memcpy(&pageSerial, &bytes[at + kSerialAt], 4);    // compared, not read as a number
        if (!pages.empty() && pageSerial != serial) return {};  // a second stream: not ours
        serial = pageSerial;
        pages.push_back(page);
        at += page.size;
    }
    return pages;
}

}  // namespace

bool setContentSerial(const std::string& path, std::string& error) {
    std::vector<unsigned char> bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
        if (!in.good() && !in.eof()) {
            error = path + ": could not read the Ogg file back to number its stream";
            return false;
        }
    }
    const std::vector<Page> pages = pagesOf(bytes);
    if (pages.empty()) {
        error = path + ": the Ogg file is not one stream of pages; it was not finished";
        return false;
    }
    std::uint64_t hash = fnv1a64(nullptr, 0);
    for (const Page& page : pages)
        hash = fnv1a64(&bytes[page.bodyStart], page.size - (page.bodyStart - page.start), hash);
    const auto serial = static_cast<std::uint32_t>(hash ^ (hash >> 32));
    for (const Page& page : pages) {
        unsigned char* header = &bytes[page.start];
        putLittleEndian(header + kSerialAt, serial);
        putLittleEndian(header + kCrcAt, 0);
        putLittleEndian(header + kCrcAt, oggCrc(header, page.size));
    }
    std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
    file.write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    if (!file.flush()) {
        error = path + ": could not write the Ogg file's stream number (is the disk full?)";
        return false;
    }
    return true;
}

}  // namespace stillpoint
