// Audio files as bytes, whole and damaged, for tests of every reader of
// clips (voice packs, recordings): encode a tone, then cut it short or flip
// its bits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace stillpoint::test {

enum class ClipContainer { Wav16, Wav24, WavFloat, Flac16 };

/// `seconds` of a 440 Hz tone at half scale, encoded with libsndfile.
std::vector<std::uint8_t> encodeToneClip(ClipContainer container, int sampleRate, int channels,
                                         double seconds);
/// The first `keep` bytes.
std::vector<std::uint8_t> truncatedTo(std::vector<std::uint8_t> bytes, std::size_t keep);
/// The same bytes with bit `bit` (0 = lowest bit of byte 0) inverted.
std::vector<std::uint8_t> withBitFlipped(std::vector<std::uint8_t> bytes, std::size_t bit);
/// Overwrites the 32-bit little-endian float sample at frame `frame` of a
/// mono WavFloat clip with `value`.
void setFloatSample(std::vector<std::uint8_t>& wav, std::size_t frame, float value);
/// Rewrites a WAV's format chunk to claim `sampleRate` and `channels` (byte
/// rate and block align follow), leaving the samples as they are.
void setWavFormat(std::vector<std::uint8_t>& wav, std::uint32_t sampleRate, std::uint16_t channels);
/// Leaves a FLAC's length open as a program writing to a pipe does: total
/// samples 0 in STREAMINFO (and no MD5, which it cannot know either).
void forgetFlacLength(std::vector<std::uint8_t>& flac);
/// Leaves a WAV's length open as a program writing to a pipe does: the RIFF
/// and data sizes 0xFFFFFFFF.
void forgetWavLength(std::vector<std::uint8_t>& wav);

}  // namespace stillpoint::test
