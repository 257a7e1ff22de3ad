// The remote's OSC reader takes a packet only when it is whole and exact:
// every truncation of a good packet, and random bytes, are no message.
#include "osc_packet.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <random>

namespace stillpoint::app {
namespace {

std::optional<OscMessage> parse(const std::vector<std::uint8_t>& bytes) {
    return parseOscMessage(bytes.data(), bytes.size());
}

TEST(OscPacket, ReadsWhatItWrites) {
    const OscMessage sent{"/stillpoint/pair",
                          {std::string("424242"), std::string("10.0.0.7"), 9001}};
    const auto bytes = encodeOscMessage(sent);
    // "/stillpoint/pair" (16 + 4 padding), ",ssi" (4 + 4), "424242" (8), "10.0.0.7" (12), int (4).
    EXPECT_EQ(bytes.size(), 20u + 8u + 8u + 12u + 4u);
    const auto got = parse(bytes);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->address, "/stillpoint/pair");
    ASSERT_EQ(got->arguments.size(), 3u);
    EXPECT_EQ(std::get<std::string>(got->arguments[0]), "424242");
    EXPECT_EQ(std::get<std::string>(got->arguments[1]), "10.0.0.7");
    EXPECT_EQ(std::get<std::int32_t>(got->arguments[2]), 9001);
    const auto hold = parse(encodeOscMessage({"/stillpoint/hold", {0.5f}}));
    ASSERT_TRUE(hold);
    EXPECT_EQ(std::get<float>(hold->arguments[0]), 0.5f);
}

TEST(OscPacket, EveryTruncationOfAGoodPacketIsNoMessage) {
    for (const OscMessage& good :
         {OscMessage{"/stillpoint/hold", {1}},
          OscMessage{"/stillpoint/hold", {std::string("0a1b"), 1}},
          OscMessage{"/stillpoint/pair", {std::string("424242"), std::string("127.0.0.1"), 9001}},
          OscMessage{"/stillpoint/heart/ble", {OscBlob{{0x10, 60, 0x00, 0x04, 0xc0}}}}}) {
        const auto bytes = encodeOscMessage(good);
        ASSERT_TRUE(parse(bytes));
        for (std::size_t size = 0; size < bytes.size(); ++size)
            EXPECT_FALSE(parseOscMessage(bytes.data(), size)) << good.address << " cut to " << size;
        // Nor with anything after it.
        auto longer = bytes;
        longer.insert(longer.end(), {0, 0, 0, 0});
        EXPECT_FALSE(parse(longer)) << good.address;
    }
}

TEST(OscPacket, MalformedPartsAreNoMessage) {
    const auto raw = [](const std::string& text) {
        return std::vector<std::uint8_t>(text.begin(), text.end());
    };
    // No type tag string (old OSC): not taken.
    EXPECT_FALSE(parse(raw(std::string("/stillpoint/hold\0\0\0\0", 20))));
    // Padding that is not zeros.
    EXPECT_FALSE(parse(raw(std::string("/stillpoint/hold\0xx\0,\0\0\0", 24))));
    // A type no control takes (a double), an infinite float, a bundle.
    EXPECT_FALSE(parse(raw(std::string("/stillpoint/hold\0\0\0\0,d\0\0\0\0\0\0\0\0\0\0", 32))));
    EXPECT_FALSE(
        parse(encodeOscMessage({"/stillpoint/hold", {std::numeric_limits<float>::infinity()}})));
    EXPECT_FALSE(parse(raw(std::string("#bundle\0\0\0\0\0\0\0\0\1", 16))));
    // Not an address; a control character in one; too many arguments; too long.
    EXPECT_FALSE(parse(encodeOscMessage({"stillpoint/play", {}})));
    EXPECT_FALSE(parse(encodeOscMessage({"/still\npoint", {}})));
    EXPECT_FALSE(parse(encodeOscMessage({"/stillpoint/play", std::vector<OscArgument>(9, 1)})));
    EXPECT_FALSE(parse(encodeOscMessage({"/stillpoint/play", {std::string(1100, 'a')}})));
}

TEST(OscPacket, ABlobIsItsSizeThenItsBytesPaddedWithZeros) {
    const OscBlob notification{{0x10, 60, 0x00, 0x04, 0xc0}};
    const auto bytes = encodeOscMessage({"/stillpoint/heart/ble", {notification}});
    // "/stillpoint/heart/ble" (21 + 3), ",b" (4), size (4), five bytes (5 + 3).
    ASSERT_EQ(bytes.size(), 24u + 4u + 4u + 8u);
    EXPECT_EQ(std::vector<std::uint8_t>(bytes.begin() + 28, bytes.end()),
              (std::vector<std::uint8_t>{0, 0, 0, 5, 0x10, 60, 0x00, 0x04, 0xc0, 0, 0, 0}));
    const auto got = parse(bytes);
    ASSERT_TRUE(got);
    ASSERT_EQ(got->arguments.size(), 1u);
    EXPECT_EQ(std::get<OscBlob>(got->arguments[0]), notification);
    // An empty blob is a blob.
    const auto empty = parse(encodeOscMessage({"/stillpoint/heart/ble", {OscBlob{}}}));
    ASSERT_TRUE(empty);
    EXPECT_TRUE(std::get<OscBlob>(empty->arguments[0]).bytes.empty());

    // Padding that is not zeros; a size beyond the packet, or near 2^32.
    auto dirty = bytes;
    dirty.back() = 1;
    EXPECT_FALSE(parse(dirty));
    for (const std::uint32_t size : {9u, 12u, 0x7fffffffu, 0xfffffffcu, 0xffffffffu}) {
        auto lying = bytes;
        for (int i = 0; i < 4; ++i)
            lying[28 + static_cast<std::size_t>(i)] =
                static_cast<std::uint8_t>(size >> (24 - 8 * i));
        EXPECT_FALSE(parse(lying)) << size;
    }
}

TEST(OscPacket, RandomBytesAreAlmostNeverAMessageAndNeverCrash) {
    std::mt19937 random(20261203);
    int taken = 0;
    std::vector<std::uint8_t> bytes;
    for (int i = 0; i < 200000; ++i) {
        bytes.resize(random() % 64);
        for (auto& b : bytes) b = static_cast<std::uint8_t>(random());
        // Half of them start like a real control, to reach deeper.
        if (i % 2 == 0 && bytes.size() >= 20)
            std::memcpy(bytes.data(), "/stillpoint/hold\0\0\0\0", 20);
        if (const auto message = parse(bytes)) {
            ++taken;
            EXPECT_EQ(message->address.front(), '/');
        }
    }
    EXPECT_LT(taken, 10);
}

}  // namespace
}  // namespace stillpoint::app
