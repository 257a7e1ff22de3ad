#include "stillpoint/heart_rate_measurement.hpp"

#include <cstdio>

namespace stillpoint::heart {
namespace {

constexpr std::uint8_t kHeartRate16Bit = 1u << 0;
constexpr std::uint8_t kContactDetected = 1u << 1;
constexpr std::uint8_t kContactSupported = 1u << 2;
constexpr std::uint8_t kEnergyPresent = 1u << 3;
constexpr std::uint8_t kRrPresent = 1u << 4;

std::uint16_t readUint16(const std::uint8_t* at) noexcept {
    return static_cast<std::uint16_t>(at[0] | (at[1] << 8));
}

template <typename... Values>
HeartRateParse refuse(HeartRateParse result, const char* format, Values... values) noexcept {
    result.ok = false;
    std::snprintf(result.error, sizeof result.error, format, values...);
    return result;
}

}  // namespace

HeartRateParse parseHeartRateMeasurement(const std::uint8_t* bytes, std::size_t size) noexcept {
    HeartRateParse result;
    if (bytes == nullptr || size == 0)
        return refuse(result,
                      "heart rate measurement (0x2A37): empty packet; pass the "
                      "notification's bytes, flags byte first%s",
                      "");
    const std::uint8_t flags = bytes[0];
    HeartRateMeasurement& m = result.measurement;
    m.heartRate16Bit = (flags & kHeartRate16Bit) != 0;
    m.contact = (flags & kContactSupported) == 0  ? SensorContact::NotSupported
                : (flags & kContactDetected) != 0 ? SensorContact::Detected
                                                  : SensorContact::NotDetected;
    m.hasEnergyExpended = (flags & kEnergyPresent) != 0;
    const bool hasRr = (flags & kRrPresent) != 0;

    const std::size_t rateBytes = m.heartRate16Bit ? 2 : 1;
    const std::size_t fixedBytes = 1 + rateBytes + (m.hasEnergyExpended ? 2 : 0);
    if (size < fixedBytes)
        return refuse(result,
                      "heart rate measurement (0x2A37): %zu bytes, but its flags announce "
                      "%zu before any RR interval (heart rate, energy expended); "
                      "pass the whole notification",
                      size, fixedBytes);
    std::size_t at = 1;
    m.heartRateBpm = m.heartRate16Bit ? readUint16(bytes + at) : bytes[at];
    at += rateBytes;
    if (m.hasEnergyExpended) {
        m.energyExpendedKj = readUint16(bytes + at);
        at += 2;
    }
    const std::size_t rest = size - at;
    if (!hasRr) {
        if (rest != 0)
            return refuse(result,
                          "heart rate measurement (0x2A37): %zu bytes after byte %zu, where "
                          "the flags announce no more fields; set the RR flag (bit 4) if "
                          "they are RR intervals",
                          rest, at - 1);
        result.ok = true;
        return result;
    }
    if (rest == 0)
        return refuse(result,
                      "heart rate measurement (0x2A37): the RR flag (bit 4) is set but no "
                      "interval follows byte %zu; an RR interval is 2 bytes",
                      at - 1);
    if (rest % 2 != 0)
        return refuse(result,
                      "heart rate measurement (0x2A37): the RR field from byte %zu has %zu "
                      "bytes, an odd count; each RR interval is 2 bytes",
                      at, rest);
    if (rest / 2 > kMaxPacketRrIntervals)
        return refuse(result,
                      "heart rate measurement (0x2A37): %zu RR intervals, more than the "
                      "%zu one packet may carry; split them over packets",
                      rest / 2, kMaxPacketRrIntervals);
    m.rrCount = rest / 2;
    for (std::size_t i = 0; i < m.rrCount; ++i) m.rr1024[i] = readUint16(bytes + at + 2 * i);
    result.ok = true;
    return result;
}

}  // namespace stillpoint::heart
