// MixGraph: the fixed audio graph. Breath tone, ambience bed, bells,
// binaural beat, isochronic pulse and the narration voice, each with a
// smoothed gain, summed to a stereo bus under the master envelope. While the
// voice speaks, the bed and the breath tone duck under it.
//
// No speech under a rising fade: the voice has its own copy of the master
// envelope that falls with it (pause, stop, a jump's fade-out fade a line
// being said) but rises with it only while a line is sounding (a resume in
// the middle of a line). With no line sounding it goes straight to the
// master's target, so a line that starts at the session's start, after a
// jump or during a resume's fade is heard at its level from its first
// syllable, while the other layers fade in around it. The true-peak limiter sits after it,
// in the Engine, so offline loudness analysis can run this graph without it.
//
// prepare() allocates; everything else is real-time safe (noexcept, no
// allocation, no locks). The sequencer calls the cue methods between
// sub-blocks, so every cue lands on an exact sample.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "dsp/binaural_beat.hpp"
#include "dsp/breath_tone.hpp"
#include "dsp/duck_envelope.hpp"
#include "dsp/isochronic_pulse.hpp"
#include "dsp/master_envelope.hpp"
#include "dsp/modal_bell.hpp"
#include "dsp/noise_bed.hpp"
#include "dsp/smoothed_value.hpp"
#include "graph/voice_layer.hpp"
#include "haptics/haptic_envelope.hpp"
#include "stillpoint/engine_events.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint {

/// How the bed and the breath tone make room for the voice.
struct DuckSettings {
    double depthDb = 8.0;
    double attackSeconds = 0.3;
    double releaseSeconds = 1.5;
};

/// Which layers render: all of them (playing), or one side of the split the
/// loudness calibration measures (the voice is levelled on its own).
enum class MixPart : unsigned char { All, WithoutVoice, VoiceOnly };

class MixGraph {
  public:
    void prepare(const SoundSettings& sound, double sampleRate, int maxBlockFrames);
    /// Back to the state prepare() left: silent, faded out, default gains.
    void reset() noexcept;

    // Cues from the sequencer.
    void setTimbre(ToneTimbre timbre) noexcept;
    void setToneActive(bool active) noexcept;
    void onPhaseChange(BreathPhase phase) noexcept;
    void strikeBell(BellKind kind) noexcept;
    /// A narration line starts now; the bed and tone duck.
    void startLine(const SpokenLine& line) noexcept;
    /// The line has ended: the bed and tone come back up.
    void endLine() noexcept;
    /// A constant gain on the voice, on top of its layer gain and the master:
    /// the calibration's lift of the voice over the rest (graph/loudness_analysis).
    void setVoiceTrim(float gain) noexcept { voiceTrim_ = gain; }
    /// Render only part of the graph (loudness analysis). Not for playing.
    void setPart(MixPart part) noexcept { part_ = part; }
    void setLayerGainDb(LayerId layer, double db) noexcept;
    /// Fade the whole mix; the voice rises at once when no line sounds.
    void fadeMaster(float target, std::int64_t frames) noexcept;
    bool masterFading() const noexcept { return master_.isRamping(); }

    /// Write `n` frames (not add). `fullness` is the breath per sample.
    void render(const float* fullness, float* left, float* right, int n) noexcept;

    /// The haptic track, cued with the audio (off until the Engine configures it).
    haptics::HapticEnvelope& haptics() noexcept { return haptics_; }

  private:
    static constexpr int kLayerCount = static_cast<int>(LayerId::Count);
    /// Add the voice, under its own fade (see the top of this file).
    void mixVoice(float* left, float* right, int n) noexcept;
    void mixLayer(LayerId layer, float* left, float* right, int n,
                  const float* duck = nullptr) noexcept;

    SoundSettings sound_;
    double rate_ = 48000.0;
    dsp::BreathTone tone_;
    dsp::NoiseBed bed_;
    dsp::ModalBell bells_;
    dsp::BinauralBeat binaural_;
    dsp::IsochronicPulse isochronic_;
    VoiceLayer voice_;
    dsp::DuckEnvelope duck_;
    float voiceTrim_ = 1.0f;
    MixPart part_ = MixPart::All;
    std::array<dsp::SmoothedValue, kLayerCount> gains_;
    MasterEnvelope master_;
    MasterEnvelope voiceFade_;  ///< the master's fade as the voice has it
    haptics::HapticEnvelope haptics_;
    // Scratch: one layer rendered before it is scaled into the bus.
    std::vector<float> layerLeft_, layerRight_, gainRamp_, duckGain_;
};

}  // namespace stillpoint
