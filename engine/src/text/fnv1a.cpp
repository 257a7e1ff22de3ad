#include "stillpoint/fnv1a.hpp"

namespace stillpoint {

std::uint64_t fnv1a64(const void* data, std::size_t size, std::uint64_t seed) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::uint64_t h = seed;
    for (std::size_t i = 0; i < size; ++i) {
        h ^= bytes[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

}  // namespace stillpoint
