#include "damaged_audio.hpp"

#include <sndfile.h>
#include <unistd.h>

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

void setFloatSample(std::vector<std::uint8_t>& wav, std::size_t frame, float value) {
    // Float WAVs carry a fact chunk before "data": walk the chunks to find it.
    for (std::size_t at = 12; at + 8 <= wav.size();) {
        std::uint32_t size = 0;
        std::memcpy(&size, &wav[at + 4], 4);
        if (std::memcmp(&wav[at], "data", 4) == 0) {
            const std::size_t offset = at + 8 + frame * 4;
            if (offset + 4 > wav.size()) throw std::runtime_error("frame past the test clip's end");
            std::memcpy(&wav[offset], &value, 4);
            return;
        }
        at += 8 + size + (size & 1u);
    }
    throw std::runtime_error("no data chunk in the test clip");
}

}  // namespace stillpoint::test
