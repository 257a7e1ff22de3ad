#include "narration/line_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "narration/resample.hpp"
#include "narration/speech_level.hpp"
#include "narration/voice_catalog.hpp"
#include "session/speech_markup.hpp"

namespace stillpoint::narration {
namespace {

// What counts as the synthesiser's silence around a sentence: 50 dB under
// the sentence's peak.
constexpr float kTrimBelowPeak = 0.00316f;
// No click where a trim cut, and a soft start to each sentence.
constexpr double kEdgeFadeSeconds = 0.01;

void trimSilence(std::vector<float>& samples) {
    float peak = 0.0f;
    for (const float s : samples) peak = std::max(peak, std::abs(s));
    const float threshold = peak * kTrimBelowPeak;
    auto loud = [&](float s) { return std::abs(s) > threshold; };
    const auto first = std::find_if(samples.begin(), samples.end(), loud);
    const auto last = std::find_if(samples.rbegin(), samples.rend(), loud).base();
    if (first >= last) {
        samples.clear();
        return;
    }
    samples = std::vector<float>(first, last);
}

void fadeEdges(std::vector<float>& samples, double rate) {
    const auto frames = std::min<std::size_t>(static_cast<std::size_t>(kEdgeFadeSeconds * rate),
                                              samples.size() / 2);
    for (std::size_t i = 0; i < frames; ++i) {
        const float g = static_cast<float>(i) / static_cast<float>(frames);
        samples[i] *= g;
        samples[samples.size() - 1 - i] *= g;
    }
}

}  // namespace

std::string LineRenderer::cacheKey(const LineRequest& request) {
    std::ostringstream key;
    key.precision(17);
    key << "stillpoint clip v" << kClipCacheFormatVersion << "\nengine "
        << engineName(request.voice.engine) << "\nvoice " << request.voice.voice << "\nrate "
        << request.voice.rate << "\npitch " << request.voice.pitchSemitones << "\nsample rate "
        << request.sampleRate << "\nloudness " << request.speechLufs << "\ntext " << request.text;
    return key.str();
}

std::optional<LineClip> LineRenderer::render(const LineRequest& request, std::string& error) {
    const std::string key = cacheKey(request);
    if (cache_ != nullptr) {
        LineClip cached;
        switch (cache_->load(key, cached.samples, &cached.rests)) {
            case ClipCache::Lookup::Hit:
                ++cacheHits_;
                return cached;
            case ClipCache::Lookup::Damaged:
                ++damaged_;
                break;
            case ClipCache::Lookup::Miss:
                break;
        }
    }
    auto clip = synthesize(request, error);
    if (!clip) return std::nullopt;
    ++rendered_;
    if (cache_ != nullptr) cache_->store(key, clip->samples, clip->rests);
    return clip;
}

std::optional<LineClip> LineRenderer::synthesize(const LineRequest& request, std::string& error) {
    LineClip clip;
    const auto segments = detail::splitSpeech(request.text);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& segment = segments[i];
        if (!segment.words.empty()) {
            SynthesizedAudio audio = synthesizer_.say(segment.words, request.voice, error);
            if (!error.empty()) return std::nullopt;
            trimSilence(audio.samples);
            auto samples = resampleMono(audio.samples, audio.sampleRate, request.sampleRate, error);
            if (!error.empty()) return std::nullopt;
            fadeEdges(samples, request.sampleRate);
            clip.samples.insert(clip.samples.end(), samples.begin(), samples.end());
        }
        // The rest after the last sentence belongs to the step, not the clip.
        const auto restFrames = std::llround(segment.restSeconds * request.sampleRate);
        if (i + 1 < segments.size() && !clip.samples.empty() && restFrames > 0) {
            const auto at = static_cast<std::int64_t>(clip.samples.size());
            if (!clip.rests.empty() && clip.rests.back().atSample == at)
                clip.rests.back().frames += restFrames;  // a sentence that synthesised to nothing
            else
                clip.rests.push_back({at, restFrames});
        }
    }
    levelSpeech(clip.samples, request.sampleRate, request.speechLufs);
    return clip;
}

}  // namespace stillpoint::narration
