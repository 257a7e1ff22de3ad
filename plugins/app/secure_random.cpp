#include "secure_random.hpp"

#include <sys/random.h>

#include <cerrno>
#include <cstdio>
#include <limits>

namespace stillpoint::app {

bool secureRandomBytes(void* bytes, std::size_t count) {
    auto* out = static_cast<unsigned char*>(bytes);
    while (count > 0) {
        const ssize_t n = ::getrandom(out, count, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        out += n;
        count -= static_cast<std::size_t>(n);
    }
    return true;
}

std::optional<std::uint32_t> secureUniform(std::uint32_t bound) {
    if (bound == 0) return std::nullopt;
    // The largest multiple of `bound` that fits: values at or above it would
    // favour the low remainders, so they are drawn again.
    constexpr std::uint64_t kRange = std::uint64_t{std::numeric_limits<std::uint32_t>::max()} + 1;
    const std::uint64_t limit = kRange - kRange % bound;
    for (;;) {
        std::uint32_t value = 0;
        if (!secureRandomBytes(&value, sizeof value)) return std::nullopt;
        if (value < limit) return value % bound;
    }
}

std::optional<std::string> drawPairingCode() {
    const auto value = secureUniform(1000000);
    if (!value) return std::nullopt;
    char text[8];
    std::snprintf(text, sizeof text, "%06u", static_cast<unsigned>(*value));
    return std::string(text);
}

std::optional<std::string> drawToken() {
    unsigned char bytes[16];
    if (!secureRandomBytes(bytes, sizeof bytes)) return std::nullopt;
    std::string hex;
    for (const unsigned char b : bytes) {
        char pair[3];
        std::snprintf(pair, sizeof pair, "%02x", b);
        hex += pair;
    }
    return hex;
}

}  // namespace stillpoint::app
