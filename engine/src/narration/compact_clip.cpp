#include "narration/compact_clip.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint::narration {

SpeechClip compactClip(const std::vector<float>& samples, double sampleRate,
                       std::vector<LineRest> rests) {
    SpeechClip clip;
    clip.sampleRate = sampleRate;
    clip.rests = std::move(rests);
    float peak = 0.0f;
    for (const float s : samples) peak = std::max(peak, std::abs(s));
    // The peak maps to full scale: quantisation noise sits ~96 dB under the
    // line's peak whatever its level.
    clip.gain = peak > 0.0f ? peak / 32767.0f : 1.0f;
    const float toSteps = 1.0f / clip.gain;
    clip.samples.resize(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i)
        clip.samples[i] = static_cast<std::int16_t>(
            std::clamp(std::lround(samples[i] * toSteps), -32767L, 32767L));
    return clip;
}

}  // namespace stillpoint::narration
