// BreathTone: the tone that paces the breath, in one of three timbres: a pad
// whose pitch and brightness follow the lungs (PadVoice), a wave of filtered
// noise that swells with them (WaveVoice), or a soft bowl struck at each phase
// change (ModalBell, BreathBowl voicing). setTimbre() crossfades over 1.5 s;
// setActive() fades the whole tone in or out over 2 s. The sequencer calls
// these between sub-blocks; inside process() nothing discrete changes.
//
// Level: each timbre is at the nominal -20 dBFS RMS (see its header).
//
// Real-time: prepare() may allocate; every other member is noexcept,
// allocation-free and O(frames). Timbres resting at gain 0 cost nothing and
// restart fresh. While isSilent() the mixer may skip process(): nothing
// advances in a silent tone, so skipping changes nothing.
#pragma once

#include "dsp/modal_bell.hpp"
#include "dsp/pad_voice.hpp"
#include "dsp/source_crossfade.hpp"
#include "dsp/wave_voice.hpp"
#include "stillpoint/breath_pattern.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint::dsp {

class BreathTone {
  public:
    void prepare(double sampleRate);
    /// Inactive, silent, timbre None.
    void reset() noexcept;

    /// Crossfade to `timbre` (instant while the tone is faded out).
    void setTimbre(ToneTimbre timbre) noexcept;
    /// Fade the tone in (true) or out (false).
    void setActive(bool active) noexcept;
    /// A breath phase begins now: with the Bowl timbre, strike the bowl (the
    /// inhale and exhale onsets louder than the holds).
    void onPhaseChange(BreathPhase phase) noexcept;

    /// Add `frames` samples. `fullness`: the lungs, 0 empty .. 1 full, per sample.
    void process(const float* fullness, float* left, float* right, int frames) noexcept;
    bool isSilent() const noexcept { return fader_.isSilent(); }

  private:
    struct Sources;  // the three timbres as SourceCrossfade sees them

    PadVoice pad_;
    WaveVoice wave_;
    ModalBell bowl_;
    SourceCrossfade<3> fader_;
};

}  // namespace stillpoint::dsp
