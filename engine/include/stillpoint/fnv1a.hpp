// FNV-1a, 64 bits: the quick, stable hash that names content on disk (clip
// cache entries, catalogue outputs). The same bytes give the same value on
// every machine and in every build; it is no defence against forgery.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace stillpoint {

/// The hash of `size` bytes at `data`, continuing from `seed` (an earlier result).
std::uint64_t fnv1a64(const void* data, std::size_t size,
                      std::uint64_t seed = 0xcbf29ce484222325ull);

inline std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ull) {
    return fnv1a64(bytes.data(), bytes.size(), seed);
}

}  // namespace stillpoint
