// Reading the Bluetooth Heart Rate Measurement characteristic (UUID 0x2A37):
// the bytes a heart-rate strap sends in each notification, as they arrive.
//
// Layout (Bluetooth SIG, Heart Rate Service 1.0, section 3.1):
//   byte 0     flags: bit 0 heart rate is 16-bit (else 8-bit); bits 1-2 sensor
//              contact (bit 2: supported, bit 1: detected); bit 3 energy
//              expended present; bit 4 RR intervals present; bits 5-7 reserved
//   then       heart rate, uint8 or uint16 little-endian, beats per minute
//   then       energy expended, uint16 kJ (only with bit 3)
//   then       RR intervals, uint16 each in 1/1024 s (only with bit 4, at least one)
//
// Real-time contract: parseHeartRateMeasurement never allocates, locks or
// throws; a partner may call it on the Bluetooth callback's thread.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace stillpoint::heart {

/// What the strap says about skin contact.
enum class SensorContact : unsigned char {
    NotSupported,  ///< the strap cannot tell (bit 2 clear)
    NotDetected,   ///< supported, no contact: the values may be noise
    Detected,      ///< supported, in contact
};

/// RR intervals one packet may carry (a 512-byte ATT payload holds fewer than 256;
/// real straps send at most 9 in a 20-byte notification).
inline constexpr std::size_t kMaxPacketRrIntervals = 32;

struct HeartRateMeasurement {
    int heartRateBpm = 0;
    bool heartRate16Bit = false;
    SensorContact contact = SensorContact::NotSupported;
    bool hasEnergyExpended = false;
    int energyExpendedKj = 0;
    std::size_t rrCount = 0;
    std::array<std::uint16_t, kMaxPacketRrIntervals> rr1024{};  ///< in 1/1024 s

    /// RR interval `i` in milliseconds.
    double rrMs(std::size_t i) const noexcept { return rr1024[i] * (1000.0 / 1024.0); }
};

struct HeartRateParse {
    bool ok = false;
    HeartRateMeasurement measurement;
    /// Why the packet was refused ("" when ok): names the byte and what the flags announced.
    char error[192] = {};
};

/// Read one notification's bytes. Refuses (ok false, error set) a packet shorter
/// than its flags announce, an RR field of odd length or with no interval,
/// more than kMaxPacketRrIntervals intervals, and bytes after the last field.
HeartRateParse parseHeartRateMeasurement(const std::uint8_t* bytes, std::size_t size) noexcept;

}  // namespace stillpoint::heart
