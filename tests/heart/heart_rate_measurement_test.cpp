// The 0x2A37 parser: every combination of the flags that shape a packet
// (8/16-bit rate, energy expended, RR intervals, each sensor contact state),
// packets built here byte by byte; and malformed packets refused with a
// message that names what the flags announced.
#include "stillpoint/heart_rate_measurement.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace stillpoint::heart {
namespace {

struct Shape {
    bool rate16 = false;
    int contactBits = 0;  // bits 1-2 as a number 0..3
    bool energy = false;
    int rrCount = 0;
};

std::vector<std::uint8_t> packet(const Shape& shape, int rate, int energy, int firstRr) {
    std::vector<std::uint8_t> bytes;
    bytes.push_back(static_cast<std::uint8_t>((shape.rate16 ? 1 : 0) | (shape.contactBits << 1) |
                                              (shape.energy ? 8 : 0) |
                                              (shape.rrCount > 0 ? 16 : 0)));
    bytes.push_back(static_cast<std::uint8_t>(rate & 0xff));
    if (shape.rate16) bytes.push_back(static_cast<std::uint8_t>(rate >> 8));
    if (shape.energy) {
        bytes.push_back(static_cast<std::uint8_t>(energy & 0xff));
        bytes.push_back(static_cast<std::uint8_t>(energy >> 8));
    }
    for (int i = 0; i < shape.rrCount; ++i) {
        const int rr = firstRr + 13 * i;
        bytes.push_back(static_cast<std::uint8_t>(rr & 0xff));
        bytes.push_back(static_cast<std::uint8_t>(rr >> 8));
    }
    return bytes;
}

TEST(HeartRateMeasurement, ReadsEveryFlagCombination) {
    int combinations = 0;
    for (bool rate16 : {false, true})
        for (int contact = 0; contact < 4; ++contact)
            for (bool energy : {false, true})
                for (int rrCount : {0, 1, 3, 9}) {
                    const Shape shape{rate16, contact, energy, rrCount};
                    const int rate = rate16 ? 300 + contact : 72 + contact;  // 300 needs 16 bits
                    const auto bytes = packet(shape, rate, 1234 + rrCount, 820);
                    const HeartRateParse parse =
                        parseHeartRateMeasurement(bytes.data(), bytes.size());
                    SCOPED_TRACE(testing::Message() << "rate16 " << rate16 << " contact " << contact
                                                    << " energy " << energy << " rr " << rrCount);
                    ASSERT_TRUE(parse.ok) << parse.error;
                    const HeartRateMeasurement& m = parse.measurement;
                    EXPECT_EQ(m.heartRateBpm, rate);
                    EXPECT_EQ(m.heartRate16Bit, rate16);
                    const SensorContact expected = contact < 2    ? SensorContact::NotSupported
                                                   : contact == 2 ? SensorContact::NotDetected
                                                                  : SensorContact::Detected;
                    EXPECT_EQ(m.contact, expected);
                    EXPECT_EQ(m.hasEnergyExpended, energy);
                    EXPECT_EQ(m.energyExpendedKj, energy ? 1234 + rrCount : 0);
                    ASSERT_EQ(m.rrCount, static_cast<std::size_t>(rrCount));
                    for (int i = 0; i < rrCount; ++i) {
                        EXPECT_EQ(m.rr1024[static_cast<std::size_t>(i)], 820 + 13 * i);
                        EXPECT_DOUBLE_EQ(m.rrMs(static_cast<std::size_t>(i)),
                                         (820 + 13 * i) * 1000.0 / 1024.0);
                    }
                    ++combinations;
                }
    EXPECT_EQ(combinations, 64);
}

TEST(HeartRateMeasurement, IgnoresReservedFlagBits) {
    const std::uint8_t bytes[] = {0xE0 | 0x10, 60, 0x00, 0x04};  // bits 5-7 set, RR 1024 = 1 s
    const HeartRateParse parse = parseHeartRateMeasurement(bytes, sizeof bytes);
    ASSERT_TRUE(parse.ok) << parse.error;
    EXPECT_EQ(parse.measurement.heartRateBpm, 60);
    EXPECT_DOUBLE_EQ(parse.measurement.rrMs(0), 1000.0);
}

std::string refusal(std::vector<std::uint8_t> bytes) {
    const HeartRateParse parse = parseHeartRateMeasurement(bytes.data(), bytes.size());
    EXPECT_FALSE(parse.ok);
    return parse.error;
}

TEST(HeartRateMeasurement, RefusesMalformedPacketsSayingWhy) {
    EXPECT_EQ(parseHeartRateMeasurement(nullptr, 0).error,
              std::string("heart rate measurement (0x2A37): empty packet; pass the notification's "
                          "bytes, flags byte first"));
    EXPECT_EQ(refusal({0x00}),
              "heart rate measurement (0x2A37): 1 bytes, but its flags announce 2 before any RR "
              "interval (heart rate, energy expended); pass the whole notification");
    EXPECT_EQ(refusal({0x09, 70, 0x01}),  // 16-bit rate and energy: 5 bytes needed
              "heart rate measurement (0x2A37): 3 bytes, but its flags announce 5 before any RR "
              "interval (heart rate, energy expended); pass the whole notification");
    EXPECT_EQ(refusal({0x10, 70}),
              "heart rate measurement (0x2A37): the RR flag (bit 4) is set but no interval follows "
              "byte 1; an RR interval is 2 bytes");
    EXPECT_EQ(
        refusal({0x10, 70, 0x00, 0x04, 0x20}),
        "heart rate measurement (0x2A37): the RR field from byte 2 has 3 bytes, an odd count; "
        "each RR interval is 2 bytes");
    EXPECT_EQ(refusal({0x00, 70, 0x00, 0x04}),
              "heart rate measurement (0x2A37): 2 bytes after byte 1, where the flags announce no "
              "more fields; set the RR flag (bit 4) if they are RR intervals");
    std::vector<std::uint8_t> tooMany{0x10, 70};
    tooMany.resize(2 + 2 * (kMaxPacketRrIntervals + 1), 0x03);
    EXPECT_EQ(refusal(tooMany),
              "heart rate measurement (0x2A37): 33 RR intervals, more than the 32 one packet may "
              "carry; split them over packets");
}

}  // namespace
}  // namespace stillpoint::heart
