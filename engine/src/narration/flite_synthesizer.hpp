// FliteSynthesizer: the embedded default voice (CMU flite, BSD-style
// license), with its built-in English voices. Rate is flite's
// duration_stretch, pitch its f0_shift.
#pragma once

#include "narration/speech_synthesizer.hpp"

namespace stillpoint::narration {

class FliteSynthesizer final : public SpeechSynthesizer {
  public:
    SynthesizedAudio say(std::string_view sentence, const VoiceRequest& request,
                         std::string& error) override;
    /// The voices linked in, the default (cmu_us_slt) first.
    static std::vector<std::string> voices();
};

}  // namespace stillpoint::narration
