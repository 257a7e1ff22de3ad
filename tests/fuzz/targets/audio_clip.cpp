// Audio clips (WAV, FLAC) from a voice pack or a recording: any bytes come
// back as a clip of finite samples within full scale, or as an error.
#include <cmath>
#include <cstdlib>

#include "io/audio_file_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto read = stillpoint::readAudioClip({data, size}, "fuzz.wav");
    if (!read.clip) {
        if (read.error.rfind("fuzz.wav: ", 0) != 0) std::abort();  // every error names the file
        return 0;
    }
    if (read.clip->frames() <= 0) std::abort();
    for (const float sample : read.clip->interleaved)
        if (!std::isfinite(sample) || std::fabs(sample) > 1.0f) std::abort();
    return 0;
}
