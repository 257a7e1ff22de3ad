// CRC-32 (the IEEE polynomial, as zlib, PNG and gzip compute it): the check
// that saved states carry, so a blob damaged where it was kept is refused
// instead of loading as a different state. It catches every single-bit and
// every burst error up to 32 bits; it is not a defence against someone who
// means to forge a state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace stillpoint {

/// The CRC-32 of `size` bytes at `data`; pass an earlier result as `crc` to
/// continue over more bytes. crc32("123456789") == 0xCBF43926.
std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t crc = 0);

inline std::uint32_t crc32(std::string_view bytes) {
    return crc32(bytes.data(), bytes.size());
}

}  // namespace stillpoint
