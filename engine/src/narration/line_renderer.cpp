#include "narration/line_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "narration/compact_clip.hpp"
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
// The rate of a line with no words (markup alone): it holds no samples.
constexpr double kSilentLineRate = 16000.0;

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
        << request.voice.rate << "\npitch " << request.voice.pitchSemitones << "\nloudness "
        << request.speechLufs << "\ntext " << request.text;
    return key.str();
}

ClipCache::Lookup LineRenderer::lookUp(const std::string& key, SpeechClip& clip) {
    const ClipCache::Lookup lookup = cache_->load(key, clip);
    if (lookup == ClipCache::Lookup::Hit) ++cacheHits_;
    if (lookup == ClipCache::Lookup::Damaged) ++damaged_;
    return lookup;
}

std::optional<SpeechClip> LineRenderer::render(const LineRequest& request, std::string& error) {
    if (cache_ == nullptr) {
        auto clip = synthesize(request, error);
        if (clip) ++rendered_;
        return clip;
    }
    const std::string key = cacheKey(request);
    SpeechClip clip;
    if (lookUp(key, clip) == ClipCache::Lookup::Hit) return clip;
    // Another thread or process may be making this very line: wait for it,
    // then read what it stored, so a catalogue synthesises each line once.
    const ClipCache::LineLock lock = cache_->lockLine(key);
    if (lock.held() && lookUp(key, clip) == ClipCache::Lookup::Hit) return clip;
    auto made = synthesize(request, error);
    if (!made) return std::nullopt;
    ++rendered_;
    cache_->store(key, *made);
    return made;
}

std::optional<SpeechClip> LineRenderer::synthesize(const LineRequest& request, std::string& error) {
    std::vector<float> line;
    std::vector<LineRest> rests;
    double rate = 0.0;  // the synthesiser's, from the first sentence it speaks
    const auto segments = detail::splitSpeech(request.text);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& segment = segments[i];
        if (!segment.words.empty()) {
            SynthesizedAudio audio = synthesizer_.say(segment.words, request.voice, error);
            if (!error.empty()) return std::nullopt;
            if (rate == 0.0) rate = audio.sampleRate;
            trimSilence(audio.samples);
            // One voice speaks a line at one rate; this only guards the clip's single rate.
            auto samples = resampleMono(audio.samples, audio.sampleRate, rate, error);
            if (!error.empty()) return std::nullopt;
            fadeEdges(samples, rate);
            line.insert(line.end(), samples.begin(), samples.end());
        }
        // The rest after the last sentence belongs to the step, not the clip.
        const auto restFrames = std::llround(segment.restSeconds * rate);
        if (i + 1 < segments.size() && !line.empty() && restFrames > 0) {
            const auto at = static_cast<std::int64_t>(line.size());
            if (!rests.empty() && rests.back().atSample == at)
                rests.back().frames += restFrames;  // a sentence that synthesised to nothing
            else
                rests.push_back({at, restFrames});
        }
    }
    if (rate == 0.0) rate = kSilentLineRate;
    levelSpeech(line, rate, request.speechLufs);
    return compactClip(line, rate, std::move(rests));
}

}  // namespace stillpoint::narration
