#include "graph/mix_graph.hpp"

#include <algorithm>
#include <cmath>

#include "stillpoint/layer_vocabulary.hpp"

namespace stillpoint {
namespace {

// Layer gain changes (live volume moves) glide over this long.
constexpr double kLayerGainGlideSeconds = 0.25;

float dbToGain(double db) {
    return static_cast<float>(std::pow(10.0, db / 20.0));
}

dsp::BellVoicing voicingFor(BellKind kind) {
    return kind == BellKind::Chime ? dsp::BellVoicing::Chime : dsp::BellVoicing::Bowl;
}

}  // namespace

void MixGraph::prepare(const SoundSettings& sound, double sampleRate, int maxBlockFrames) {
    sound_ = sound;
    rate_ = sampleRate;
    tone_.prepare(sampleRate);
    bed_.prepare(sampleRate);
    bells_.prepare(sampleRate);
    binaural_.prepare(sampleRate);
    isochronic_.prepare(sampleRate);
    voice_.prepare(sampleRate);
    const DuckSettings duck;
    duck_.prepare(sampleRate, duck.depthDb, duck.attackSeconds, duck.releaseSeconds);
    for (auto& g : gains_) g.prepare(sampleRate, kLayerGainGlideSeconds);
    const auto frames = static_cast<std::size_t>(std::max(maxBlockFrames, 1));
    layerLeft_.assign(frames, 0.0f);
    layerRight_.assign(frames, 0.0f);
    gainRamp_.assign(frames, 0.0f);
    haptics_.prepare(sampleRate, maxBlockFrames);
    duckGain_.assign(frames, 1.0f);
    reset();
}

void MixGraph::reset() noexcept {
    tone_.reset();
    bed_.reset(sound_.bed);  // under the master fade-in: no second onset of its own
    bells_.reset();
    binaural_.reset();
    isochronic_.reset();
    voice_.reset();
    duck_.reset();
    tone_.setTimbre(sound_.tone);
    if (sound_.binaural) binaural_.configure(sound_.binaural->carrierHz, sound_.binaural->beatHz);
    if (sound_.isochronic)
        isochronic_.configure(sound_.isochronic->carrierHz, sound_.isochronic->rateHz);
    for (int i = 0; i < kLayerCount; ++i)
        gains_[static_cast<std::size_t>(i)].snapTo(
            dbToGain(sound_.volumes.*layerWord(static_cast<LayerId>(i)).volume));
    master_.snapTo(0.0f);
    voiceFade_.snapTo(0.0f);
    haptics_.reset();
}

void MixGraph::setTimbre(ToneTimbre timbre) noexcept {
    tone_.setTimbre(timbre);
}
void MixGraph::setToneActive(bool active) noexcept {
    tone_.setActive(active);
}
void MixGraph::onPhaseChange(BreathPhase phase) noexcept {
    tone_.onPhaseChange(phase);
    haptics_.onPhaseChange();
}
void MixGraph::strikeBell(BellKind kind) noexcept {
    bells_.strike(voicingFor(kind), 1.0f);
    haptics_.onBell();
}

void MixGraph::startLine(const SpokenLine& line) noexcept {
    // The voice was silent until now, so skipping the rest of a rise is no click.
    if (voiceFade_.target() > voiceFade_.level()) voiceFade_.snapTo(voiceFade_.target());
    voice_.start(line);
    duck_.setSpeaking(true);
}

void MixGraph::endLine() noexcept {
    voice_.stop();
    duck_.setSpeaking(false);
}

void MixGraph::setLayerGainDb(LayerId layer, double db) noexcept {
    if (layer == LayerId::Count) return;
    gains_[static_cast<std::size_t>(layer)].setTarget(
        dbToGain(std::clamp(db, kLayerVolumeRange.lowestDb, kLayerVolumeRange.highestDb)));
}

void MixGraph::fadeMaster(float target, std::int64_t frames) noexcept {
    master_.rampTo(target, frames);
    haptics_.fade(target, frames);
    if (target > voiceFade_.level() && voice_.isSilent())
        voiceFade_.snapTo(target);
    else
        voiceFade_.rampTo(target, frames);
}

void MixGraph::render(const float* fullness, float* left, float* right, int n) noexcept {
    std::fill(left, left + n, 0.0f);
    std::fill(right, right + n, 0.0f);
    float* sl = layerLeft_.data();
    float* sr = layerRight_.data();
    auto clearScratch = [&] {
        std::fill(sl, sl + n, 0.0f);
        std::fill(sr, sr + n, 0.0f);
    };
    const float* duck = nullptr;
    if (!duck_.idle()) {
        duck_.fill(duckGain_.data(), n);
        duck = duckGain_.data();
    }
    if (part_ == MixPart::VoiceOnly) {
        mixVoice(left, right, n);
        return;
    }
    if (!tone_.isSilent()) {
        clearScratch();
        tone_.process(fullness, sl, sr, n);
        mixLayer(LayerId::Tone, left, right, n, duck);
    }
    if (sound_.bed != BedKind::None) {
        clearScratch();
        bed_.process(sl, sr, n);
        mixLayer(LayerId::Bed, left, right, n, duck);
    }
    if (!bells_.isSilent()) {
        clearScratch();
        bells_.process(sl, sr, n);
        mixLayer(LayerId::Bells, left, right, n);
    }
    if (sound_.binaural) {
        clearScratch();
        binaural_.process(sl, sr, n);
        mixLayer(LayerId::Binaural, left, right, n);
    }
    if (sound_.isochronic) {
        clearScratch();
        isochronic_.process(sl, sr, n);
        mixLayer(LayerId::Isochronic, left, right, n);
    }
    master_.apply(left, right, n);
    if (part_ != MixPart::WithoutVoice) mixVoice(left, right, n);
    haptics_.render(fullness, n);
}

void MixGraph::mixVoice(float* left, float* right, int n) noexcept {
    const bool speaking = !voice_.isSilent();
    if (!speaking && !voiceFade_.isRamping()) return;
    float* sl = layerLeft_.data();
    float* sr = layerRight_.data();
    std::fill(sl, sl + n, 0.0f);
    std::fill(sr, sr + n, 0.0f);
    if (speaking) {
        voice_.process(sl, sr, n);
        if (voiceTrim_ != 1.0f)
            for (int i = 0; i < n; ++i) {
                sl[i] *= voiceTrim_;
                sr[i] *= voiceTrim_;
            }
    }
    // Run in silence too: the voice's fade keeps time with the master's.
    voiceFade_.apply(sl, sr, n);
    if (speaking) mixLayer(LayerId::Voice, left, right, n);
}

void MixGraph::mixLayer(LayerId layer, float* left, float* right, int n,
                        const float* duck) noexcept {
    auto& gain = gains_[static_cast<std::size_t>(layer)];
    const float* sl = layerLeft_.data();
    const float* sr = layerRight_.data();
    if (gain.isRamping() || duck != nullptr) {
        // Per-sample gain: the layer's glide, times the duck when narration speaks.
        float* g = gainRamp_.data();
        if (gain.isRamping())
            gain.fillRamp(g, n);
        else
            std::fill(g, g + n, gain.current());
        if (duck != nullptr)
            for (int i = 0; i < n; ++i) g[i] *= duck[i];
        for (int i = 0; i < n; ++i) {
            left[i] += g[i] * sl[i];
            right[i] += g[i] * sr[i];
        }
        return;
    }
    const float g = gain.current();
    for (int i = 0; i < n; ++i) {
        left[i] += g * sl[i];
        right[i] += g * sr[i];
    }
}

}  // namespace stillpoint
