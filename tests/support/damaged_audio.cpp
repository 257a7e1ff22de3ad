#include "damaged_audio.hpp"

#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace stillpoint::test {
namespace {

int formatOf(ClipContainer container) {
    switch (container) {
        case ClipContainer::Wav16:
            return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
        case ClipContainer::Wav24:
            return SF_FORMAT_WAV | SF_FORMAT_PCM_24;
        case ClipContainer::WavFloat:
            return SF_FORMAT_WAV | SF_FORMAT_FLOAT;
        case ClipContainer::Flac16:
            return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    }
    return 0;
}

}  // namespace

std::vector<std::uint8_t> encodeToneClip(ClipContainer container, int sampleRate, int channels,
                                         double seconds) {
    static int counter = 0;
    const auto path =
        std::filesystem::temp_directory_path() /
        ("stillpoint-clip-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = channels;
    info.format = formatOf(container);
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!file)
        throw std::runtime_error("cannot write a test clip: " + std::string(sf_strerror(nullptr)));
    const auto frames = static_cast<std::size_t>(seconds * sampleRate);
    std::vector<float> samples(frames * static_cast<std::size_t>(channels));
    for (std::size_t i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c)
            samples[i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] =
                0.5f * static_cast<float>(
                           std::sin(2.0 * M_PI * 440.0 * static_cast<double>(i) / sampleRate));
    sf_writef_float(file, samples.data(), static_cast<sf_count_t>(frames));
    sf_close(file);
    std::ifstream in(path, std::ios::binary);
    std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
    std::filesystem::remove(path);
    return bytes;
}

std::vector<std::uint8_t> truncatedTo(std::vector<std::uint8_t> bytes, std::size_t keep) {
    if (keep < bytes.size()) bytes.resize(keep);
    return bytes;
}

std::vector<std::uint8_t> withBitFlipped(std::vector<std::uint8_t> bytes, std::size_t bit) {
    bytes.at(bit / 8) ^= static_cast<std::uint8_t>(1u << (bit % 8));
    return bytes;
}

namespace {

/// The offset of the first byte after the header of WAV chunk `id`.
std::size_t wavChunk(const std::vector<std::uint8_t>& wav, const char* id) {
    // Float WAVs carry a fact chunk before "data": walk the chunks to find it.
    for (std::size_t at = 12; at + 8 <= wav.size();) {
        std::uint32_t size = 0;
        std::memcpy(&size, &wav[at + 4], 4);
        if (std::memcmp(&wav[at], id, 4) == 0) return at + 8;
        at += 8 + size + (size & 1u);
    }
    throw std::runtime_error(std::string("no ") + id + " chunk in the test clip");
}

template <typename T>
void put(std::vector<std::uint8_t>& bytes, std::size_t at, T value) {
    if (at + sizeof value > bytes.size()) throw std::runtime_error("past the test clip's end");
    std::memcpy(&bytes[at], &value, sizeof value);
}

}  // namespace

void setFloatSample(std::vector<std::uint8_t>& wav, std::size_t frame, float value) {
    put(wav, wavChunk(wav, "data") + frame * 4, value);
}

void setWavFormat(std::vector<std::uint8_t>& wav, std::uint32_t sampleRate,
                  std::uint16_t channels) {
    const std::size_t fmt = wavChunk(wav, "fmt ");
    std::uint16_t bits = 0;
    std::memcpy(&bits, &wav.at(fmt + 14), 2);
    const auto blockAlign = static_cast<std::uint16_t>(channels * (bits / 8));
    put(wav, fmt + 2, channels);
    put(wav, fmt + 4, sampleRate);
    put(wav, fmt + 8, static_cast<std::uint32_t>(sampleRate * blockAlign));
    put(wav, fmt + 12, blockAlign);
}

void forgetFlacLength(std::vector<std::uint8_t>& flac) {
    // "fLaC", a metadata block header, then STREAMINFO: 10 bytes of block and
    // frame sizes, 20 bits of rate, 3 of channels, 5 of bit depth, 36 of
    // total samples, 16 bytes of MD5.
    if (flac.size() < 42 || std::memcmp(flac.data(), "fLaC", 4) != 0)
        throw std::runtime_error("not a FLAC test clip");
    flac[21] &= 0xF0;
    std::fill(flac.begin() + 22, flac.begin() + 42, std::uint8_t{0});
}

void forgetWavLength(std::vector<std::uint8_t>& wav) {
    put(wav, 4, std::uint32_t{0xFFFFFFFF});
    put(wav, wavChunk(wav, "data") - 4, std::uint32_t{0xFFFFFFFF});
}

}  // namespace stillpoint::test
