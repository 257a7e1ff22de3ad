// The CRC-32 saved states carry: the standard check values, so a state saved
// here can be verified by any zlib-compatible tool, and what it catches.
#include "stillpoint/crc32.hpp"

#include <gtest/gtest.h>

#include <string>

namespace stillpoint {
namespace {

TEST(Crc32, GivesTheStandardCheckValues) {
    EXPECT_EQ(crc32(""), 0x00000000u);
    EXPECT_EQ(crc32("123456789"), 0xCBF43926u);
    EXPECT_EQ(crc32("The quick brown fox jumps over the lazy dog"), 0x414FA339u);
}

TEST(Crc32, ContinuesOverPiecesAsOverTheWhole) {
    const std::string text = "stillpoint-state 2\nsample-rate 48000\n";
    const std::uint32_t first = crc32(text.data(), 7);
    EXPECT_EQ(crc32(text.data() + 7, text.size() - 7, first), crc32(text));
}

TEST(Crc32, EverySingleBitFlipChangesIt) {
    std::string text = "position 96000\ntone-db -6\n";
    const std::uint32_t original = crc32(text);
    for (std::size_t i = 0; i < text.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            text[i] = static_cast<char>(text[i] ^ (1 << bit));
            EXPECT_NE(crc32(text), original) << i << ':' << bit;
            text[i] = static_cast<char>(text[i] ^ (1 << bit));
        }
}

}  // namespace
}  // namespace stillpoint
