#include "narration/clip_file.hpp"

#include <sndfile.h>

#include <algorithm>
#include <array>
#include <memory>

#include "narration/resample.hpp"

namespace stillpoint::narration {
namespace {

struct SndfileCloser {
    void operator()(SNDFILE* file) const { sf_close(file); }
};
using SndfileHandle = std::unique_ptr<SNDFILE, SndfileCloser>;

/// libsndfile shortens a WAV whose chunks claim more than the file holds and
/// only says so in its log ("data : 96000 (should be 40000)").
bool headerClaimsMore(SNDFILE* file) {
    std::array<char, 4096> log{};
    sf_command(file, SFC_GET_LOG_INFO, log.data(), static_cast<int>(log.size()));
    return std::string(log.data()).find("(should be") != std::string::npos;
}

}  // namespace

std::optional<RecordedAudio> readClipFile(const std::string& path, double maxRate,
                                          std::string& error) {
    SF_INFO info{};
    const SndfileHandle file(sf_open(path.c_str(), SFM_READ, &info));
    if (!file) {
        error = std::string("cannot read the clip: ") + sf_strerror(nullptr);
        return std::nullopt;
    }
    if (info.frames <= 0 || info.channels <= 0) {
        error = "the clip holds no audio";
        return std::nullopt;
    }
    if (headerClaimsMore(file.get())) {
        error = "the clip is truncated: its header promises more audio than the file holds";
        return std::nullopt;
    }
    const auto channels = static_cast<std::size_t>(info.channels);
    std::vector<float> interleaved(static_cast<std::size_t>(info.frames) * channels);
    const sf_count_t read = sf_readf_float(file.get(), interleaved.data(), info.frames);
    if (read != info.frames) {
        error = "the clip is truncated or damaged: " + std::to_string(read) + " of " +
                std::to_string(info.frames) + " frames decoded (" + sf_strerror(file.get()) + ")";
        return std::nullopt;
    }
    std::vector<float> mono(static_cast<std::size_t>(info.frames));
    for (std::size_t i = 0; i < mono.size(); ++i) {
        float sum = 0.0f;
        for (std::size_t c = 0; c < channels; ++c) sum += interleaved[i * channels + c];
        mono[i] = sum / static_cast<float>(channels);
    }
    const double rate = std::min<double>(info.samplerate, maxRate);
    auto resampled = resampleMono(mono, info.samplerate, rate, error);
    if (!error.empty()) return std::nullopt;
    return RecordedAudio{std::move(resampled), rate};
}

}  // namespace stillpoint::narration
