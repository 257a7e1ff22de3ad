#include "narration/clip_file.hpp"

#include <algorithm>

#include "narration/resample.hpp"

namespace stillpoint::narration {

std::optional<std::vector<float>> monoAtRate(const AudioClip& clip, double sampleRate,
                                             std::string& error) {
    const auto channels = static_cast<std::size_t>(clip.channels);
    std::vector<float> mono(static_cast<std::size_t>(clip.frames()));
    for (std::size_t i = 0; i < mono.size(); ++i) {
        float sum = 0.0f;
        for (std::size_t c = 0; c < channels; ++c) sum += clip.interleaved[i * channels + c];
        mono[i] = sum / static_cast<float>(channels);
    }
    auto resampled = resampleMono(mono, clip.sampleRate, sampleRate, error);
    if (!error.empty()) return std::nullopt;
    return resampled;
}

std::optional<RecordedAudio> readClipFile(const std::string& path, double maxRate,
                                          std::string& error) {
    const AudioClipRead read = readAudioClipFile(path);
    if (!read.clip) {
        error = read.error;
        return std::nullopt;
    }
    const double rate = std::min<double>(read.clip->sampleRate, maxRate);
    auto samples = monoAtRate(*read.clip, rate, error);
    if (!samples) {
        error = path + ": " + error;
        return std::nullopt;
    }
    return RecordedAudio{std::move(*samples), rate};
}

}  // namespace stillpoint::narration
