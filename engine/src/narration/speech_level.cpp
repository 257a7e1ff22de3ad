#include "narration/speech_level.hpp"

#include <cmath>

#include "graph/loudness_meter.hpp"
#include "narration/speech_peaks.hpp"

namespace stillpoint::narration {
namespace {

// Peaks may rise this far over the line's loudness (a mono line; in stereo
// its loudness is 3 dB higher): leaves a calibrated session's voice well
// under the true-peak ceiling.
constexpr double kPeakOverLoudnessDb = 12.0;

void normalize(std::vector<float>& samples, double rate, double targetLufs) {
    IntegratedLoudnessMeter meter(rate, 1);
    meter.add(samples.data(), nullptr, static_cast<int>(samples.size()));
    const double lufs = meter.integratedLufs();
    if (!std::isfinite(lufs)) return;
    const auto gain = static_cast<float>(std::pow(10.0, (targetLufs - lufs) / 20.0));
    for (float& s : samples) s *= gain;
}

}  // namespace

void levelSpeech(std::vector<float>& clip, double sampleRate, double targetLufs) {
    // Loudness, then peaks; limiting lowers the loudness a little, so twice.
    const auto ceiling =
        static_cast<float>(std::pow(10.0, (targetLufs + kPeakOverLoudnessDb) / 20.0));
    for (int pass = 0; pass < 2; ++pass) {
        normalize(clip, sampleRate, targetLufs);
        limitPeaks(clip, ceiling, sampleRate);
    }
}

}  // namespace stillpoint::narration
