// The compiled clips' one sample form: 16-bit signed, little-endian (what
// clips.pcm holds and decodeCompiledSession reads, whatever the files were).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace stillpoint::compiled {

/// Appends `sample`'s two bytes, low first, to `bytes` (a byte vector or string).
template <typename Bytes>
void appendSixteenBit(Bytes& bytes, std::int16_t sample) {
    using Byte = typename Bytes::value_type;
    const auto bits = static_cast<std::uint16_t>(sample);
    bytes.push_back(static_cast<Byte>(bits & 0xff));
    bytes.push_back(static_cast<Byte>(bits >> 8));
}

/// The `index`th sample of `bytes`.
inline std::int16_t sixteenBitAt(std::span<const std::uint8_t> bytes, std::size_t index) {
    return static_cast<std::int16_t>(
        static_cast<std::uint16_t>(bytes[2 * index] | (bytes[2 * index + 1] << 8)));
}

}  // namespace stillpoint::compiled
