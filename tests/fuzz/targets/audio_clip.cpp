// Audio clips (WAV, FLAC) from a voice pack or a recording: any bytes come
// back as a clip of finite samples within full scale, or as an error naming
// the file; a clip that is read goes on through the voice pack's path (mono,
// resampled to the engine rate) and stays finite there too.
#include <cmath>
#include <cstdlib>

#include "io/audio_file_reader.hpp"
#include "narration/clip_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto read = stillpoint::readAudioClip({data, size}, "fuzz.wav");
    if (!read.clip) {
        if (read.error.rfind("fuzz.wav: ", 0) != 0) std::abort();  // every error names the file
        return 0;
    }
    if (read.clip->frames() <= 0) std::abort();
    for (const float sample : read.clip->interleaved)
        if (!std::isfinite(sample) || std::fabs(sample) > 1.0f) std::abort();
    std::string error;
    const auto mono = stillpoint::narration::monoAtRate(*read.clip, 48000.0, error);
    if (!mono) std::abort();  // the reader's bounds leave libsoxr nothing to refuse
    for (const float sample : *mono)
        if (!std::isfinite(sample)) std::abort();
    return 0;
}
