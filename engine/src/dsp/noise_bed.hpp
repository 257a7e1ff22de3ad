// NoiseBed: the ambience under everything: pink noise, brown noise or a soft
// drone chord (BedKind), each stereo and decorrelated. setKind() crossfades
// over 3 s; BedKind::None fades the bed out.
//
// Level: every kind at about -20 dBFS RMS per channel.
//
// Real-time: prepare() may allocate; every other member is noexcept,
// allocation-free and O(frames). Kinds resting at gain 0 cost nothing and
// restart fresh; while isSilent() nothing advances.
#pragma once

#include "dsp/brown_noise.hpp"
#include "dsp/drone_chord.hpp"
#include "dsp/pink_noise.hpp"
#include "dsp/source_crossfade.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint::dsp {

class NoiseBed {
  public:
    void prepare(double sampleRate);
    /// Back to the start, already `kind` at full level (None: silent). The
    /// session's own fade-in is then the bed's only onset, even in dB.
    void reset(BedKind kind = BedKind::None) noexcept;
    /// Crossfade to `kind` over 3 s.
    void setKind(BedKind kind) noexcept;
    /// Add `frames` samples into left/right.
    void process(float* left, float* right, int frames) noexcept;
    bool isSilent() const noexcept { return fader_.isSilent(); }

  private:
    struct Sources;  // the three kinds as SourceCrossfade sees them

    PinkNoise pink_;
    BrownNoise brown_;
    DroneChord drone_;
    SourceCrossfade<3> fader_;
};

}  // namespace stillpoint::dsp
